import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import { reply, workBody, workTitle } from '../../../src/sync/fake/text.ts';
import type { LinearIssue } from '../types.ts';

/** What the fake keeps: Linear's objects with their relations resolved. */
export interface UserRecord {
  id: string;
  name: string;
  displayName: string;
  email: string;
  active: boolean;
  createdAt: string;
}

export interface TeamRecord {
  id: string;
  key: string;
  name: string;
}

export interface CommentRecord {
  id: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the comment was deleted: Linear keeps it archived, listed only with `includeArchived`. */
  archivedAt?: string;
  user: UserRecord | null;
}

export interface IssueRecord {
  id: string;
  identifier: string;
  number: number;
  title: string;
  description: string | null;
  priority: number;
  url: string;
  branchName: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  trashed: boolean | null;
  startedAt: string | null;
  completedAt: string | null;
  canceledAt: string | null;
  dueDate: string | null;
  estimate: number | null;
  state: { id: string; name: string; type: string; color: string; position: number };
  assignee: UserRecord | null;
  creator: UserRecord | null;
  team: TeamRecord;
  labels: { id: string; name: string; color: string }[];
  cycle: { id: string; number: number; name: string | null; startsAt: string; endsAt: string } | null;
  project: { id: string; name: string; state: string } | null;
  comments: CommentRecord[];
}

export interface LinearDataset {
  apiKey: string;
  viewer: UserRecord;
  issues: IssueRecord[];
}

export const fakeApiKey = 'lin_api_fakeKey0123456789abcdefghijklmnopqrstuv';

/** A UUID-shaped id derived from a name, as Linear's ids look. */
export function uuidOf(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function userRecord(name: string, displayName: string, email: string): UserRecord {
  return { id: uuidOf(`user:${email}`), name, displayName, email, active: true, createdAt: '2023-03-01T09:00:00.000Z' };
}

const users = people.map((person) => userRecord(person.name, person.login.split('-')[0]!, person.email));
const teams: TeamRecord[] = [['ENG', 'Engineering'], ['MOB', 'Mobile'], ['PLT', 'Platform']].map(([key, name]) => ({ id: uuidOf(`team:${key}`), key: key!, name: name! }));
const states = [
  ['Triage', 'triage', '#fc7840'], ['Backlog', 'backlog', '#bec2c8'], ['Todo', 'unstarted', '#e2e2e2'], ['In Progress', 'started', '#f2c94c'],
  ['In Review', 'started', '#5e6ad2'], ['Done', 'completed', '#5e6ad2'], ['Canceled', 'canceled', '#95a2b3'],
] as const;
const labels = ['Bug', 'Feature', 'Improvement', 'Tech debt', 'Customer request', 'Security'];
const projects = ['Billing v2', 'Mobile onboarding', 'SOC 2 readiness', 'Search relevance'];
const end = Date.parse('2026-11-20T12:00:00.000Z');
const day = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms)).toISOString();

const projectRecord = (name: string) => ({ id: uuidOf(`project:${name}`), name, state: 'started' });

/** A deterministic workspace: three teams of the shared fake team, two-week cycles, projects, comments. */
export function generateDataset(options: { issues: number; seed?: number }): LinearDataset {
  const random = new SeededRandom(options.seed ?? 1);
  const numbers = new Map<string, number>();
  const created = Array.from({ length: options.issues }, () => end - random.next() * 400 * day).sort((a, b) => a - b);
  const issues = created.map((createdMs) => {
    const team = random.pick(teams);
    const number = (numbers.get(team.key) ?? 0) + 1;
    numbers.set(team.key, number);
    const updatedMs = createdMs + random.next() * (end - createdMs);
    const [stateName, stateType, color] = random.pick(states);
    const title = workTitle(random);
    const cycleNumber = Math.floor((updatedMs - (end - 400 * day)) / (14 * day)) + 1;
    const cycleStart = end - 400 * day + (cycleNumber - 1) * 14 * day;
    const commentCount = random.chance(0.5) ? 0 : random.int(1, 6);
    const identifier = `${team.key}-${number}`;
    const record: IssueRecord = {
      id: uuidOf(`issue:${identifier}`), identifier, number, title, description: random.chance(0.9) ? workBody(random, people) : null,
      priority: random.int(0, 4), url: `https://linear.app/acme/issue/${identifier}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`,
      branchName: `${users[0]!.displayName}/${identifier.toLowerCase()}`, createdAt: iso(createdMs), updatedAt: iso(updatedMs), archivedAt: null,
      trashed: null, startedAt: null, completedAt: stateType === 'completed' ? iso(updatedMs) : null, canceledAt: stateType === 'canceled' ? iso(updatedMs) : null,
      dueDate: random.chance(0.2) ? iso(updatedMs + 10 * day).slice(0, 10) : null, estimate: random.chance(0.6) ? random.pick([1, 2, 3, 5, 8]) : null,
      state: { id: uuidOf(`state:${team.key}:${stateName}`), name: stateName, type: stateType, color, position: states.findIndex((state) => state[0] === stateName) },
      assignee: random.chance(0.8) ? random.pick(users) : null, creator: random.pick(users), team,
      labels: random.some(labels, 2).map((name) => ({ id: uuidOf(`label:${name}`), name, color: '#eb5757' })),
      cycle: random.chance(0.6) ? { id: uuidOf(`cycle:${team.key}:${cycleNumber}`), number: cycleNumber, name: null, startsAt: iso(cycleStart), endsAt: iso(cycleStart + 14 * day) } : null,
      project: random.chance(0.5) ? projectRecord(random.pick(projects)) : null,
      comments: [],
    };
    record.comments = Array.from({ length: commentCount }, (_, i) => {
      const at = iso(createdMs + ((updatedMs - createdMs) * (i + 1)) / commentCount);
      return { id: uuidOf(`comment:${identifier}:${i}`), body: reply(random, people), createdAt: at, updatedAt: at, user: random.pick(users) };
    });
    return record;
  });
  return { apiKey: fakeApiKey, viewer: users[0]!, issues };
}

/**
 * The data set in `fixtures/`: raw GraphQL answers (`viewer.json`, `issues.json`,
 * the connector's own queries), turned back into the fake's records.
 */
export function fixtureDataset(dir = join(import.meta.dirname, '..', 'fixtures')): LinearDataset {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const viewer = read('viewer.json').data.viewer as UserRecord;
  const nodes = read('issues.json').data.issues.nodes as LinearIssue[];
  const user = (found: { name: string; displayName: string; email?: string } | null) =>
    found ? { ...userRecord(found.name, found.displayName, found.email ?? `${found.displayName}@acme.dev`) } : null;
  const issues = nodes.map((node): IssueRecord => ({
    ...node, branchName: node.identifier.toLowerCase(), startedAt: null,
    state: { id: uuidOf(`state:${node.team.key}:${node.state.name}`), ...node.state, color: '#5e6ad2', position: 0 },
    assignee: user(node.assignee), creator: user(node.creator), team: { id: uuidOf(`team:${node.team.key}`), ...node.team },
    labels: node.labels.nodes.map((label) => ({ id: uuidOf(`label:${label.name}`), name: label.name, color: '#eb5757' })),
    cycle: node.cycle ? { id: uuidOf(`cycle:${node.team.key}:${node.cycle.number}`), ...node.cycle } : null,
    project: node.project ? projectRecord(node.project.name) : null,
    comments: node.comments.nodes.map((comment) => ({ ...comment, updatedAt: comment.createdAt, user: user(comment.user) })),
  }));
  return { apiKey: fakeApiKey, viewer: { ...viewer, active: true, createdAt: '2023-03-01T09:00:00.000Z' }, issues };
}
