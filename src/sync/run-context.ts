import type { BlobStore } from '../store/blobs.ts';
import type { ItemInput, MetadataInput } from '../store/items.ts';
import type { RunSummary, SyncStateStore } from '../store/sync-state.ts';
import type { ItemVersion, PageCommit, SpooledFile, SyncContext, SyncCredentials, SyncCursor } from './connector.ts';
import { type CallOptions, callWithRetries } from './retry.ts';

export interface RunContextOptions {
  connectionId: number;
  syncState: SyncStateStore;
  blobs: BlobStore;
  /** Completes an item's metadata with the connector's declared fields (`declaredMetadata`). */
  declared(metadata: Record<string, unknown>): Record<string, unknown>;
  credentials: SyncCredentials;
  baseUrl: string | undefined;
  cursor: SyncCursor | undefined;
  full: boolean;
  signal: AbortSignal;
  call: Omit<CallOptions, 'signal'>;
  log(message: string): void;
  /** Told, after each commit, which items changed (added, updated, deleted): smart folders follow. */
  onItemsChanged?(itemIds: readonly number[]): void;
  /** Stores a refreshed access token; absent where nothing keeps credentials (a bare run). */
  saveAccessToken?(accessToken: string, expiresAt: number | undefined): void;
}

const keyOf = (kind: string, externalId: string) => `${kind}\0${externalId}`;

interface StoredVersion {
  updatedAt: number;
  fingerprint: string | null;
}

/**
 * The engine's side of one run: page commits (items and cursor in one
 * transaction), progress, and the bracketed full listing whose unseen items
 * become tombstones.
 */
export class RunContext implements SyncContext {
  #credentials: SyncCredentials;
  readonly baseUrl: string | undefined;
  readonly cursor: SyncCursor | undefined;
  readonly full: boolean;
  readonly signal: AbortSignal;
  readonly summary: RunSummary = { added: 0, updated: 0, unchanged: 0, deleted: 0 };
  readonly #options: RunContextOptions;
  #itemsSynced = 0;
  #total: number | null = null;
  /** Stored versions by kind and id, loaded at the first check and kept current by commits. */
  #versions: Map<string, StoredVersion> | undefined;
  /** Live items not yet seen by the listing begun in this run. */
  #unseen: Set<string> | undefined;
  #listingEnded = false;
  /** The listing begun in this run covers some kinds only: ending it is no full reconcile. */
  #partialListing = false;

  constructor(options: RunContextOptions) {
    this.#options = options;
    this.#credentials = options.credentials;
    this.baseUrl = options.baseUrl;
    this.cursor = options.cursor;
    this.full = options.full;
    this.signal = options.signal;
  }

  /** The connection's credentials, with the access token last refreshed in this run. */
  get credentials(): SyncCredentials {
    return this.#credentials;
  }

  /** The run completed a full listing (whether begun in this run or resumed). */
  get listingEnded(): boolean {
    return this.#listingEnded;
  }

  call<T>(request: () => Promise<T>): Promise<T> {
    return callWithRetries(request, { ...this.#options.call, signal: this.signal });
  }

  spool(chunks: AsyncIterable<Uint8Array>): Promise<SpooledFile> {
    return this.#options.blobs.spool(chunks);
  }

  commit(page: PageCommit): void {
    this.signal.throwIfAborted();
    const { connectionId } = this.#options;
    const items = (page.items ?? []).map((draft): ItemInput => ({ connectionId, ...draft, metadata: this.#options.declared(draft.metadata) }));
    const metadataOnly = (page.metadataOnly ?? []).map((update): MetadataInput => ({ connectionId, ...update, metadata: this.#options.declared(update.metadata) }));
    const deleted = page.deleted ?? [];
    const itemsSynced = this.#itemsSynced + items.length + metadataOnly.length + deleted.length;
    const total = page.total ?? this.#total;
    const changed = this.#options.syncState.commitPage(connectionId, {
      items, metadataOnly, deleted, cursor: JSON.stringify(page.cursor), itemsSynced, itemsTotal: total,
    }, this.summary);
    if (changed.length > 0) this.#options.onItemsChanged?.(changed);
    this.#itemsSynced = itemsSynced;
    this.#total = total;
    for (const item of items) this.#versions?.set(keyOf(item.kind, item.externalId), { updatedAt: item.updatedAt, fingerprint: item.fingerprint ?? null });
    for (const update of metadataOnly) {
      const key = keyOf(update.kind, update.externalId);
      const known = this.#versions?.get(key);
      if (known) this.#versions!.set(key, { ...known, fingerprint: update.fingerprint ?? null });
    }
    for (const key of deleted) this.#versions?.delete(keyOf(key.kind, key.externalId));
  }

  saveAccessToken(accessToken: string, expiresAt: number | undefined): void {
    const { expiresAt: _previous, ...rest } = this.#credentials;
    this.#credentials = { ...rest, accessToken, ...(expiresAt !== undefined ? { expiresAt } : {}) };
    this.#options.saveAccessToken?.(accessToken, expiresAt);
  }

  beginListing(kinds?: readonly string[], within?: (externalId: string) => boolean): void {
    const scope = kinds && new Set(kinds);
    this.#partialListing = scope !== undefined || within !== undefined;
    this.#unseen = new Set([...this.#loadVersions().keys()].filter((key) => {
      const split = key.indexOf('\0');
      return (!scope || scope.has(key.slice(0, split))) && (!within || within(key.slice(split + 1)));
    }));
  }

  check(kind: string, versions: readonly ItemVersion[]): Set<string> {
    const stored = this.#loadVersions();
    const wanted = new Set<string>();
    for (const version of versions) {
      const key = keyOf(kind, version.externalId);
      this.#unseen?.delete(key);
      const known = stored.get(key);
      // A row without one was stored before its connector gave fingerprints: re-reading all of those at once would cost a whole first sync.
      const refingered = version.fingerprint !== undefined && known?.fingerprint != null && known.fingerprint !== version.fingerprint;
      if (known === undefined || known.updatedAt < version.updatedAt || refingered) wanted.add(version.externalId);
    }
    return wanted;
  }

  endListing(): number {
    // A listing resumed after a crash ends here too (begun in an earlier run): it still completes a reconcile.
    if (!this.#partialListing) this.#listingEnded = true;
    this.#partialListing = false;
    const unseen = this.#unseen;
    this.#unseen = undefined;
    if (!unseen || unseen.size === 0) return 0;
    this.signal.throwIfAborted();
    const keys = [...unseen].map((key) => {
      const [kind, externalId] = key.split('\0') as [string, string];
      return { kind, externalId };
    });
    const deleted = this.#options.syncState.tombstone(this.#options.connectionId, keys);
    for (const key of unseen) this.#versions?.delete(key);
    this.summary.deleted += deleted.length;
    if (deleted.length > 0) this.#options.onItemsChanged?.(deleted);
    return deleted.length;
  }

  log(message: string): void {
    this.#options.log(message);
  }

  #loadVersions(): Map<string, StoredVersion> {
    this.#versions ??= new Map(this.#options.syncState.versions(this.#options.connectionId)
      .map((row) => [keyOf(row.kind, row.externalId), { updatedAt: row.updatedAt, fingerprint: row.fingerprint }]));
    return this.#versions;
  }
}
