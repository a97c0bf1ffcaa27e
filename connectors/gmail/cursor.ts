import type { SyncCursor } from '../../src/sync/connector.ts';

/**
 * Gmail's checkpoint: the mailbox `historyId` changes are replayed from; while
 * a listing runs, its page token (and whether it refetches stored messages);
 * and the start of its window (`after:`, epoch seconds), kept so a resumed
 * listing asks the same question.
 */
export type GmailCursor = {
  historyId?: string;
  listing?: boolean;
  pageToken?: string;
  after?: number;
  /** The listing fetches messages already stored too: their labels may have changed unseen (expired history). */
  refetch?: boolean;
};

export function cursorOf(saved: SyncCursor | undefined): GmailCursor {
  const cursor: GmailCursor = {};
  if (typeof saved?.historyId === 'string') cursor.historyId = saved.historyId;
  if (saved?.listing === true) {
    cursor.listing = true;
    cursor.pageToken = typeof saved.pageToken === 'string' ? saved.pageToken : '';
    if (saved.refetch === true) cursor.refetch = true;
  }
  if (typeof saved?.after === 'number') cursor.after = saved.after;
  return cursor;
}

/** Days of mail a first listing reads (`extra.window`); `0` reads the whole mailbox. */
export const defaultWindowDays = 365;

/** The `after:` of a listing's window in epoch seconds; undefined for the whole mailbox. */
export function windowStart(window: string | undefined, now = Date.now()): number | undefined {
  const days = window === undefined || window === '' ? defaultWindowDays : Number(window);
  if (!Number.isFinite(days) || days <= 0) return undefined;
  return Math.floor((now - days * 86_400_000) / 1000);
}
