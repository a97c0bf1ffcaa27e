import type { SqliteDatabase, Statement } from './database.ts';
import type { ItemInput, ItemStore, MetadataInput } from './items.ts';

/** `pending` until the first run; the others as docs/api.md describes them. */
export type SyncStatus = 'pending' | 'syncing' | 'ok' | 'rate_limited' | 'auth_failed' | 'error';

/** Counts of one run, kept current page by page. */
export interface RunSummary {
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface SyncStateRecord {
  connectionId: number;
  status: SyncStatus;
  /** JSON of the connector's flat cursor. */
  cursor: string | null;
  /** Items handled by the current (or last) run so far. */
  itemsSynced: number;
  /** The provider's estimate of the total, where it tells. */
  itemsTotal: number | null;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastSuccessAt: number | null;
  lastErrorCode: string | null;
  lastError: string | null;
  nextRunAt: number | null;
  lastReconcileAt: number | null;
  /** JSON of a RunSummary. */
  runSummary: string | null;
}

/** A connection as the scheduler sees it. */
export interface ScheduledConnection {
  connectionId: number;
  integration: string;
  status: SyncStatus | null;
  nextRunAt: number | null;
  lastReconcileAt: number | null;
}

export interface ItemVersionRow {
  kind: string;
  externalId: string;
  updatedAt: number;
  fingerprint: string | null;
}

/** One page of a sync, written with its cursor in a single transaction. */
export interface PageWrite {
  items: readonly ItemInput[];
  metadataOnly: readonly MetadataInput[];
  deleted: readonly { kind: string; externalId: string }[];
  cursor: string;
  itemsSynced: number;
  itemsTotal: number | null;
}

/** How a run ended. */
export interface RunEnd {
  status: Exclude<SyncStatus, 'pending' | 'syncing'>;
  errorCode: string | null;
  error: string | null;
  nextRunAt: number;
  /** The run finished a full listing. */
  reconciled: boolean;
  summary: RunSummary;
}

const columns = `connection_id AS connectionId, status, cursor, items_synced AS itemsSynced, items_total AS itemsTotal,
  last_started_at AS lastStartedAt, last_finished_at AS lastFinishedAt, last_success_at AS lastSuccessAt,
  last_error_code AS lastErrorCode, last_error AS lastError, next_run_at AS nextRunAt,
  last_reconcile_at AS lastReconcileAt, run_summary AS runSummary`;

/** Per-connection sync state, and the atomic page commit that keeps items and cursor in step. */
export class SyncStateStore {
  readonly #db: SqliteDatabase;
  readonly #items: ItemStore;
  readonly #get: Statement<[number], SyncStateRecord>;
  readonly #schedule: Statement<[], ScheduledConnection>;
  readonly #start: Statement<[number, number, number]>;
  readonly #setStatus: Statement<[SyncStatus, number]>;
  readonly #saveCursor: Statement<[string, number, number | null, string, number]>;
  readonly #finish: Statement<[string, string | null, string | null, number, number, number | null, number | null, string, number]>;
  readonly #versions: Statement<[number], ItemVersionRow>;

  constructor(db: SqliteDatabase, items: ItemStore) {
    this.#db = db;
    this.#items = items;
    this.#get = db.prepare(`SELECT ${columns} FROM sync_state WHERE connection_id = ?`);
    this.#schedule = db.prepare(`SELECT c.id AS connectionId, c.integration, s.status, s.next_run_at AS nextRunAt,
      s.last_reconcile_at AS lastReconcileAt FROM connections c LEFT JOIN sync_state s ON s.connection_id = c.id ORDER BY c.id`);
    // A run starts from the committed cursor; its counters start at zero.
    this.#start = db.prepare(`INSERT INTO sync_state (connection_id, status, items_synced, last_started_at)
      VALUES (?, 'syncing', 0, ?)
      ON CONFLICT (connection_id) DO UPDATE SET status = 'syncing', items_synced = 0, items_total = NULL,
        last_started_at = ?, run_summary = NULL`);
    this.#setStatus = db.prepare('UPDATE sync_state SET status = ? WHERE connection_id = ?');
    this.#saveCursor = db.prepare(`UPDATE sync_state SET cursor = ?, items_synced = ?, items_total = ?, run_summary = ?
      WHERE connection_id = ?`);
    this.#finish = db.prepare(`UPDATE sync_state SET status = ?, last_error_code = ?, last_error = ?, last_finished_at = ?,
      next_run_at = ?, last_success_at = coalesce(?, last_success_at), last_reconcile_at = coalesce(?, last_reconcile_at),
      run_summary = ? WHERE connection_id = ?`);
    this.#versions = db.prepare(`SELECT kind, external_id AS externalId, updated_at AS updatedAt, fingerprint FROM items
      WHERE connection_id = ? AND deleted_at IS NULL`);
  }

  get(connectionId: number): SyncStateRecord | undefined {
    return this.#get.get(connectionId);
  }

  /** Every connection with its state, for the scheduler's tick. */
  schedule(): ScheduledConnection[] {
    return this.#schedule.all();
  }

  start(connectionId: number, now = Date.now()): void {
    this.#start.run(connectionId, now, now);
  }

  setStatus(connectionId: number, status: SyncStatus): void {
    this.#setStatus.run(status, connectionId);
  }

  /**
   * Upserts a page of items, writes its tombstones and saves the cursor, all or
   * nothing: a crash before this returns leaves the previous page's cursor, so the
   * page is fetched again and its upserts find the same rows (no duplicates).
   * `summary` gains the page's counts once the page is committed. Returns the ids
   * of the items the page added, changed or deleted, for smart-folder membership.
   */
  commitPage(connectionId: number, page: PageWrite, summary: RunSummary, now = Date.now()): number[] {
    const counted = { ...summary };
    const changed = this.#db.transaction(() => {
      const ids: number[] = [];
      const saved = [...this.#items.saveAll(page.items, now), ...page.metadataOnly.map((update) => this.#items.updateMetadata(update, now))];
      for (const { outcome, id } of saved.filter((entry) => entry !== undefined)) {
        counted[outcome]++;
        if (outcome !== 'unchanged') ids.push(id);
      }
      const deleted = this.#tombstoneAll(connectionId, page.deleted, now);
      counted.deleted += deleted.length;
      this.#saveCursor.run(page.cursor, page.itemsSynced, page.itemsTotal, JSON.stringify(counted), connectionId);
      return [...ids, ...deleted];
    })();
    Object.assign(summary, counted);
    return changed;
  }

  /** Tombstones in one transaction; returns the ids of the items that were live. */
  tombstone(connectionId: number, keys: Iterable<{ kind: string; externalId: string }>, now = Date.now()): number[] {
    return this.#db.transaction(() => this.#tombstoneAll(connectionId, keys, now))();
  }

  #tombstoneAll(connectionId: number, keys: Iterable<{ kind: string; externalId: string }>, now: number): number[] {
    const ids: number[] = [];
    for (const key of keys) {
      if (this.#items.markDeleted(connectionId, key.kind, key.externalId, now)) ids.push(this.#items.idOf(connectionId, key.kind, key.externalId)!);
    }
    return ids;
  }

  /** Kind, id, modification time and listing fingerprint of every live item of a connection. */
  versions(connectionId: number): ItemVersionRow[] {
    return this.#versions.all(connectionId);
  }

  finish(connectionId: number, end: RunEnd, now = Date.now()): void {
    this.#finish.run(
      end.status, end.errorCode, end.error, now, end.nextRunAt, end.status === 'ok' ? now : null, end.reconciled ? now : null,
      JSON.stringify(end.summary), connectionId,
    );
  }
}
