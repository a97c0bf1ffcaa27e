import type { SqliteDatabase, Statement } from './database.ts';

export interface ItemText {
  title: string;
  body: string;
}

/**
 * The FTS5 index of item titles and bodies (`items_fts`, external content over
 * `items`). An external-content index must be told the old text to remove it,
 * so a change passes both versions.
 */
export class ItemTextIndex {
  readonly #add: Statement<[number, string, string]>;
  readonly #remove: Statement<[number, string, string]>;

  constructor(db: SqliteDatabase) {
    this.#add = db.prepare('INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)');
    this.#remove = db.prepare("INSERT INTO items_fts (items_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)");
  }

  /** `previous` is the text the row held before this write (null for a new row). */
  write(itemId: number, previous: ItemText | null, next: ItemText): void {
    if (previous && previous.title === next.title && previous.body === next.body) return;
    if (previous) this.#remove.run(itemId, previous.title, previous.body);
    this.#add.run(itemId, next.title, next.body);
  }
}
