import { frontMatter } from '../../src/sync/render.ts';
import { csvText } from './csv.ts';
import { groupQuery } from './hogql.ts';
import { fenced } from './render.ts';
import type { HogQLResponse } from './types.ts';

/** One event as `rowsQuery` selects it. */
export interface EventRow {
  uuid: string;
  event: string;
  timestamp: string;
  distinct_id: string;
  person_email: string | null;
  properties: Record<string, unknown>;
}

/** One (event, day) of `groupsQuery`: how many events, and the newest; together, the group's version. */
export interface GroupSummary {
  event: string;
  day: string;
  events: number;
  lastSeen: string;
}

/** A day's events of one name: what one file shows. */
export interface EventGroup {
  event: string;
  day: string;
  /** Events PostHog counted; more than `rows` when the file is capped. */
  total: number;
  rows: EventRow[];
  /** The newest event's time (ms) of every row read, past the rows listed when the file is capped; else the newest row's. */
  newest?: number;
}

/**
 * A day file's version (its `updatedAt`): the newest event's time plus a
 * millisecond per event. Every event that arrives raises the count, so the
 * version grows even for a late event, older than the day's newest, which
 * leaves the newest time as it was. The file's time stays within a second of
 * its newest event per 1,000 events.
 */
export function groupVersion(newest: number, events: number): number {
  return newest + events;
}

/** Result rows as objects by column name; PostHog sends rows as arrays in `columns` order. */
function records(response: HogQLResponse): Record<string, unknown>[] {
  return response.results.map((row) => Object.fromEntries(response.columns.map((column, i) => [column, row[i]])));
}

export function groupsOf(response: HogQLResponse): GroupSummary[] {
  return records(response).map((row) => ({ event: String(row.event), day: String(row.day), events: Number(row.events), lastSeen: String(row.last_seen) }));
}

/** `properties` is a JSON string in HogQL results (a ClickHouse String column). */
export function rowsOf(response: HogQLResponse): EventRow[] {
  return records(response).map((row) => ({
    uuid: String(row.uuid), event: String(row.event), timestamp: String(row.timestamp), distinct_id: String(row.distinct_id),
    person_email: typeof row.person_email === 'string' && row.person_email ? row.person_email : null,
    properties: typeof row.properties === 'string' && row.properties ? JSON.parse(row.properties) as Record<string, unknown> : {},
  }));
}

export const personOfRow = (row: EventRow): string => row.person_email ?? row.distinct_id;

/** PostHog's own properties (`$browser`, `$lib`…) are noise in a table, but for the page a `$pageview` was on. */
const keptDollarProperties = ['$current_url'];

function columnsOf(rows: readonly EventRow[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.properties)) if (!key.startsWith('$')) keys.add(key);
  const kept = keptDollarProperties.filter((key) => rows.some((row) => key in row.properties));
  return [...[...keys].sort(), ...kept];
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The rows as CSV: time, person, distinct id, uuid, then the event's own properties, one column each. */
export function groupCsv(rows: readonly EventRow[]): string {
  const columns = columnsOf(rows);
  return csvText([
    ['timestamp', 'person', 'distinct_id', 'uuid', ...columns],
    ...rows.map((row) => [row.timestamp, personOfRow(row), row.distinct_id, row.uuid, ...columns.map((key) => cell(row.properties[key]))]),
  ]);
}

export function uniquePersons(rows: readonly EventRow[]): string[] {
  return [...new Set(rows.map(personOfRow))];
}

/**
 * A day's events of one name as Markdown: YAML front matter (event, day,
 * counts, first and last time), the rows as a CSV block, then the HogQL query
 * that reproduces them.
 */
export function renderGroup(group: EventGroup): Buffer {
  const { rows } = group;
  const persons = uniquePersons(rows).length;
  const header = frontMatter({
    event: group.event, day: group.day, events: group.total, rows: rows.length, persons,
    first: rows[0]?.timestamp ?? null, last: rows.at(-1)?.timestamp ?? null,
  });
  const capped = group.total > rows.length ? ` The first ${rows.length} are listed.` : '';
  const summary = `${group.total} ${group.total === 1 ? 'event' : 'events'} by ${persons} ${persons === 1 ? 'person' : 'persons'}.${capped}`;
  const sections = [`# ${group.event} on ${group.day}\n`, `${summary}\n`, fenced(groupCsv(rows), 'csv'), `## HogQL\n\n${fenced(groupQuery(group.day, group.event), 'sql')}`];
  return Buffer.from(`${header}\n${sections.map((section) => section.trimEnd()).join('\n\n')}\n`);
}
