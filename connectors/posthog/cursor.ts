import type { SyncCursor } from '../../src/sync/connector.ts';

/**
 * PostHog's checkpoint, flat: the `project` synced (a change of project starts
 * over), `insightsSince` (the newest `last_modified_at` read), and while a
 * bracketed listing runs, `listing` and `listInsights` (the listing's own
 * insight high-water mark). Event files need no position: the store's versions
 * (`ctx.check` against each group's newest timestamp) say which are left.
 */
export interface PostHogCursor {
  project?: string;
  insightsSince?: string;
  listing?: boolean;
  listInsights?: string;
}

export function cursorOf(saved: SyncCursor | undefined): PostHogCursor {
  const cursor: PostHogCursor = {};
  if (typeof saved?.project === 'string') cursor.project = saved.project;
  if (typeof saved?.insightsSince === 'string') cursor.insightsSince = saved.insightsSince;
  if (saved?.listing === true) {
    cursor.listing = true;
    if (typeof saved.listInsights === 'string') cursor.listInsights = saved.listInsights;
  }
  return cursor;
}

export function snapshot(cursor: PostHogCursor): SyncCursor {
  return Object.fromEntries(Object.entries(cursor).filter(([, value]) => value !== undefined)) as SyncCursor;
}
