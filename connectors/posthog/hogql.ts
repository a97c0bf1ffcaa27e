/**
 * The HogQL the connector sends to `POST /api/projects/:id/query/`. Events are
 * synced as one file per event name per day: `groupsQuery` names every
 * (event, day) of the window with its count and newest timestamp (together
 * the group's version), `rowsQuery` reads the rows of one day's changed
 * groups, and `groupQuery` is the query a file shows: the one that reproduces
 * its rows.
 * Days are `toDate(timestamp)`, in the project's time zone as PostHog applies it.
 */

/** Rows per query page; PostHog returns at most 50,000 rows per query with an explicit LIMIT. */
export const rowsPageSize = 1000;
/** More (event, day) groups than any window holds. */
export const groupsLimit = 50_000;
/** Rows a file holds at most: a busier day's file keeps its first rows and says how many there were. */
export const maxRowsPerFile = 10_000;

/** A HogQL string literal: single quotes, backslash escapes. */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const rowColumns = 'uuid, event, timestamp, distinct_id, person.properties.email AS person_email, properties';

/** The first day synced: `days` back from `now` (UTC), or none when `days` is 0 (every event). */
export function windowStart(days: number, now: number): string | undefined {
  return days > 0 ? new Date(now - days * 86_400_000).toISOString().slice(0, 10) : undefined;
}

export function groupsQuery(since: string | undefined): string {
  return [
    'SELECT event, toDate(timestamp) AS day, count() AS events, max(timestamp) AS last_seen',
    'FROM events',
    ...(since ? [`WHERE toDate(timestamp) >= toDate(${literal(since)})`] : []),
    'GROUP BY event, day',
    'ORDER BY day DESC, event ASC',
    `LIMIT ${groupsLimit}`,
  ].join('\n');
}

/** One page of a day's rows for the given events, grouped by event and in time order within each. */
export function rowsQuery(day: string, events: readonly string[], offset: number): string {
  return [
    `SELECT ${rowColumns}`,
    'FROM events',
    `WHERE toDate(timestamp) = toDate(${literal(day)}) AND event IN (${events.map(literal).join(', ')})`,
    'ORDER BY event ASC, timestamp ASC, uuid ASC',
    `LIMIT ${rowsPageSize} OFFSET ${offset}`,
  ].join('\n');
}

/** The query that produced one file: its event on its day, in time order. */
export function groupQuery(day: string, event: string): string {
  return [
    `SELECT ${rowColumns}`,
    'FROM events',
    `WHERE toDate(timestamp) = toDate(${literal(day)}) AND event = ${literal(event)}`,
    'ORDER BY timestamp ASC, uuid ASC',
    `LIMIT ${maxRowsPerFile}`,
  ].join('\n');
}
