import type { ChangeCounter } from './changes.ts';
import type { SqliteDatabase, Statement } from './database.ts';
import { type ItemRecord, itemColumns, toFtsQuery } from './items.ts';

export interface FolderFileEntry {
  id: number;
  externalId: string;
  fileName: string;
  size: number;
  updatedAt: number;
}

/** A file in a smart folder whose item matches a full-text search. */
export interface FolderFileMatch {
  folderId: number;
  itemId: number;
  title: string;
}

/** Which items a smart folder holds: materialised by the guidance engine, read by the tree. */
export class FolderItemStore {
  readonly #db: SqliteDatabase;
  readonly #clear: Statement<[number]>;
  readonly #add: Statement<[number, number]>;
  readonly #items: Statement<[number], ItemRecord>;
  readonly #count: Statement<[number], { count: number }>;
  readonly #entries: Statement<[number], FolderFileEntry>;
  readonly #search: Statement<[number, string, number], FolderFileMatch>;
  readonly #memberIds: Statement<[number], { itemId: number }>;
  readonly #remove: Statement<[number, number]>;
  readonly #changes: ChangeCounter;

  constructor(db: SqliteDatabase, changes: ChangeCounter) {
    this.#db = db;
    this.#changes = changes;
    this.#clear = db.prepare('DELETE FROM folder_items WHERE folder_id = ?');
    this.#add = db.prepare('INSERT OR IGNORE INTO folder_items (folder_id, item_id) VALUES (?, ?)');
    this.#items = db.prepare(`SELECT ${itemColumns} FROM folder_items m JOIN items i ON i.id = m.item_id
      WHERE m.folder_id = ? AND i.deleted_at IS NULL ORDER BY i.updated_at DESC, i.id`);
    this.#count = db.prepare(`SELECT count(*) AS count FROM folder_items m JOIN items i ON i.id = m.item_id
      WHERE m.folder_id = ? AND i.deleted_at IS NULL`);
    // One row per file: an item in two folders is two files. Items in no folder are never read past the join.
    this.#search = db.prepare(`SELECT m.folder_id AS folderId, i.id AS itemId, i.title FROM items_fts f
      JOIN items i ON i.id = f.rowid
      JOIN folder_items m ON m.item_id = i.id
      JOIN smart_folders s ON s.id = m.folder_id
      WHERE s.workspace_id = ? AND items_fts MATCH ? AND i.deleted_at IS NULL
      ORDER BY f.rank, i.id, m.folder_id LIMIT ?`);
    this.#memberIds = db.prepare('SELECT item_id AS itemId FROM folder_items WHERE folder_id = ?');
    this.#remove = db.prepare('DELETE FROM folder_items WHERE folder_id = ? AND item_id = ?');
    this.#entries = db.prepare(`SELECT i.id, i.external_id AS externalId, i.file_name AS fileName,
      coalesce(i.content_size, length(i.content), 0) AS size, i.updated_at AS updatedAt
      FROM folder_items m JOIN items i ON i.id = m.item_id
      WHERE m.folder_id = ? AND i.deleted_at IS NULL ORDER BY i.updated_at DESC, i.id`);
  }

  /** Sets a folder's members in one transaction. */
  replace(folderId: number, itemIds: Iterable<number>): void {
    this.#db.transaction(() => {
      this.#clear.run(folderId);
      for (const itemId of itemIds) this.#add.run(folderId, itemId);
    })();
    this.#changes.bump();
  }

  /** Adds and removes members in one transaction; answers whether anything changed. */
  apply(folderId: number, add: Iterable<number>, remove: Iterable<number>): boolean {
    let changed = 0;
    this.#db.transaction(() => {
      for (const itemId of remove) changed += this.#remove.run(folderId, itemId).changes;
      for (const itemId of add) changed += this.#add.run(folderId, itemId).changes;
    })();
    if (changed > 0) this.#changes.bump();
    return changed > 0;
  }

  /** Ids of every member, live or tombstoned, in no particular order. */
  memberIds(folderId: number): number[] {
    return this.#memberIds.all(folderId).map((row) => row.itemId);
  }

  /** Live members, newest first. */
  items(folderId: number): ItemRecord[] {
    return this.#items.all(folderId);
  }

  /** What a directory listing needs of each live member: no content, only its size. */
  entries(folderId: number): FolderFileEntry[] {
    return this.#entries.all(folderId);
  }

  /** Full-text search over the files in a workspace's smart folders, best match first; `limit` counts files. */
  search(workspaceId: number, text: string, limit: number): FolderFileMatch[] {
    const query = toFtsQuery(text);
    return query ? this.#search.all(workspaceId, query, limit) : [];
  }

  count(folderId: number): number {
    return this.#count.get(folderId)?.count ?? 0;
  }
}
