import { createHash } from 'node:crypto';
import type { ItemContent, ItemDraft, MetadataUpdate } from '../sync/connector.ts';
import type { BlobStore } from './blobs.ts';
import type { ChangeCounter } from './changes.ts';
import type { SqliteDatabase, Statement } from './database.ts';
import { type ItemText, ItemTextIndex } from './item-text.ts';
import { ItemValueStore, type ValueChanges } from './item-values.ts';

/** One synced provider object, as a connector drafts it (src/sync/connector.ts), for one connection. */
export interface ItemInput extends Omit<ItemDraft, 'content'> {
  connectionId: number;
  /** Rendered file bytes (or the blob holding them), or null when there are none. */
  content: ItemContent | null;
}

export interface ItemRecord extends Omit<ItemInput, 'metadata'> {
  id: number;
  metadata: string;
  contentHash: string;
  syncedAt: number;
  deletedAt: number | null;
}

/** A connector's `MetadataUpdate`, for one connection. */
export interface MetadataInput extends MetadataUpdate {
  connectionId: number;
}

export type UpsertOutcome = 'added' | 'updated' | 'unchanged';

export interface SavedItem {
  outcome: UpsertOutcome;
  id: number;
}

export const itemColumns = `i.id, i.connection_id AS connectionId, i.kind, i.external_id AS externalId, i.title, i.file_name AS fileName,
  i.body, i.metadata,
  i.content, i.content_hash AS contentHash, i.created_at AS createdAt, i.updated_at AS updatedAt,
  i.synced_at AS syncedAt, i.deleted_at AS deletedAt`;

type ItemKey = [number, string, string];
/** What an item's hash covers besides its metadata. */
type HashedParts = Pick<ItemInput, 'title' | 'fileName' | 'body' | 'createdAt' | 'updatedAt' | 'fingerprint' | 'content'>;
interface StoredWhole {
  id: number;
  title: string;
  fileName: string;
  body: string;
  metadata: string;
  content: Buffer | null;
  blob: string | null;
  size: number | null;
  contentHash: string;
  createdAt: number | null;
  updatedAt: number;
  deletedAt: number | null;
}
type UpsertRow = [number, string, string, string, string, string, string, Buffer | null, string | null, number | null, string, number | null, number, string | null, number];

export class ItemStore {
  readonly #stored: Statement<ItemKey, { id: number; contentHash: string; deletedAt: number | null; metadata: string }>;
  readonly #upsert: Statement<UpsertRow, { id: number }>;
  readonly #storedWhole: Statement<ItemKey, StoredWhole>;
  readonly #updateMetadata: Statement<[string, string | null, string, number, number]>;
  readonly #values: ItemValueStore;
  readonly #text: ItemTextIndex;
  readonly #storedText: Statement<[number], ItemText>;
  readonly #tombstone: Statement<[number, number, string, string]>;
  readonly #byKey: Statement<ItemKey, ItemRecord>;
  readonly #search: Statement<[number, string, number], ItemRecord>;
  readonly #countLive: Statement<[number], { count: number }>;
  readonly #range: Statement<[number, number, number], { blob: string | null; bytes: Buffer | null }>;
  readonly #blobHashes: Statement<[], { blob: string }>;
  readonly #blobs: BlobStore;
  readonly #idOf: Statement<ItemKey, { id: number }>;
  readonly #changes: ChangeCounter;
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase, changes: ChangeCounter, blobs: BlobStore) {
    this.#db = db;
    this.#changes = changes;
    this.#blobs = blobs;
    this.#values = new ItemValueStore(db);
    this.#text = new ItemTextIndex(db);
    this.#storedText = db.prepare('SELECT title, body FROM items WHERE id = ?');
    this.#stored = db.prepare(`SELECT id, content_hash AS contentHash, deleted_at AS deletedAt, metadata FROM items
      WHERE connection_id = ? AND kind = ? AND external_id = ?`);
    this.#upsert = db.prepare(`INSERT INTO items
      (connection_id, kind, external_id, title, file_name, body, metadata, content, content_blob, content_size, content_hash,
        created_at, updated_at, fingerprint, synced_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (connection_id, kind, external_id) DO UPDATE SET
        title = excluded.title, file_name = excluded.file_name, body = excluded.body, metadata = excluded.metadata, content = excluded.content,
        content_blob = excluded.content_blob, content_size = excluded.content_size, content_hash = excluded.content_hash, created_at = excluded.created_at, updated_at = excluded.updated_at,
        fingerprint = excluded.fingerprint, synced_at = excluded.synced_at, deleted_at = NULL
      RETURNING id`);
    this.#storedWhole = db.prepare(`SELECT id, title, file_name AS fileName, body, metadata, content, content_blob AS blob,
      content_size AS size, content_hash AS contentHash, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt
      FROM items WHERE connection_id = ? AND kind = ? AND external_id = ?`);
    this.#updateMetadata = db.prepare('UPDATE items SET metadata = ?, fingerprint = ?, content_hash = ?, synced_at = ? WHERE id = ?');
    this.#tombstone = db.prepare(`UPDATE items SET deleted_at = ? WHERE connection_id = ? AND kind = ? AND external_id = ?
      AND deleted_at IS NULL`);
    this.#byKey = db.prepare(`SELECT ${itemColumns} FROM items i WHERE i.connection_id = ? AND i.kind = ? AND i.external_id = ?`);
    this.#search = db.prepare(`SELECT ${itemColumns} FROM items_fts f
      JOIN items i ON i.id = f.rowid
      JOIN connections c ON c.id = i.connection_id
      WHERE c.workspace_id = ? AND items_fts MATCH ? AND i.deleted_at IS NULL
      ORDER BY f.rank LIMIT ?`);
    this.#countLive = db.prepare('SELECT count(*) AS count FROM items WHERE connection_id = ? AND deleted_at IS NULL');
    // substr() of a BLOB counts bytes, from 1.
    this.#range = db.prepare('SELECT content_blob AS blob, substr(content, ?, ?) AS bytes FROM items WHERE id = ?');
    this.#blobHashes = db.prepare('SELECT DISTINCT content_blob AS blob FROM items WHERE content_blob IS NOT NULL');
    this.#idOf = db.prepare('SELECT id FROM items WHERE connection_id = ? AND kind = ? AND external_id = ?');
  }

  /** Inserts or updates by (connection, kind, external id); an unchanged content hash writes nothing. */
  upsert(item: ItemInput, now = Date.now()): UpsertOutcome {
    return this.#db.transaction(() => this.saveAll([item], now)[0]!.outcome)();
  }

  /**
   * `upsert` for many items, giving each one's row id. The rows go first, then
   * their metadata values, then their text. Text goes last because FTS5 moves its
   * pending text into a new index segment at every statement that may need
   * undoing (a statement journal: most writes here); text written between them
   * made a segment per item, and merging those was most of the index's cost.
   * Written last, a page's text becomes one segment. Call it in a transaction.
   */
  saveAll(items: readonly ItemInput[], now = Date.now()): SavedItem[] {
    const saved: SavedItem[] = [];
    let values: ValueChanges = { removed: [], added: [] };
    let texts: Array<{ id: number; previous: ItemText | null; next: ItemText }> = [];
    const pending = new Set<number>();
    const flush = () => {
      this.#values.write(values);
      for (const text of texts) this.#text.write(text.id, text.previous, text.next);
      values = { removed: [], added: [] };
      texts = [];
      pending.clear();
    };
    for (const item of items) {
      const metadata = JSON.stringify(item.metadata);
      const contentHash = hashItem(item, metadata);
      const stored = this.#stored.get(item.connectionId, item.kind, item.externalId);
      const live = stored !== undefined && stored.deletedAt === null;
      if (live && stored.contentHash === contentHash) {
        saved.push({ outcome: 'unchanged', id: stored.id });
        continue;
      }
      // The same item twice in one call: its first version's values and text must be written before they are replaced.
      if (stored && pending.has(stored.id)) flush();
      const previousText = stored ? this.#storedText.get(stored.id)! : null;
      const { content } = item;
      const inline = content === null || Buffer.isBuffer(content);
      const { id } = this.#upsert.get(
        item.connectionId, item.kind, item.externalId, item.title, item.fileName, item.body, metadata,
        inline ? content : null, inline ? null : content.blob, inline ? null : content.size, contentHash,
        item.createdAt, item.updatedAt, item.fingerprint ?? null, now,
      )!;
      this.#values.diff(item.connectionId, id, stored?.metadata ?? null, metadata, values);
      texts.push({ id, previous: previousText, next: item });
      pending.add(id);
      this.#changes.bump();
      saved.push({ outcome: live ? 'updated' : 'added', id });
    }
    flush();
    return saved;
  }

  /**
   * New metadata and fingerprint for a live item, its bytes, title and text kept; its values follow, its text
   * index is untouched. Undefined when there is no live item to update. Call it in a transaction.
   */
  updateMetadata(update: MetadataInput, now = Date.now()): SavedItem | undefined {
    const stored = this.#storedWhole.get(update.connectionId, update.kind, update.externalId);
    if (!stored || stored.deletedAt !== null) return undefined;
    const metadata = JSON.stringify(update.metadata);
    const content = stored.blob === null ? stored.content : { blob: stored.blob, size: stored.size ?? 0 };
    const contentHash = hashItem({ ...stored, fingerprint: update.fingerprint, content }, metadata);
    if (contentHash === stored.contentHash) return { outcome: 'unchanged', id: stored.id };
    this.#updateMetadata.run(metadata, update.fingerprint ?? null, contentHash, now, stored.id);
    const values: ValueChanges = { removed: [], added: [] };
    this.#values.diff(update.connectionId, stored.id, stored.metadata, metadata, values);
    this.#values.write(values);
    this.#changes.bump();
    return { outcome: 'updated', id: stored.id };
  }

  /** Records a provider-signalled deletion as a tombstone; false when there was nothing live to delete. */
  markDeleted(connectionId: number, kind: string, externalId: string, now = Date.now()): boolean {
    const deleted = this.#tombstone.run(now, connectionId, kind, externalId).changes > 0;
    if (deleted) this.#changes.bump();
    return deleted;
  }

  /** Up to `length` bytes of an item's file from `offset`, from its row or its blob (empty when it has none). */
  async read(id: number, offset: number, length: number): Promise<Buffer> {
    const row = this.#range.get(offset + 1, length, id);
    if (row?.blob) return this.#blobs.read(row.blob, offset, length);
    return row?.bytes ?? Buffer.alloc(0);
  }

  /** The blobs items refer to, tombstoned ones included (a revived item finds its blob). */
  blobHashes(): Set<string> {
    return new Set(this.#blobHashes.all().map((row) => row.blob));
  }

  idOf(connectionId: number, kind: string, externalId: string): number | undefined {
    return this.#idOf.get(connectionId, kind, externalId)?.id;
  }

  find(connectionId: number, kind: string, externalId: string): ItemRecord | undefined {
    return this.#byKey.get(connectionId, kind, externalId);
  }

  /** Full-text search over a workspace's live items; each word of `text` must match (stemmed). */
  search(workspaceId: number, text: string, limit = 50): ItemRecord[] {
    const query = toFtsQuery(text);
    return query ? this.#search.all(workspaceId, query, limit) : [];
  }

  countLive(connectionId: number): number {
    return this.#countLive.get(connectionId)?.count ?? 0;
  }
}

function hashItem(item: HashedParts, metadata: string): string {
  const hash = createHash('sha256');
  for (const part of [item.title, item.fileName, item.body, metadata, String(item.createdAt), String(item.updatedAt)]) {
    hash.update(part).update('\0');
  }
  // Only where there is one, so that items of connectors without fingerprints keep their hashes.
  if (item.fingerprint !== undefined) hash.update(`fingerprint:${item.fingerprint}\0`);
  if (Buffer.isBuffer(item.content)) hash.update(item.content);
  else if (item.content) hash.update(`blob:${item.content.blob}`);
  return hash.digest('hex');
}

/** Quotes each word so that user text can never be read as FTS5 syntax (NEAR, AND, column filters, `*`). */
export function toFtsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return words.map((word) => `"${word}"`).join(' ');
}
