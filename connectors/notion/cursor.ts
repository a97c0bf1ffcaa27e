import type { SyncCursor } from '../../src/sync/connector.ts';

/**
 * Notion's checkpoint, flat. `since`: the newest `last_edited_time` read;
 * `readAt`: when the pass that read it began (ms), so pages whose minute was
 * still open then are read again. A listing in progress keeps its search
 * `listCursor`, the newest edit when it began (`listHigh`) and its start
 * (`listAt`); a pass over changes the same as `changes*`; a pass over the
 * trash its `trashCursor`.
 */
export interface NotionCursor {
  since?: string;
  readAt?: number;
  listCursor?: string;
  listHigh?: string;
  listAt?: number;
  changesCursor?: string;
  changesHigh?: string;
  changesAt?: number;
  trashCursor?: string;
}

const textKeys = ['since', 'listCursor', 'listHigh', 'changesCursor', 'changesHigh', 'trashCursor'] as const;
const timeKeys = ['readAt', 'listAt', 'changesAt'] as const;

export function cursorOf(saved: SyncCursor | undefined): NotionCursor {
  const cursor: NotionCursor = {};
  for (const key of textKeys) if (typeof saved?.[key] === 'string') cursor[key] = saved[key];
  for (const key of timeKeys) if (typeof saved?.[key] === 'number') cursor[key] = saved[key];
  return cursor;
}

export function snapshot(cursor: NotionCursor): SyncCursor {
  return Object.fromEntries(Object.entries(cursor).filter(([, value]) => value !== undefined)) as SyncCursor;
}
