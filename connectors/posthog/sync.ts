import type { ConnectorRuntime, ItemDraft, ItemKey, SyncContext } from '../../src/sync/connector.ts';
import { PostHogClient, PostHogError, classify } from './client.ts';
import { type PostHogCursor, cursorOf, snapshot } from './cursor.ts';
import { type EventRow, type GroupSummary, groupVersion, groupsOf, rowsOf } from './events.ts';
import { groupsQuery, maxRowsPerFile, rowsPageSize, rowsQuery, windowStart } from './hogql.ts';
import { type ObjectKind, type PostHogObject, isGone, mapGroup, mapObject, objectKinds, versionOf } from './map.ts';
import type { Site } from './render.ts';
import type { Insight, PostHogMe } from './types.ts';

/** PostHog's default and largest sensible REST page. */
const pageSize = 100;
const defaultWindowDays = 30;

interface Run {
  ctx: SyncContext;
  client: PostHogClient;
  cursor: PostHogCursor;
  site: Site;
  /** A bracketed listing: every object and event group is checked, so unseen ones become tombstones. */
  listing: boolean;
}

/**
 * PostHog: insights by `last_modified_at` (only the changed ones after the
 * first sync), dashboards, flags and cohorts as full listings (one page each,
 * usually) whose changed objects are rendered, and events through the HogQL
 * query API as one file per event name per day: one aggregate query gives each
 * day's groups with their newest timestamp, and only groups that moved are
 * read. Lists leave deleted objects out: a deleted dashboard, flag or cohort is
 * missing from its list, whose bracket tombstones it at once; a deleted insight
 * (read incrementally) waits for the daily listing (first sync, reconcile,
 * `--full`), which brackets everything.
 */
async function sync(ctx: SyncContext): Promise<void> {
  const client = new PostHogClient(ctx);
  let cursor = cursorOf(ctx.cursor);
  const project = ctx.credentials.extra.projectId || cursor.project || await currentProject(client);
  if (cursor.project !== project) cursor = { project };
  const listing = cursor.listing === true || ctx.full || cursor.insightsSince === undefined;
  if (listing && !cursor.listing) {
    ctx.beginListing();
    cursor.listing = true;
  }
  const run: Run = { ctx, client, cursor, site: { baseUrl: client.baseUrl, projectId: project }, listing };
  await insights(run);
  // These are listed whole every run: bracketed on their own, their deletions are seen at once.
  const listedWhole = objectKinds.flatMap(({ kind }) => (kind === 'insight' ? [] : [kind]));
  if (!listing) ctx.beginListing(listedWhole);
  for (const kind of listedWhole) await objects(run, kind);
  if (!listing) ctx.endListing();
  await events(run);
  if (listing) {
    ctx.endListing();
    delete cursor.listing;
    delete cursor.listInsights;
    ctx.commit({ cursor: snapshot(cursor) });
  }
}

/** The project of `/api/users/@me/`'s current team: where the user last worked in PostHog. */
async function currentProject(client: PostHogClient): Promise<string> {
  const me = await client.get<PostHogMe>('/api/users/@me/');
  if (!me.team) throw new PostHogError(400, { detail: 'the user has no current project: set extra.projectId' }, undefined);
  return String(me.team.project_id ?? me.team.id);
}

const listPath = (run: Run, kind: ObjectKind) => `/api/projects/${run.site.projectId}/${objectKinds.find((entry) => entry.kind === kind)!.path}/`;

/**
 * The objects of a page the store lacks or holds older, as items; `all` renders
 * every live one (dashboards and cohorts in a listing: PostHog gives them no
 * modification time, so a listing is when their edits are caught).
 */
function pageItems(run: Run, kind: ObjectKind, objects: readonly PostHogObject[], all: boolean): { items: ItemDraft[]; deleted: ItemKey[] } {
  const live = objects.filter((object) => !isGone(object));
  const wanted = run.ctx.check(kind, live.map((object) => ({ externalId: String(object.id), updatedAt: versionOf(kind, object) })));
  return {
    items: live.filter((object) => all || wanted.has(String(object.id))).map((object) => mapObject(kind, object, run.site)),
    deleted: objects.filter(isGone).map((object) => ({ kind, externalId: String(object.id) })),
  };
}

/**
 * Insights modified after the high-water mark, oldest first, paged by the mark
 * itself (`date_from` is exclusive on `last_modified_at`); a millisecond of
 * overlap covers PostHog's microseconds. A listing starts from nothing.
 */
async function insights(run: Run): Promise<void> {
  const { ctx, cursor } = run;
  let since = run.listing ? cursor.listInsights : cursor.insightsSince;
  for (;;) {
    const params: Record<string, string> = { basic: 'true', order: 'last_modified_at', limit: String(pageSize) };
    if (since) params.date_from = new Date(Date.parse(since) - 1).toISOString();
    const page = await run.client.page<Insight>(listPath(run, 'insight'), params);
    const { items, deleted } = pageItems(run, 'insight', page.results, false);
    const newest = page.results.at(-1)?.last_modified_at;
    const advanced = newest !== undefined && (since === undefined || Date.parse(newest) > Date.parse(since));
    if (advanced) since = newest;
    if (run.listing) cursor.listInsights = since;
    if (since && (!cursor.insightsSince || Date.parse(since) > Date.parse(cursor.insightsSince))) cursor.insightsSince = since;
    if (items.length > 0 || deleted.length > 0 || advanced) ctx.commit({ items, deleted, cursor: snapshot(cursor), total: page.count });
    if (page.results.length < pageSize || !advanced) return;
  }
}

/** Dashboards, flags or cohorts: the whole list, following `next`, rendering what changed. */
async function objects(run: Run, kind: Exclude<ObjectKind, 'insight'>): Promise<void> {
  const all = run.listing && kind !== 'feature_flag';
  for (let next: string | null = listPath(run, kind); next !== null;) {
    const page: { next: string | null; results: PostHogObject[] } = await run.client.page<PostHogObject>(next, next.startsWith('http') ? {} : { limit: String(pageSize) });
    const { items, deleted } = pageItems(run, kind, page.results, all);
    if (items.length > 0 || deleted.length > 0) run.ctx.commit({ items, deleted, cursor: snapshot(run.cursor) });
    next = page.next;
  }
}

function windowDays(extra: Readonly<Record<string, string>>): number {
  const days = Number(extra.eventWindowDays ?? defaultWindowDays);
  return Number.isFinite(days) && days >= 0 ? days : defaultWindowDays;
}

/**
 * Event groups of the window whose version (newest event and count) the store
 * lacks, read day by day, newest day first. Every run aggregates the whole
 * window in one query, so an event arriving late on any of its days is seen.
 */
async function events(run: Run): Promise<void> {
  const { ctx, client, site } = run;
  const since = windowStart(windowDays(ctx.credentials.extra), Date.now());
  const groups = groupsOf(await client.query(site.projectId, groupsQuery(since)));
  const wanted = ctx.check('event', groups.map((group) => ({ externalId: `${group.day}/${group.event}`, updatedAt: groupVersion(Date.parse(group.lastSeen), group.events) })));
  const days = new Map<string, GroupSummary[]>();
  for (const group of groups) {
    if (!wanted.has(`${group.day}/${group.event}`)) continue;
    days.set(group.day, [...days.get(group.day) ?? [], group]);
  }
  for (const [day, summaries] of days) await readDay(run, day, summaries);
}

/**
 * One day's rows for its changed groups, ordered by event: a group is complete
 * (and committed) once the rows move on to the next event, so every page
 * commits what it finished. Rows a later arrival pushed into the next page are
 * recognised by uuid.
 */
async function readDay(run: Run, day: string, summaries: readonly GroupSummary[]): Promise<void> {
  const counted = new Map(summaries.map((summary) => [summary.event, summary.events]));
  const rows = new Map<string, EventRow[]>();
  const seen = new Map<string, number>();
  const newest = new Map<string, number>();
  const uuids = new Set<string>();
  const done = new Set<string>();
  const finish = (events: readonly string[]) => events.filter((event) => !done.has(event) && rows.has(event)).map((event) => {
    done.add(event);
    return mapGroup({ event, day, total: Math.max(counted.get(event) ?? 0, seen.get(event) ?? 0), rows: rows.get(event)!, newest: newest.get(event) });
  });
  for (let offset = 0; ;) {
    const page = rowsOf(await run.client.query(run.site.projectId, rowsQuery(day, [...counted.keys()], offset)));
    offset += page.length;
    for (const row of page) {
      if (uuids.has(row.uuid)) continue;
      uuids.add(row.uuid);
      seen.set(row.event, (seen.get(row.event) ?? 0) + 1);
      newest.set(row.event, Math.max(newest.get(row.event) ?? 0, Date.parse(row.timestamp)));
      const kept = rows.get(row.event) ?? [];
      if (kept.length < maxRowsPerFile) kept.push(row);
      rows.set(row.event, kept);
    }
    const last = page.length < rowsPageSize;
    const open = last ? undefined : page.at(-1)?.event;
    const items = finish([...rows.keys()].filter((event) => event !== open));
    if (items.length > 0) run.ctx.commit({ items, cursor: snapshot(run.cursor) });
    if (last) return;
  }
}

export const runtime: ConnectorRuntime = {
  async describeAccount(ctx) {
    const me = await new PostHogClient(ctx).get<PostHogMe>('/api/users/@me/');
    const name = `${me.first_name} ${me.last_name ?? ''}`.trim();
    return { id: me.uuid, ...(name ? { name } : {}), email: me.email };
  },
  sync,
  classify,
};
