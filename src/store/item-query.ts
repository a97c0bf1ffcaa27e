import type { SqliteDatabase, Statement } from './database.ts';
import { foldCase, noValue } from './item-values.ts';

/**
 * A smart folder's query with everything resolved: values lowercased, "me" turned
 * into the account's names, dates into milliseconds. The guidance layer builds it
 * (src/guidance/resolve.ts); this module turns it into SQL over the covering index
 * `items_live_by_kind`, the `item_values` index of metadata, and FTS5.
 */
export interface ItemQuery {
  connectionId: number;
  /** Empty: every kind. */
  kinds: readonly string[];
  conditions: readonly ItemCondition[];
  /** Each term must match; a term matches when any of its words or phrases does (stemmed). */
  text: ReadonlyArray<{ any: readonly string[]; negate: boolean }>;
  time: { field: 'created' | 'updated'; since: number | null; before: number | null } | null;
  sort: { by: 'updated' | 'created' | 'title'; order: 'asc' | 'desc' };
  limit: number | null;
}

/** Values are compared lowercased (ASCII), as `item_values` stores them. */
export type ItemCondition =
  | { field: string; op: 'equals' | 'contains'; values: readonly string[]; negate: boolean }
  | { field: string; op: 'exists'; negate: boolean }
  | { field: string; op: 'before' | 'since'; value: string; negate: boolean };

const maxCachedStatements = 256;
/** A positive condition with fewer entries than this is read as a list and the others probed (see `#listPositions`). */
const selectiveBelow = 10_000;

export class ItemQueryStore {
  readonly #db: SqliteDatabase;
  readonly #statements = new Map<string, Statement<unknown[], { id: number }>>();
  readonly #find: Statement<[number, string, string], { value: string }>;
  readonly #bySegment: Statement<[number, string, string], { value: string }>;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#find = db.prepare('SELECT value FROM item_values WHERE connection_id = ? AND field = ? AND value = ? LIMIT 1');
    this.#bySegment = db.prepare(`SELECT DISTINCT value FROM item_values WHERE connection_id = ? AND field = ?
      AND value LIKE ? ESCAPE '\\' LIMIT 20`);
  }

  /** Ids of the live items that match, in the query's order. */
  ids(query: ItemQuery): number[] {
    const { sql, params } = build(query, undefined, this.#listPositions(query));
    return this.#statement(sql).all(...params).map((row) => row.id);
  }

  /** Which of `itemIds` match (live ones only); ignores sort and limit. Each condition is probed per item. */
  matchingAmong(query: ItemQuery, itemIds: readonly number[]): number[] {
    if (itemIds.length === 0) return [];
    const { sql, params } = build({ ...query, limit: null }, itemIds, new Set());
    return this.#statement(sql).all(...params).map((row) => row.id);
  }

  /**
   * Which conditions (by position: conditions, then text terms) are read as whole
   * lists. Reading a list costs per entry, probing costs per surviving item: when
   * one positive condition is selective (fewer than `selectiveBelow` entries), it
   * alone is read as a list and the rest are probed for the few items it leaves.
   */
  #listPositions(query: ItemQuery): Set<number> {
    const all = new Set(query.conditions.map((_, index) => index).concat(query.text.map((_, index) => query.conditions.length + index)));
    let smallest: { position: number; size: number } | undefined;
    const consider = (position: number, sql: string, params: unknown[]) => {
      const size = this.#count(`SELECT count(*) AS id FROM (${sql} LIMIT ${selectiveBelow})`, params);
      if (size < selectiveBelow && (!smallest || size < smallest.size)) smallest = { position, size };
    };
    query.conditions.map(stored).forEach((condition, index) => {
      // A substring match must read the whole field to count; it is never the cheap one to start from.
      if (condition.negate || condition.op === 'contains') return;
      const { sql, params } = valuesSubquery(condition);
      consider(index, sql, [query.connectionId, condition.field, ...params]);
    });
    query.text.forEach((term, index) => {
      if (!term.negate) consider(query.conditions.length + index, 'SELECT rowid FROM items_fts WHERE items_fts MATCH ?', [ftsQuery(term.any)]);
    });
    return smallest ? new Set([smallest.position]) : all;
  }

  #count(sql: string, params: unknown[]): number {
    return this.#statement(sql).get(...params)?.id ?? 0;
  }

  /** The stored value of a field equal to one of the candidates (any case), if an item holds one. */
  findValue(connectionId: number, field: string, candidates: readonly string[]): string | undefined {
    for (const candidate of candidates) {
      const row = this.#find.get(connectionId, field, foldCase(candidate));
      if (row) return row.value;
    }
    return undefined;
  }

  /** Stored values of a field whose last `/` segment is `name`, e.g. "api" → "acme/api". */
  findByLastSegment(connectionId: number, field: string, name: string): string[] {
    return this.#bySegment.all(connectionId, field, `%/${escapeLike(foldCase(name))}`).map((row) => row.value);
  }

  #statement(sql: string): Statement<unknown[], { id: number }> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (this.#statements.size >= maxCachedStatements) this.#statements.delete(this.#statements.keys().next().value!);
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The SQL of a query. A full evaluation walks the covering index (the `+` before
 * `i.id` keeps the planner from fetching wide rows by id). A condition is either
 * a list (`IN` over `item_values` or FTS5, read once) or a probe (`EXISTS` for the
 * item at hand, through `item_values_by_item` or FTS5's rowid); lists come first
 * so that probes only run for the items they leave.
 */
function build(query: ItemQuery, among: readonly number[] | undefined, lists: ReadonlySet<number>): { sql: string; params: unknown[] } {
  const where: string[] = ['i.connection_id = ?', 'i.deleted_at IS NULL'];
  const params: unknown[] = [query.connectionId];
  if (among) {
    where.push('i.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(among));
  }
  if (query.kinds.length > 0) {
    where.push(`i.kind IN (${query.kinds.map(() => '?').join(', ')})`);
    params.push(...query.kinds);
  }
  if (query.time) {
    const column = query.time.field === 'created' ? 'coalesce(i.created_at, i.updated_at)' : 'i.updated_at';
    if (query.time.since !== null) {
      where.push(`${column} >= ?`);
      params.push(query.time.since);
    }
    if (query.time.before !== null) {
      where.push(`${column} < ?`);
      params.push(query.time.before);
    }
  }
  const probes: Array<{ sql: string; params: unknown[] }> = [];
  query.conditions.map(stored).forEach((condition, index) => {
    const { sql, params: values } = valuesSubquery(condition);
    const not = condition.negate ? 'NOT ' : '';
    if (lists.has(index)) {
      where.push(`+i.id ${not}IN (${sql})`);
      params.push(query.connectionId, condition.field, ...values);
    } else {
      const probe = sql.replace('SELECT item_id FROM item_values WHERE', 'SELECT 1 FROM item_values v WHERE v.item_id = i.id AND');
      probes.push({ sql: `${not}EXISTS (${probe})`, params: [query.connectionId, condition.field, ...values] });
    }
  });
  query.text.forEach((term, index) => {
    const not = term.negate ? 'NOT ' : '';
    if (lists.has(query.conditions.length + index)) {
      where.push(`+i.id ${not}IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)`);
      params.push(ftsQuery(term.any));
    } else {
      probes.push({ sql: `${not}EXISTS (SELECT 1 FROM items_fts WHERE items_fts MATCH ? AND rowid = i.id)`, params: [ftsQuery(term.any)] });
    }
  });
  for (const probe of probes) {
    where.push(probe.sql);
    params.push(...probe.params);
  }
  const sortColumn = query.sort.by === 'title' ? 'i.title COLLATE NOCASE' : query.sort.by === 'created' ? 'coalesce(i.created_at, i.updated_at)' : 'i.updated_at';
  const order = query.sort.order === 'asc' ? 'ASC' : 'DESC';
  const index = among ? '' : ' INDEXED BY items_live_by_kind';
  let sql = `SELECT i.id FROM items i${index} WHERE ${where.join(' AND ')} ORDER BY ${sortColumn} ${order}, i.id ${order}`;
  if (query.limit !== null) {
    sql += ' LIMIT ?';
    params.push(query.limit);
  }
  return { sql, params };
}

/**
 * "Has no value" is read from the field's empty rows (`noValue`, src/store/item-values.ts):
 * a positive lookup of the items lacking the field, not a negation of all the others.
 */
function stored(condition: ItemCondition): StoredCondition {
  return condition.op === 'exists' && condition.negate ? { field: condition.field, op: 'empty', negate: false } : condition;
}

type StoredCondition = ItemCondition | { field: string; op: 'empty'; negate: false };

function valuesSubquery(condition: StoredCondition): { sql: string; params: unknown[] } {
  const base = 'SELECT item_id FROM item_values WHERE connection_id = ? AND field = ?';
  switch (condition.op) {
    case 'exists':
      return { sql: `${base} AND value <> ?`, params: [noValue] };
    case 'empty':
      return { sql: `${base} AND value = ?`, params: [noValue] };
    case 'equals':
      return { sql: `${base} AND value IN (${condition.values.map(() => '?').join(', ')})`, params: condition.values.map(foldCase) };
    case 'contains':
      return {
        sql: `${base} AND (${condition.values.map(() => "value LIKE ? ESCAPE '\\'").join(' OR ')})`,
        params: condition.values.map((value) => `%${escapeLike(foldCase(value))}%`),
      };
    case 'before':
      return { sql: `${base} AND value < ? AND value <> ?`, params: [foldCase(condition.value), noValue] };
    case 'since':
      return { sql: `${base} AND value >= ?`, params: [foldCase(condition.value)] };
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Words and phrases → an FTS5 query of quoted strings, so user text is never read as FTS5 syntax. */
function ftsQuery(alternatives: readonly string[]): string {
  return alternatives.map((alternative) => `"${alternative.replace(/"/g, '""')}"`).join(' OR ');
}
