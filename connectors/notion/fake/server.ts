import { randomUUID } from 'node:crypto';
import { type Fault, type FakeReply, type FakeRequest, type FakeRoute, FakeProvider } from '../../../src/sync/fake/server.ts';
import { descends } from '../blocks.ts';
import { titleOf } from '../map.ts';
import { plainOf } from '../rich-text.ts';
import type { BlockNode, BlockObjectResponse, DataSourceObjectResponse, Lookup, PageObjectResponse, UserObjectResponse } from '../types.ts';
import { paragraph } from './content.ts';
import type { NotionDataset } from './dataset.ts';
import { blockOf, notionId, pageOfBlock, pageUrl, text, titleProperty } from './objects.ts';

type Result = PageObjectResponse | DataSourceObjectResponse;

/** The Notion-Version the fake speaks: the SDK's default. */
export const notionVersion = '2025-09-03';

/** Notion's error body. */
export function notionError(status: number, code: string, message: string, headers?: Record<string, string>): FakeReply {
  return { status, headers, json: { object: 'error', status, code, message, request_id: randomUUID() } };
}

const notFound = (kind: string, id: string) => notionError(404, 'object_not_found', `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);
const key = (result: Result) => `${result.last_edited_time}\u0000${result.id}`;
const list = <T>(type: string, results: T[], next: string | null) => ({ object: 'list', results, next_cursor: next, has_more: next !== null, type, [type]: {} });

/** `page_size` as Notion validates it: 1 to 100, 100 when absent. */
function pageSize(value: unknown): number | FakeReply {
  if (value === undefined || value === null) return 100;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 100) return notionError(400, 'validation_error', `body failed validation: body.page_size should be a number between 1 and 100, instead was \`${String(value)}\`.`);
  return size;
}

/**
 * Notion's API (version 2025-09-03) as `@notionhq/client` calls it: `POST
 * /v1/search` (newest or oldest edit first, `filter` by object or `in_trash`,
 * keyset `start_cursor`), `GET /v1/blocks/{id}/children` (start cursors are
 * block ids), `GET /v1/pages/{id}`, `GET /v1/data_sources/{id}`, `GET
 * /v1/users`, `/v1/users/me`. Requests need the Bearer secret and the
 * Notion-Version header; errors are Notion's `{ object: 'error', status, code,
 * message }`. Edits take the current minute, as Notion's rounded times do.
 */
export class NotionFake extends FakeProvider {
  readonly #token: string;
  readonly #bot: UserObjectResponse;
  readonly #users: UserObjectResponse[];
  readonly #content: (id: string) => BlockObjectResponse[];
  readonly #pages = new Map<string, PageObjectResponse>();
  readonly #byPrefix = new Map<string, string>();
  /** Pages by their parent page. */
  readonly #subpages = new Map<string, string[]>();
  readonly #sources = new Map<string, DataSourceObjectResponse>();
  readonly #hidden = new Set<string>();
  readonly #appended = new Map<string, BlockObjectResponse[]>();
  #sorted: Result[] | undefined;
  #added = 0;

  constructor(dataset: NotionDataset) {
    super();
    this.#token = dataset.token;
    this.#bot = dataset.bot;
    this.#users = dataset.users;
    this.#content = dataset.children;
    for (const page of dataset.pages) this.#addPageRecord(structuredClone(page));
    for (const source of dataset.dataSources) this.#sources.set(source.id, structuredClone(source));
  }

  /** Pages shared with the integration and not in the trash: what a sync should hold. */
  livePages(): PageObjectResponse[] {
    return [...this.#pages.values()].filter((page) => this.#visible(page.id) && !page.in_trash);
  }

  dataSources(): DataSourceObjectResponse[] {
    return [...this.#sources.values()];
  }

  /** A page's or block's children as the API lists them, child pages and databases included. */
  children(id: string): BlockObjectResponse[] {
    const base = this.#content(id).concat(this.#appended.get(id) ?? []);
    const page = this.#pages.get(id);
    if (!page) return base;
    const place = (child: { created_time: string; created_by: { id: string } }) => ({ pageId: id, parentId: id, ordinal: 0, time: child.created_time, userId: child.created_by.id });
    const pages = (this.#subpages.get(id) ?? []).map((child) => this.#pages.get(child)!).filter((child) => !child.in_trash && this.#visible(child.id))
      .sort((a, b) => a.created_time.localeCompare(b.created_time) || a.id.localeCompare(b.id))
      .map((child) => blockOf(place(child), 'child_page', { title: titleOf(child) }, true, child.id));
    const databases = [...this.#sources.values()].filter((source) => source.database_parent.type === 'page_id' && source.database_parent.page_id === id)
      .map((source) => blockOf(place(source), 'child_database', { title: plainOf(source.title) }, true, source.parent.type === 'database_id' ? source.parent.database_id : source.id));
    return [...base, ...pages, ...databases];
  }

  /** A page's blocks as a sync reads them (not descending into child pages). */
  tree(id: string): BlockNode[] {
    return this.children(id).map((block) => ({ block, children: descends(block) ? this.tree(block.id) : [] }));
  }

  /** The requests reading a page's blocks takes: one per 100 children of the page and of each block it descends into. */
  blockRequests(id: string): number {
    const count = (nodes: readonly BlockNode[]): number => Math.max(1, Math.ceil(nodes.length / 100)) + nodes.filter((node) => descends(node.block)).reduce((sum, node) => sum + count(node.children), 0);
    return count(this.tree(id));
  }

  /** Names as the API gives them: people from `users.list`, titles of pages and data sources the integration can see. */
  lookup(): Lookup {
    return {
      user: (id) => this.#users.find((user) => user.id === id)?.name ?? null,
      pageTitle: (id) => (this.#visible(id) && this.#pages.has(id) ? titleOf(this.#pages.get(id)!) : null),
      dataSource: (id) => {
        const source = this.#sources.get(id);
        if (!source) return null;
        return { title: plainOf(source.title), parentPageId: source.database_parent.type === 'page_id' ? source.database_parent.page_id : null };
      },
    };
  }

  /** Edits a page: a new title, a new Status, or a paragraph added at the end. */
  editPage(id: string, change: { title?: string; status?: string; append?: string }): void {
    const page = this.#require(id);
    if (change.title !== undefined) {
      const [name] = Object.entries(page.properties).find(([, value]) => value.type === 'title')!;
      page.properties[name] = { ...titleProperty(change.title), id: page.properties[name]!.id };
      page.url = pageUrl(id, change.title);
    }
    if (change.status !== undefined) page.properties.Status = { id: 'stat', type: 'status', status: { id: notionId(`option:${change.status}`).slice(0, 8), name: change.status, color: 'default' } };
    if (change.append !== undefined) {
      const blocks = this.#appended.get(id) ?? [];
      const place = { pageId: id, parentId: id, ordinal: 50_000 + blocks.length, time: this.#now(), userId: this.#users[0]!.id };
      blocks.push(blockOf(place, 'paragraph', paragraph(text(change.append)).content, false));
      this.#appended.set(id, blocks);
    }
    this.#touch(page, change.title !== undefined);
  }

  /** Adds a page under a page, or a row to a data source; returns its id. */
  addPage(parentId: string, title: string, body: string): string {
    const id = notionId(`added:${++this.#added}:${title}`);
    const now = this.#now();
    const source = this.#sources.get(parentId);
    const user = { object: 'user' as const, id: this.#users[0]!.id };
    const page: PageObjectResponse = {
      object: 'page', id, created_time: now, last_edited_time: now, in_trash: false, archived: false, is_archived: false, is_locked: false,
      url: pageUrl(id, title), public_url: null, icon: null, cover: null, created_by: user, last_edited_by: user,
      parent: source ? { type: 'data_source_id', data_source_id: parentId, database_id: source.parent.type === 'database_id' ? source.parent.database_id : parentId } : { type: 'page_id', page_id: parentId },
      properties: source ? { Name: titleProperty(title) } : { title: titleProperty(title) },
    };
    this.#addPageRecord(page);
    this.#appended.set(id, [blockOf({ pageId: id, parentId: id, ordinal: 50_000, time: now, userId: user.id }, 'paragraph', paragraph(text(body)).content, false)]);
    this.#touch(page, true);
    return id;
  }

  /** Moves a page to the trash, as deleting it in Notion does. */
  trashPage(id: string): void {
    const page = this.#require(id);
    Object.assign(page, { in_trash: true, archived: true });
    this.#touch(page, true);
  }

  /** Stops sharing a page (and so what is under it) with the integration: it is no longer found. */
  unsharePage(id: string): void {
    this.#hidden.add(id);
    this.#sorted = undefined;
  }

  protected override routes(): readonly FakeRoute[] {
    const route = (method: string, name: string, path: string, handle: FakeRoute['handle']): FakeRoute => ({
      method, name, pattern: new RegExp(`^/v1${path}$`), handle: (request, params) => this.#versionError(request) ?? handle(request, params),
    });
    return [
      route('POST', 'search', '/search', (request) => this.#search(request)),
      route('GET', 'blocks.children.list', '/blocks/([^/]+)/children', (request, [id]) => this.#blockChildren(id!, request.query)),
      route('GET', 'pages.retrieve', '/pages/([^/]+)', (_request, [id]) => (this.#pages.has(id!) && this.#visible(id!) ? { status: 200, json: this.#pages.get(id!) } : notFound('page', id!))),
      route('GET', 'dataSources.retrieve', '/data_sources/([^/]+)', (_request, [id]) => (this.#sources.has(id!) ? { status: 200, json: this.#sources.get(id!) } : notFound('data_source', id!))),
      route('GET', 'users.me', '/users/me', () => ({ status: 200, json: this.#bot })),
      route('GET', 'users.list', '/users', (request) => this.#usersList(request.query)),
    ];
  }

  protected override authorized(request: FakeRequest): boolean {
    return request.headers.authorization === `Bearer ${this.#token}`;
  }

  protected override unauthorized(): FakeReply {
    return notionError(401, 'unauthorized', 'API token is invalid.');
  }

  protected override faultReply(fault: Fault): FakeReply {
    if (fault.status === 429) return notionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.', { 'retry-after': String(fault.retryAfter ?? 60) });
    if (fault.status === 500) return notionError(500, 'internal_server_error', 'Unexpected error occurred.');
    return notionError(fault.status, 'service_unavailable', 'Notion is unavailable, please try again later.');
  }

  #versionError(request: FakeRequest): FakeReply | undefined {
    const version = request.headers['notion-version'];
    if (version === undefined) return notionError(400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.');
    if (version !== notionVersion) return notionError(400, 'validation_error', `The fake speaks Notion-Version ${notionVersion}, not ${String(version)}.`);
    return undefined;
  }

  #search(request: FakeRequest): FakeReply {
    let body: { query?: string; sort?: { timestamp?: string; direction?: string }; filter?: { property?: string; value?: string; in_trash?: boolean }; start_cursor?: string; page_size?: number };
    try {
      body = JSON.parse(request.body || '{}');
    } catch {
      return notionError(400, 'invalid_json', 'Error parsing JSON body.');
    }
    const size = pageSize(body.page_size);
    if (typeof size !== 'number') return size;
    const { sort, filter } = body;
    if (sort && (sort.timestamp !== 'last_edited_time' || !['ascending', 'descending'].includes(sort.direction ?? ''))) {
      return notionError(400, 'validation_error', 'body failed validation: body.sort.timestamp should be `"last_edited_time"` and body.sort.direction `"ascending"` or `"descending"`.');
    }
    if (filter && (filter.property === undefined ? typeof filter.in_trash !== 'boolean' : filter.property !== 'object' || !['page', 'data_source'].includes(filter.value ?? ''))) {
      return notionError(400, 'validation_error', 'body failed validation: body.filter.value should be `"page"` or `"data_source"`, or body.filter.in_trash a boolean.');
    }
    const after = body.start_cursor === undefined ? undefined : Buffer.from(body.start_cursor, 'base64url').toString();
    if (after !== undefined && !/^\d{4}-\d\d-\d\dT[\d:.]+Z\u0000[0-9a-f-]{36}$/.test(after)) return notionError(400, 'validation_error', `start_cursor provided is invalid: ${body.start_cursor}`);
    const ascending = sort?.direction === 'ascending';
    const query = body.query?.toLowerCase();
    let results = this.#sortedResults().filter((result) => result.in_trash === (filter?.in_trash ?? false)
      && (!filter?.value || result.object === filter.value) && (!query || resultTitle(result).toLowerCase().includes(query)));
    if (ascending) results = results.toReversed();
    const rest = after === undefined ? results : results.filter((result) => (ascending ? key(result) > after : key(result) < after));
    const page = rest.slice(0, size);
    const next = rest.length > size ? Buffer.from(key(page.at(-1)!)).toString('base64url') : null;
    // Logged apart: a pass over the trash is not a page of a listing.
    return { status: 200, json: list('page_or_data_source', page, next), ...(filter?.in_trash ? { route: 'search.trash' } : {}) };
  }

  #blockChildren(id: string, query: URLSearchParams): FakeReply {
    const owner = this.#byPrefix.get(pageOfBlock(id));
    const database = [...this.#sources.values()].some((source) => source.parent.type === 'database_id' && source.parent.database_id === id);
    if (!database && (!owner || !this.#visible(owner))) return notFound('block', id);
    const size = pageSize(query.get('page_size') ?? undefined);
    if (typeof size !== 'number') return size;
    const children = database ? [] : this.children(id);
    const start = query.get('start_cursor');
    const from = start === null ? 0 : children.findIndex((block) => block.id === start);
    if (from < 0) return notionError(400, 'validation_error', `start_cursor provided is invalid: ${start}`);
    const page = children.slice(from, from + size);
    return { status: 200, json: list('block', page, children[from + size]?.id ?? null) };
  }

  #usersList(query: URLSearchParams): FakeReply {
    const size = pageSize(query.get('page_size') ?? undefined);
    if (typeof size !== 'number') return size;
    const start = query.get('start_cursor');
    const from = start === null ? 0 : this.#users.findIndex((user) => user.id === start);
    if (from < 0) return notionError(400, 'validation_error', `start_cursor provided is invalid: ${start}`);
    return { status: 200, json: list('user', this.#users.slice(from, from + size), this.#users[from + size]?.id ?? null) };
  }

  #sortedResults(): Result[] {
    this.#sorted ??= [...this.#pages.values(), ...this.#sources.values()].filter((result) => this.#visible(result.id)).sort((a, b) => key(b).localeCompare(key(a)));
    return this.#sorted;
  }

  /** Shared with the integration: neither the page nor a page above it was unshared. */
  #visible(id: string): boolean {
    for (let current = id as string | null; current; current = this.#parentPage(current)) if (this.#hidden.has(current)) return false;
    return true;
  }

  /** The page above a page: its parent page, or for a row the page that holds its database. */
  #parentPage(id: string): string | null {
    const parent = this.#pages.get(id)?.parent;
    if (parent?.type === 'page_id') return parent.page_id;
    const holder = parent?.type === 'data_source_id' ? this.#sources.get(parent.data_source_id)?.database_parent : undefined;
    return holder?.type === 'page_id' ? holder.page_id : null;
  }

  #addPageRecord(page: PageObjectResponse): void {
    this.#sorted = undefined;
    this.#pages.set(page.id, page);
    this.#byPrefix.set(pageOfBlock(page.id), page.id);
    if (page.parent.type !== 'page_id') return;
    const siblings = this.#subpages.get(page.parent.page_id) ?? [];
    siblings.push(page.id);
    this.#subpages.set(page.parent.page_id, siblings);
  }

  /** A page was edited now; a change to what its parent shows of it (title, presence) edits the parent too. */
  #touch(page: PageObjectResponse, parentToo: boolean): void {
    Object.assign(page, { last_edited_time: this.#now(), last_edited_by: { object: 'user', id: this.#users[0]!.id } });
    if (parentToo && page.parent.type === 'page_id') this.#touch(this.#require(page.parent.page_id), false);
    this.#sorted = undefined;
  }

  #require(id: string): PageObjectResponse {
    const page = this.#pages.get(id);
    if (!page) throw new Error(`no page ${id} in the fake`);
    return page;
  }

  /** Now, rounded down to the minute as Notion's edit times are. */
  #now(): string {
    return new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  }
}

function resultTitle(result: Result): string {
  return result.object === 'page' ? titleOf(result) : plainOf(result.title);
}
