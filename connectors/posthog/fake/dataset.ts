import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Person, people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import type { Cohort, Dashboard, FeatureFlag, Insight, PostHogMe, PostHogUser } from '../types.ts';
import type { EventRecord, PersonRecord } from './hogql-run.ts';
import { dashboardTemplates, eventProperties, eventWeights, flagTemplates, cohortTemplates, insightTemplates } from './templates.ts';

/** A PostHog project as the fake serves it: its users' objects and its customers' events. */
export interface PostHogDataset {
  apiKey: string;
  projectId: number;
  me: PostHogMe;
  insights: Insight[];
  dashboards: Dashboard[];
  flags: FeatureFlag[];
  cohorts: Cohort[];
  persons: PersonRecord[];
  events: EventRecord[];
}

export const fakeApiKey = 'phx_fakePersonalApiKey0123456789abcdefghijklmnopqrstuv';
export const fakeProjectId = 4242;
/** Where generated data ends, unless told otherwise. */
export const defaultEnd = Date.parse('2026-11-20T12:00:00.000Z');
const day = 86_400_000;

function hex(name: string): string {
  return createHash('sha1').update(name).digest('hex');
}

/** A UUIDv7 (time-ordered, as PostHog's event ids) derived from a time and a name. */
export function uuid7(ms: number, name: string): string {
  const time = Math.floor(ms).toString(16).padStart(12, '0');
  const rest = hex(name);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rest.slice(0, 3)}-8${rest.slice(3, 6)}-${rest.slice(6, 18)}`;
}

/** A time as PostHog returns DateTime64(6) values. */
export const micros = (ms: number) => `${new Date(Math.floor(ms)).toISOString().slice(0, 23)}000Z`;

export function userOf(person: Person, index: number): PostHogUser {
  const [first, ...last] = person.name.split(' ');
  return { id: index + 1, uuid: uuid7(Date.parse('2024-01-01T00:00:00Z'), `user:${person.email}`), distinct_id: hex(`distinct:${person.email}`).slice(0, 40), first_name: first!, last_name: last.join(' '), email: person.email };
}

const users = people.map(userOf);
const firstNames = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Sofia', 'Mason', 'Isabella', 'Lucas', 'Mia', 'Amir', 'Chen', 'Freya', 'Kofi', 'Lena', 'Ravi', 'Sara', 'Tomás', 'Yara'];
const lastNames = ['Smith', 'Garcia', 'Kim', 'Nguyen', 'Müller', 'Rossi', 'Dubois', 'Silva', 'Khan', 'Novak', 'Jensen', 'Moreau', 'Ito', 'Haddad', 'Walker'];
const domains = ['gmail.com', 'northwind.io', 'globex.com', 'initech.com', 'umbrella.co', 'hooli.xyz', 'piedpiper.net', 'acme.dev'];

function customers(random: SeededRandom, count: number): PersonRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    if (random.chance(0.2)) return { distinct_id: uuid7(Date.parse('2025-01-01T00:00:00Z') + i * 1000, `anon:${i}`), properties: {} };
    const email = `${first}.${last}${i}@${random.pick(domains)}`.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return { distinct_id: email, properties: { email, name: `${first} ${last}`, plan: random.pick(['free', 'free', 'pro', 'team', 'enterprise']) } };
  });
}

function pickWeighted(random: SeededRandom): string {
  const total = eventWeights.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random.next() * total;
  for (const [event, weight] of eventWeights) if ((at -= weight) < 0) return event;
  return eventWeights[0]![0];
}

export interface DatasetOptions {
  /** Events, spread over `days` days ending at `end`. */
  events: number;
  days?: number;
  end?: number;
  seed?: number;
  insights?: number;
  dashboards?: number;
  flags?: number;
  cohorts?: number;
}

/**
 * A deterministic product-analytics project: customers' events ($pageview,
 * signed_up, subscription_started, invoice_paid…), and the team's insights
 * (trends, funnels, retention, SQL), dashboards, feature flags and cohorts.
 */
export function generateDataset(options: DatasetOptions): PostHogDataset {
  const random = new SeededRandom(options.seed ?? 1);
  const end = options.end ?? defaultEnd;
  const days = options.days ?? 30;
  const persons = customers(random, Math.max(10, Math.min(400, Math.ceil(options.events / 20))));
  const times = Array.from({ length: options.events }, () => end - random.next() * days * day).sort((a, b) => a - b);
  const events = times.map((ms, i): EventRecord => {
    const event = pickWeighted(random);
    const person = random.pick(persons);
    return { uuid: uuid7(ms, `event:${options.seed ?? 1}:${i}`), event, distinct_id: person.distinct_id, timestamp: micros(ms), properties: eventProperties(event, random, person) };
  });
  const at = (ageDays: number) => micros(end - ageDays * day - random.next() * day);
  const made = <T>(count: number, templates: readonly T[]) => Array.from({ length: count }, (_, i) => ({ template: templates[i % templates.length]!, copy: Math.floor(i / templates.length), i }));
  const insights = made(options.insights ?? 14, insightTemplates).map(({ template, copy, i }): Insight => {
    const created = at(random.int(30, 400));
    const modified = micros(Math.max(Date.parse(created), end - random.int(0, 29) * day - random.next() * day));
    return {
      id: i + 1, short_id: hex(`insight:${i}`).slice(0, 8), name: copy ? `${template.name} ${copy + 1}` : template.name, derived_name: null,
      description: template.description, filters: template.query ? {} : template.filters ?? {}, query: template.query ?? null, dashboards: [], tags: template.tags,
      favorited: random.chance(0.3), saved: true, created_by: random.pick(users), created_at: created, last_modified_at: modified, updated_at: modified,
    };
  });
  const dashboards = made(options.dashboards ?? 4, dashboardTemplates).map(({ template, copy, i }): Dashboard => ({
    id: i + 1, name: copy ? `${template.name} ${copy + 1}` : template.name, description: template.description, pinned: i === 0, tags: template.tags,
    created_by: random.pick(users), created_at: at(random.int(60, 400)), deleted: false, is_shared: random.chance(0.2),
  }));
  for (const insight of insights) insight.dashboards = dashboards.filter(() => random.chance(0.3)).map((dashboard) => dashboard.id);
  const flags = made(options.flags ?? 10, flagTemplates).map(({ template, copy, i }): FeatureFlag => {
    const created = at(random.int(10, 300));
    return {
      id: i + 1, key: copy ? `${template.key}-${copy + 1}` : template.key, name: template.description, active: template.active, deleted: false,
      filters: structuredClone(template.filters), ensure_experience_continuity: false, tags: template.tags, created_by: random.pick(users),
      created_at: created, updated_at: micros(Math.max(Date.parse(created), end - random.int(0, 9) * day)),
    };
  });
  const cohorts = made(options.cohorts ?? 6, cohortTemplates).map(({ template, copy, i }): Cohort => {
    const created = at(random.int(20, 300));
    return {
      id: i + 1, name: copy ? `${template.name} ${copy + 1}` : template.name, description: template.description, deleted: false,
      filters: template.filters ? structuredClone(template.filters) : null, is_static: template.filters === null, is_calculating: false,
      count: random.int(3, 900), created_by: random.pick(users), created_at: created, last_calculation: micros(end - random.next() * day),
    };
  });
  const me: PostHogMe = { ...users[0]!, team: { id: fakeProjectId, project_id: fakeProjectId, name: 'Acme web app', timezone: 'UTC' } };
  return { apiKey: fakeApiKey, projectId: fakeProjectId, me, insights, dashboards, flags, cohorts, persons, events };
}

/**
 * The data set in `fixtures/`: PostHog's answers for `users/@me`, the four
 * lists (one page each), and the project's events and persons as the fake
 * stores them (PostHog has no list of them but the query API).
 */
export function fixtureDataset(dir = join(import.meta.dirname, '..', 'fixtures')): PostHogDataset {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return {
    apiKey: fakeApiKey, projectId: fakeProjectId, me: read('users.me.json'), insights: read('insights.json').results, dashboards: read('dashboards.json').results,
    flags: read('feature_flags.json').results, cohorts: read('cohorts.json').results, persons: read('persons.json'), events: read('events.json'),
  };
}
