import type { ChangeCounter } from './changes.ts';
import type { SqliteDatabase, Statement } from './database.ts';
import { type ItemRecord, itemColumns } from './items.ts';

export interface FolderFileEntry {
  id: number;
  externalId: string;
  fileName: string;
  size: number;
  updatedAt: number;
}

/** Which items a smart folder holds: materialised by the guidance engine, read by the tree. */
export class FolderItemStore {
  readonly #db: SqliteDatabase;
  readonly #clear: Statement<[number]>;
  readonly #add: Statement<[number, number]>;
  readonly #items: Statement<[number], ItemRecord>;
  readonly #count: Statement<[number], { count: number }>;
  readonly #entries: Statement<[number], FolderFileEntry>;
  readonly #foldersOf: Statement<[number], { folderId: number }>;
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
    this.#foldersOf = db.prepare('SELECT folder_id AS folderId FROM folder_items WHERE item_id = ?');
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

  /** The smart folders an item is in. */
  foldersOf(itemId: number): number[] {
    return this.#foldersOf.all(itemId).map((row) => row.folderId);
  }

  count(folderId: number): number {
    return this.#count.get(folderId)?.count ?? 0;
  }
}
