import type { SqliteDatabase, Statement } from './database.ts';
import { foldCase } from './item-query.ts';

/** One `item_values` row of an item: a metadata field and one of its values, as stored. */
interface FieldValue {
  field: string;
  value: string;
}

/**
 * Keeps `item_values` equal to the metadata of each item row: every scalar and
 * every list element, lowercased (ASCII), booleans as 'true'/'false'; nulls,
 * objects and empty lists give none (the rows migration 4 derived). Only the
 * values that differ from the item's previous metadata are written, so an
 * update that changes one field touches one or two rows, not all of them.
 */
export class ItemValueStore {
  readonly #insert: Statement<[number, string, string, number]>;
  readonly #remove: Statement<[number, string, string, number]>;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare('INSERT OR IGNORE INTO item_values (connection_id, field, value, item_id) VALUES (?, ?, ?, ?)');
    this.#remove = db.prepare('DELETE FROM item_values WHERE connection_id = ? AND field = ? AND value = ? AND item_id = ?');
  }

  /**
   * `previous` and `next` are the metadata JSON the row held before and after this
   * write (`previous` null for a new row); read back from JSON, so the values are
   * exactly what the row stores.
   */
  write(connectionId: number, itemId: number, previous: string | null, next: string): void {
    if (previous === next) return;
    const before = previous === null ? new Map<string, FieldValue>() : valuesOf(previous);
    const after = valuesOf(next);
    for (const [key, row] of before) if (!after.has(key)) this.#remove.run(connectionId, row.field, row.value, itemId);
    for (const [key, row] of after) if (!before.has(key)) this.#insert.run(connectionId, row.field, row.value, itemId);
  }
}

function valuesOf(json: string): Map<string, FieldValue> {
  const metadata = JSON.parse(json) as Record<string, unknown>;
  const values = new Map<string, FieldValue>();
  const add = (field: string, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    const stored = typeof value === 'string' ? foldCase(value) : String(value);
    values.set(`${field}\0${stored}`, { field, value: stored });
  };
  for (const [field, value] of Object.entries(metadata)) {
    if (Array.isArray(value)) for (const element of value) add(field, element);
    else add(field, value);
  }
  return values;
}
