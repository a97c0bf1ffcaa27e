import type { SyncCursor } from '../../src/sync/connector.ts';

/**
 * Drive's checkpoint: the changes page token changes are read from; while a
 * listing runs, its `files.list` page token.
 */
export type DriveCursor = {
  changes?: string;
  listing?: boolean;
  pageToken?: string;
};

export function cursorOf(saved: SyncCursor | undefined): DriveCursor {
  const cursor: DriveCursor = {};
  if (typeof saved?.changes === 'string') cursor.changes = saved.changes;
  if (saved?.listing === true) {
    cursor.listing = true;
    cursor.pageToken = typeof saved.pageToken === 'string' ? saved.pageToken : '';
  }
  return cursor;
}
