import type { SqliteDatabase, Statement } from './database.ts';
import { type ItemRecord, itemColumns } from './items.ts';

/** Which items a smart folder holds: materialised by the guidance engine, read by the tree. */
export class FolderItemStore {
  readonly #db: SqliteDatabase;
  readonly #clear: Statement<[number]>;
  readonly #add: Statement<[number, number]>;
  readonly #items: Statement<[number], ItemRecord>;
  readonly #count: Statement<[number], { count: number }>;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#clear = db.prepare('DELETE FROM folder_items WHERE folder_id = ?');
    this.#add = db.prepare('INSERT OR IGNORE INTO folder_items (folder_id, item_id) VALUES (?, ?)');
    this.#items = db.prepare(`SELECT ${itemColumns} FROM folder_items m JOIN items i ON i.id = m.item_id
      WHERE m.folder_id = ? AND i.deleted_at IS NULL ORDER BY i.updated_at DESC, i.id`);
    this.#count = db.prepare(`SELECT count(*) AS count FROM folder_items m JOIN items i ON i.id = m.item_id
      WHERE m.folder_id = ? AND i.deleted_at IS NULL`);
  }

  /** Sets a folder's members in one transaction. */
  replace(folderId: number, itemIds: Iterable<number>): void {
    this.#db.transaction(() => {
      this.#clear.run(folderId);
      for (const itemId of itemIds) this.#add.run(folderId, itemId);
    })();
  }

  /** Live members, newest first. */
  items(folderId: number): ItemRecord[] {
    return this.#items.all(folderId);
  }

  count(folderId: number): number {
    return this.#count.get(folderId)?.count ?? 0;
  }
}
