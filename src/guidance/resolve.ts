import type { ConnectionAccount } from '../store/connections.ts';
import type { ItemCondition, ItemQuery } from '../store/item-query.ts';
import { resolveDate } from './date-resolve.ts';
import type { CompiledQuery, ValueRef } from './query.ts';

/**
 * A compiled query at one moment for one connection: relative dates become
 * milliseconds, "me" becomes the account's id, name and e-mail. `resolution`
 * records what was resolved, so the engine knows when the time or the account
 * moved enough to evaluate again; `impossible` says a condition can match nothing
 * (e.g. "assigned to me" before the account is known).
 */
export interface ResolvedQuery {
  itemQuery: ItemQuery;
  impossible: boolean;
  resolution: string;
  /** Who "me" was taken to be (null: unknown). */
  me: string[] | null;
  since: number | null;
  before: number | null;
}

export function resolveQuery(query: CompiledQuery, connectionId: number, account: ConnectionAccount | null, now: number): ResolvedQuery {
  const me = account ? [account.id, account.name, account.email].filter((value): value is string => Boolean(value)) : null;
  let impossible = false;
  const conditions: ItemCondition[] = [];
  const dates: string[] = [];
  for (const condition of query.where) {
    if (condition.op === 'exists') {
      conditions.push(condition);
    } else if ('date' in condition) {
      const value = new Date(resolveDate(condition.date, now)).toISOString();
      dates.push(value);
      conditions.push({ field: condition.field, op: condition.op, value, negate: condition.negate });
    } else {
      const values = condition.values.flatMap((value: ValueRef) => (typeof value === 'string' ? [value] : me ?? []));
      if (values.length > 0) conditions.push({ field: condition.field, op: condition.op, values, negate: condition.negate });
      // No value left (only "me", unknown yet): a positive condition matches nothing, a negated one everything.
      else if (!condition.negate) impossible = true;
    }
  }
  const text = query.text
    .map((term) => ({ any: term.any.filter((alternative) => /[\p{L}\p{N}]/u.test(alternative)), negate: term.negate }))
    .filter((term) => term.any.length > 0);
  const since = query.date?.since ? resolveDate(query.date.since, now) : null;
  const before = query.date?.before ? resolveDate(query.date.before, now) : null;
  const itemQuery: ItemQuery = {
    connectionId,
    kinds: query.kinds,
    conditions,
    text,
    time: query.date ? { field: query.date.field, since, before } : null,
    sort: query.sort,
    limit: query.limit,
  };
  return { itemQuery, impossible, resolution: JSON.stringify({ since, before, dates, me }), me, since, before };
}
