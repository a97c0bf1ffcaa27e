import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ListUsersResponse, SearchResponse } from '@notionhq/client';
import { people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import { workTitle } from '../../../src/sync/fake/text.ts';
import type { BlockNode, BlockObjectResponse, DataSourceObjectResponse, PageObjectResponse, UserObjectResponse } from '../types.ts';
import { type Shape, buildBlocks, contentOf } from './content.ts';
import { notionId, pageOfBlock, pageUrl, person, text, titleProperty } from './objects.ts';

/** What the fake serves: Notion's objects as the API returns them, and each page's blocks. */
export interface NotionDataset {
  token: string;
  /** `users.me`: the integration's bot, owned by the person who installed it. */
  bot: UserObjectResponse;
  users: UserObjectResponse[];
  pages: PageObjectResponse[];
  dataSources: DataSourceObjectResponse[];
  /** The blocks of a page or block, child pages and databases left out: the fake adds those from the pages' parents. */
  children(id: string): BlockObjectResponse[];
}

/** An internal integration secret, as Notion formats them. */
export const fakeToken = 'ntn_fake4827461928374fKd8sJ2mQ9xLp0RtY6uVbN3cZaW';

const users = people.map((member) => person(member.name, member.email));
/** Where generated data ends, unless told otherwise: a fixed date keeps tests and fixtures stable. */
export const defaultEnd = Date.parse('2026-11-20T12:00:00.000Z');
const day = 86_400_000;
/** Notion's times are whole minutes. */
const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
const userRef = (user: UserObjectResponse) => ({ object: 'user' as const, id: user.id });

const bot: UserObjectResponse = {
  object: 'user', id: notionId('bot:airstore'), name: 'Airstore', avatar_url: null, type: 'bot',
  bot: { owner: { type: 'user', user: users[0]! as Extract<UserObjectResponse, { type: 'person' }> }, workspace_id: notionId('workspace:acme'), workspace_name: 'Acme', workspace_limits: { max_file_upload_size_in_bytes: 5_368_709_120 } },
} as UserObjectResponse;

const sections = [['home', 'Acme Home'], ['wiki', 'Engineering Wiki'], ['meetings', 'Meeting Notes'], ['specs', 'Product Specs']] as const;
const databaseId = notionId('database:tasks');
const dataSourceId = notionId('data_source:tasks');
const statuses = [['Not started', 'default'], ['In progress', 'blue'], ['Done', 'green']] as const;
const tags = ['Bug', 'Feature', 'Infra', 'Customer', 'Docs'];
const priorities = ['High', 'Medium', 'Low'];
const wikiTitles = ['Deploy guide', 'On-call runbook', 'Onboarding checklist', 'Postmortem: search outage', 'Coding guidelines', 'Incident process', 'Architecture overview', 'Local setup', 'Release process', 'Q4 OKRs'];
const option = (name: string, color = 'default') => ({ id: notionId(`option:${name}`).slice(0, 8), name, color }) as const;

function page(id: string, title: string, parent: PageObjectResponse['parent'], created: number, edited: number, author: UserObjectResponse, editor: UserObjectResponse, properties: PageObjectResponse['properties']): PageObjectResponse {
  return {
    object: 'page', id, created_time: iso(created), last_edited_time: iso(edited), in_trash: false, archived: false, is_archived: false, is_locked: false,
    url: pageUrl(id, title), public_url: null, parent, properties, icon: null, cover: null, created_by: userRef(author), last_edited_by: userRef(editor),
  };
}

function tasksSource(founded: number): DataSourceObjectResponse {
  // A column's configuration; the fake serves it as it is, so its exact option shapes are not checked here.
  const config = (id: string, name: string, type: string, value: object = {}) => ({ id, name, description: null, type, [type]: value }) as unknown as DataSourceObjectResponse['properties'][string];
  return {
    object: 'data_source', id: dataSourceId, title: [text('Tasks')], description: [text('Everything the team is working on')],
    parent: { type: 'database_id', database_id: databaseId }, database_parent: { type: 'page_id', page_id: notionId('page:wiki') },
    is_inline: false, in_trash: false, archived: false, created_time: iso(founded), last_edited_time: iso(founded),
    created_by: userRef(users[0]!), last_edited_by: userRef(users[0]!), icon: null, cover: null, url: pageUrl(databaseId, 'Tasks'), public_url: null,
    properties: {
      Name: config('title', 'Name', 'title'),
      Status: config('stat', 'Status', 'status', { options: statuses.map(([name, color]) => option(name, color)), groups: [] }),
      Tags: config('tags', 'Tags', 'multi_select', { options: tags.map((name) => option(name)) }),
      Assignee: config('asgn', 'Assignee', 'people'),
      Due: config('due', 'Due', 'date'),
      Priority: config('prio', 'Priority', 'select', { options: priorities.map((name) => option(name)) }),
      Estimate: config('est', 'Estimate', 'number', { format: 'number' }),
      Blocked: config('blk', 'Blocked', 'checkbox'),
      ID: config('uid', 'ID', 'unique_id', { prefix: 'TASK' }),
    },
  };
}

function taskProperties(random: SeededRandom, title: string, number: number, created: number): PageObjectResponse['properties'] {
  const [status, color] = random.pick(statuses);
  const assignee = random.chance(0.8) ? [random.pick(users)] : [];
  return {
    Name: titleProperty(title),
    Status: { id: 'stat', type: 'status', status: option(status, color) },
    Tags: { id: 'tags', type: 'multi_select', multi_select: random.some(tags, 2).map((name) => option(name)) },
    Assignee: { id: 'asgn', type: 'people', people: assignee },
    Due: { id: 'due', type: 'date', date: random.chance(0.5) ? { start: iso(created + random.int(3, 40) * day).slice(0, 10), end: null, time_zone: null } : null },
    Priority: { id: 'prio', type: 'select', select: random.chance(0.7) ? option(random.pick(priorities)) : null },
    Estimate: { id: 'est', type: 'number', number: random.chance(0.6) ? random.pick([1, 2, 3, 5, 8]) : null },
    Blocked: { id: 'blk', type: 'checkbox', checkbox: random.chance(0.1) },
    ID: { id: 'uid', type: 'unique_id', unique_id: { prefix: 'TASK', number } },
  } as PageObjectResponse['properties'];
}

/**
 * A deterministic company workspace of about `pages` items: four top-level
 * sections, a Tasks database (Status, Tags, Assignee, Due, Priority…) under
 * the wiki, meeting notes, specs and wiki pages nested up to a few levels.
 * Pages' blocks are built again from their id whenever asked for, so 50,000
 * pages cost only their page objects. Pages are created over the `days`
 * (default 400) before `end`, the sections and the database 100 days earlier.
 */
export function generateDataset(options: { pages: number; seed?: number; end?: number; days?: number }): NotionDataset {
  const random = new SeededRandom(options.seed ?? 1);
  const end = options.end ?? defaultEnd;
  const days = options.days ?? 400;
  const founded = end - (days + 100) * day;
  const shapes = new Map<string, Shape>();
  const pages: PageObjectResponse[] = sections.map(([key, title]) => {
    shapes.set(notionId(`page:${key}`), 'section');
    return page(notionId(`page:${key}`), title, { type: 'workspace', workspace: true }, founded, founded, users[0]!, users[0]!, { title: titleProperty(title) });
  });
  const within = { wiki: [notionId('page:wiki')], meetings: [notionId('page:meetings')], specs: [notionId('page:specs')] };
  const seed = options.seed ?? 1;
  for (let index = 0, tasks = 0; index < options.pages - sections.length; index++) {
    const id = notionId(`page:${seed}:${index}`);
    const created = end - random.next() * days * day;
    const edited = created + random.next() * (end - created);
    const author = random.pick(users);
    const editor = random.chance(0.6) ? author : random.pick(users);
    const roll = random.next();
    let created_page: PageObjectResponse;
    if (roll < 0.4) {
      const title = workTitle(random);
      created_page = page(id, title, { type: 'data_source_id', data_source_id: dataSourceId, database_id: databaseId }, created, edited, author, editor, taskProperties(random, title, ++tasks, created));
      shapes.set(id, 'task');
    } else {
      const shape: Shape = roll < 0.65 ? 'meeting' : roll < 0.8 ? 'spec' : 'wiki';
      const area = shape === 'meeting' ? within.meetings : shape === 'spec' ? within.specs : within.wiki;
      const parentId = random.chance(0.3) ? random.pick(area) : area[0]!;
      const date = iso(created).slice(0, 10);
      const title = shape === 'meeting' ? `${random.pick(['Weekly sync', 'Design review', 'Retro', 'Planning'])} ${date}`
        : shape === 'spec' ? `RFC: ${workTitle(random)}` : `${random.pick(wikiTitles)}${random.chance(0.5) ? ` (${random.pick(['web', 'mobile', 'API', 'billing'])})` : ''}`;
      created_page = page(id, title, { type: 'page_id', page_id: parentId }, created, edited, author, editor, { title: titleProperty(title) });
      area.push(id);
      shapes.set(id, shape);
    }
    pages.push(created_page);
  }
  const byPrefix = new Map(pages.map((entry) => [pageOfBlock(entry.id), entry]));
  const tree = (entry: PageObjectResponse): BlockNode[] => buildBlocks(
    contentOf(shapes.get(entry.id)!, entry.id, entry.created_time.slice(0, 10)), { pageId: entry.id, time: entry.created_time, userId: entry.created_by.id },
  );
  return {
    token: fakeToken, bot, users: [...users, bot], pages, dataSources: [tasksSource(founded)],
    children(id) {
      const owner = byPrefix.get(pageOfBlock(id));
      if (!owner || !shapes.has(owner.id)) return [];
      return (owner.id === id ? tree(owner) : findNode(tree(owner), id)?.children ?? []).map((node) => node.block);
    },
  };
}

function findNode(nodes: readonly BlockNode[], id: string): BlockNode | undefined {
  for (const node of nodes) {
    if (node.block.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/**
 * The workspace in `fixtures/`: Notion's answers to `users.me`, `users.list`
 * and one `search` listing everything, and `block-children.json`, each page's
 * and block's `blocks.children.list` results by id (generated once from
 * `generateDataset({ pages: 12, seed: 3 })`).
 */
export function fixtureDataset(): NotionDataset {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as T;
  const listed = read<SearchResponse>('search.json').results;
  const children = read<Record<string, BlockObjectResponse[]>>('block-children.json');
  return {
    token: fakeToken,
    bot: read<UserObjectResponse>('users.me.json'),
    users: read<ListUsersResponse>('users.list.json').results,
    pages: listed.filter((result): result is PageObjectResponse => result.object === 'page'),
    dataSources: listed.filter((result): result is DataSourceObjectResponse => result.object === 'data_source'),
    children: (id) => children[id] ?? [],
  };
}
