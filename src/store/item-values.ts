import type { SqliteDatabase, Statement } from './database.ts';

/** One `item_values` row of an item: a metadata field and one of its values, as stored. */
interface FieldValue {
  field: string;
  value: string;
}

/** Lowercases ASCII letters only, like SQLite's lower() without ICU, so values and queries agree. */
export function foldCase(value: string): string {
  return value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** The value of a field's one row when it has no value at all: null, '', an empty list, an object. */
export const noValue = '';

/** One `item_values` row. */
export interface ValueRow extends FieldValue {
  connectionId: number;
  itemId: number;
}

/** The rows an item's write removes and adds. */
export interface ValueChanges {
  removed: ValueRow[];
  added: ValueRow[];
}

/**
 * Keeps `item_values` equal to the metadata of each item row: every scalar and
 * every list element, lowercased (ASCII), booleans as 'true'/'false'; a field
 * with none of those gets one `noValue` row, so that "without a label" is a
 * lookup of the items that have that row rather than a scan of all that don't.
 * Only the values that differ from the item's previous metadata are written,
 * so an update that changes one field touches one or two rows, not all of them.
 */
export class ItemValueStore {
  readonly #insert: Statement<[number, string, string, number]>;
  readonly #remove: Statement<[number, string, string, number]>;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare('INSERT OR IGNORE INTO item_values (connection_id, field, value, item_id) VALUES (?, ?, ?, ?)');
    this.#remove = db.prepare('DELETE FROM item_values WHERE connection_id = ? AND field = ? AND value = ? AND item_id = ?');
  }

  /**
   * What takes an item's rows from `previous` to `next`, the metadata JSON its row
   * held before and after a write (`previous` null for a new row); read back from
   * JSON, so the values are exactly what the row stores. Adds to `changes`.
   */
  diff(connectionId: number, itemId: number, previous: string | null, next: string, changes: ValueChanges): void {
    if (previous === next) return;
    const before = previous === null ? new Map<string, FieldValue>() : valuesOf(previous);
    const after = valuesOf(next);
    for (const [key, row] of before) if (!after.has(key)) changes.removed.push({ connectionId, itemId, ...row });
    for (const [key, row] of after) if (!before.has(key)) changes.added.push({ connectionId, itemId, ...row });
  }

  /**
   * Writes the rows in key order. A page of items adds a dozen rows each, spread
   * over the whole index (numbers, dates, people); sorted, the rows bound for one
   * b-tree page go in one after another instead of each looking the page up again.
   */
  write(changes: ValueChanges): void {
    for (const row of changes.removed) this.#remove.run(row.connectionId, row.field, row.value, row.itemId);
    for (const row of changes.added.sort(byKey)) this.#insert.run(row.connectionId, row.field, row.value, row.itemId);
  }
}

function byKey(a: ValueRow, b: ValueRow): number {
  return a.connectionId - b.connectionId || compare(a.field, b.field) || compare(a.value, b.value) || a.itemId - b.itemId;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function valuesOf(json: string): Map<string, FieldValue> {
  const metadata = JSON.parse(json) as Record<string, unknown>;
  const values = new Map<string, FieldValue>();
  const add = (field: string, value: unknown): number => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return 0;
    const stored = typeof value === 'string' ? foldCase(value) : String(value);
    if (stored === noValue) return 0;
    values.set(`${field}\0${stored}`, { field, value: stored });
    return 1;
  };
  for (const [field, value] of Object.entries(metadata)) {
    const added = Array.isArray(value) ? value.reduce((sum: number, element) => sum + add(field, element), 0) : add(field, value);
    if (added === 0) values.set(`${field}\0${noValue}`, { field, value: noValue });
  }
  return values;
}
