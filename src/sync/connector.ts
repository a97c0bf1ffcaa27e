/**
 * What every connector declares about itself. Declarative only: no I/O here.
 * Smart folders validate explicit filters against `fields`; the sync engine
 * runs `sync`.
 */
import type { Vocabulary } from '../guidance/vocabulary.ts';

export type { Vocabulary };

export type FieldType = 'string' | 'string[]' | 'enum' | 'boolean' | 'number' | 'date';

export interface FieldDefinition {
  type: FieldType;
  description: string;
  /** Allowed values of an `enum` field. */
  values?: readonly string[];
}

export interface KindDefinition {
  /** The kind as stored on items, e.g. `pull_request`. */
  name: string;
  /** Other words a filter's `type` may use for it, e.g. `prs`, `pulls`. */
  aliases: readonly string[];
}

/** A credential field of a connection request. */
export type CredentialField = 'accessToken' | 'apiKey';

export interface ConnectorDefinition {
  id: string;
  displayName: string;
  /** A connection needs at least one of these. */
  credentials: readonly CredentialField[];
  kinds: readonly KindDefinition[];
  fields: Readonly<Record<string, FieldDefinition>>;
  /** Words smart-folder guidance may use for this integration (its `vocabulary.ts`). */
  vocabulary?: Vocabulary;
  sync: SyncDefinition;
}

/**
 * The sync half: how the engine runs a connector. Provider facts live here as
 * data (intervals, rate budget, base-URL option, cursor kind); the code behind
 * them loads only when a connection of the integration syncs.
 */
export interface SyncDefinition {
  /** Default time between incremental syncs; `extra.syncInterval` (seconds) overrides it per connection. */
  intervalMs: number;
  /** A full listing, which catches deletions the cursor cannot see, at most this far apart. */
  reconcileMs: number;
  /** Token bucket: sustained requests per second and burst; `extra.requestsPerSecond` overrides the rate. */
  rateLimit: { perSecond: number; burst: number };
  /** The SDK option that `extra.baseUrl` sets (GitHub Enterprise Server, GovSlack, a local fake). */
  baseUrlOption: string;
  /** The provider's change cursor, for docs and status. */
  cursor: string;
  load(): Promise<ConnectorRuntime>;
}

/** A flat checkpoint: strings, numbers and booleans by name (per-container keys such as `since:acme/api`). */
export type SyncCursor = Readonly<Record<string, string | number | boolean>>;

export interface SyncCredentials {
  accessToken?: string;
  /** An OAuth refresh token, for providers whose access tokens expire (Google). */
  refreshToken?: string;
  /** When the access token expires (ms), where known. */
  expiresAt?: number;
  apiKey?: string;
  extra: Readonly<Record<string, string>>;
}

/** Who a connection's credentials belong to; guidance resolves "me" with it. */
export interface AccountInfo {
  id: string;
  name?: string;
  email?: string;
}

/** One provider object, mapped and rendered, as a connector hands it to the engine. */
export interface ItemDraft {
  kind: string;
  externalId: string;
  title: string;
  /** Proposed file name with its extension, e.g. `1423_fix-token-refresh.md`. */
  fileName: string;
  /** Searchable text. */
  body: string;
  /** Keys are the field names the connector declares in `fields`. */
  metadata: Record<string, unknown>;
  /** The exact bytes of the file, in the format DESIGN.md fixes for the integration; a large file as a spooled blob. */
  content: ItemContent;
  createdAt: number | null;
  updatedAt: number;
  /** The listing's `fingerprint` of the object as it was read (see `ItemVersion`). */
  fingerprint?: string;
}

/** An item whose file was rendered in memory (everything but large downloads). */
export type RenderedItem = ItemDraft & { content: Buffer };

/** A file's bytes: in memory, or (large files) a blob the engine spooled to disk (`SyncContext.spool`). */
export type ItemContent = Buffer | BlobContent;

export interface BlobContent {
  /** SHA-256 of the bytes, hex: the blob's name. */
  blob: string;
  size: number;
}

export interface SpooledFile {
  content: ItemContent;
  /** The first 100 KB, for search text. */
  head: Buffer;
}

export interface ItemKey {
  kind: string;
  externalId: string;
}

export interface ItemVersion {
  externalId: string;
  /** The provider's modification time of the object, ms. */
  updatedAt: number;
  /**
   * What a listing shows of the object that can change while its time stands still, e.g. GitHub's comment
   * count, which a deleted comment lowers without moving the issue's `updated_at`. When given, an item
   * stored with another fingerprint is wanted again, whatever the times say (one stored without any is not).
   */
  fingerprint?: string;
}

/**
 * New metadata for a stored item whose bytes, title and text stay as they are: a Drive file whose
 * folder was renamed, which would otherwise be downloaded again to change one field.
 */
export interface MetadataUpdate extends ItemKey {
  metadata: Record<string, unknown>;
  fingerprint?: string;
}

/** One page of a sync: committed with its cursor in one transaction, so a crash resumes at the last page. */
export interface PageCommit {
  cursor: SyncCursor;
  items?: readonly ItemDraft[];
  /** Items whose metadata alone changed; one not stored (or deleted) is left alone. */
  metadataOnly?: readonly MetadataUpdate[];
  /** Deletions the provider signalled; they become tombstones. */
  deleted?: readonly ItemKey[];
  /** Estimated number of items at the provider, where it tells. */
  total?: number;
}

/** What the engine offers a running sync. Connectors never touch the store. */
export interface SyncContext {
  readonly credentials: SyncCredentials;
  readonly baseUrl: string | undefined;
  /** The last committed cursor; undefined on a first sync. */
  readonly cursor: SyncCursor | undefined;
  /** The engine asks for a full listing (first sync, periodic reconcile, or on demand). */
  readonly full: boolean;
  readonly signal: AbortSignal;
  /** Runs one provider request under the connection's rate limiter, retrying 429 and 5xx with backoff. */
  call<T>(request: () => Promise<T>): Promise<T>;
  commit(page: PageCommit): void;
  /** Reads a download to its end without holding a large one in memory: it goes to disk as it arrives. */
  spool(chunks: AsyncIterable<Uint8Array>): Promise<SpooledFile>;
  /** Keeps an access token the connector refreshed: stored sealed with the connection, used by later runs. */
  saveAccessToken(accessToken: string, expiresAt: number | undefined): void;
  /**
   * Starts a bracketed listing, of every kind or of `kinds` only, and of the external ids `within` accepts (all
   * when absent): every live item in that scope not `check`ed before `endListing` becomes a tombstone. Only a
   * listing of everything counts as a full reconcile. A listing not ended (the next begins) tombstones nothing.
   */
  beginListing(kinds?: readonly string[], within?: (externalId: string) => boolean): void;
  /**
   * Notes objects present at the provider and returns the ids the store lacks or holds
   * at an older version or another fingerprint, so a listing fetches details only for those.
   */
  check(kind: string, versions: readonly ItemVersion[]): Set<string>;
  /** Ends the listing begun in this run; returns how many tombstones it wrote. */
  endListing(): number;
  log(message: string): void;
}

/** How a failed provider request should be handled; each connector maps its SDK's errors to one. */
export type ProviderFailure =
  | { kind: 'rate_limited'; retryAfterMs?: number; message: string }
  | { kind: 'unavailable'; message: string }
  | { kind: 'auth_failed'; message: string }
  | { kind: 'fatal'; message: string };

export interface ConnectorRuntime {
  /** Validates the credentials with one request and describes whom they belong to. */
  describeAccount(ctx: SyncContext): Promise<AccountInfo>;
  /** Syncs from `ctx.cursor`: fetch a page, map, render, `ctx.commit`, page by page. */
  sync(ctx: SyncContext): Promise<void>;
  classify(error: unknown): ProviderFailure;
}
