import type { HogQLResponse } from '../types.ts';
import { type Expr, HogQLError, type SelectQuery, functions, isEventField } from './hogql-parse.ts';

/** An event as the fake stores it; `timestamp` is ISO 8601 with microseconds in UTC, as PostHog's DateTime64(6). */
export interface EventRecord {
  uuid: string;
  event: string;
  distinct_id: string;
  timestamp: string;
  properties: Record<string, unknown>;
}

export interface PersonRecord {
  distinct_id: string;
  properties: Record<string, unknown>;
}

export interface EventRow {
  event: EventRecord;
  person: PersonRecord | undefined;
}

type Value = string | number | null;

/** PostHog answers a query without LIMIT with 100 rows, and never more than 50,000. */
const defaultLimit = 100;
const maxLimit = 50_000;

/** Literals a query compares every row with, parsed once. */
const parsedLiterals = new Map<string, string>();
const canonical = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const dateTimePattern = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date-time as the fake keeps and returns them: `2026-11-20T10:15:02.123000Z`. */
export function toDateTime(value: Value): string {
  if (typeof value === 'string' && canonical.test(value)) return value;
  const key = String(value);
  let parsed = parsedLiterals.get(key);
  if (parsed === undefined) {
    const match = typeof value === 'string' ? dateTimePattern.exec(value) : null;
    const ms = match ? Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}${match[4] ?? 'Z'}`) : Number.NaN;
    if (!match || Number.isNaN(ms)) throw new HogQLError(`Unable to parse ${JSON.stringify(value)} as a DateTime`);
    parsed = `${new Date(ms).toISOString().slice(0, 19)}.${(match[3] ?? '').padEnd(6, '0')}Z`;
    parsedLiterals.set(key, parsed);
  }
  return parsed;
}

/** `toDate`: the day, in UTC (the fake project's time zone). */
function toDate(value: Value): string {
  return toDateTime(value).slice(0, 10);
}

function isAggregate(expr: Expr): boolean {
  if (expr.type === 'call') return functions[expr.name]!.aggregate || expr.args.some(isAggregate);
  if (expr.type === 'compare') return isAggregate(expr.left) || isAggregate(expr.right);
  if (expr.type === 'in') return isAggregate(expr.left) || expr.values.some(isAggregate);
  if (expr.type === 'and' || expr.type === 'or') return expr.parts.some(isAggregate);
  return false;
}

function fieldValue(chain: readonly string[], row: EventRow): Value {
  const { event } = row;
  const extracted = (value: unknown): Value => (value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));
  if (chain[0] === 'person') return extracted(row.person?.properties[chain[2]!]);
  if (chain[0] === 'properties') return chain.length === 2 ? extracted(event.properties[chain[1]!]) : JSON.stringify(event.properties);
  return event[chain[0] as 'uuid' | 'event' | 'distinct_id' | 'timestamp'];
}

function compare(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

const comparisons: Readonly<Record<string, (order: number) => boolean>> = {
  '=': (order) => order === 0, '!=': (order) => order !== 0, '<': (order) => order < 0, '<=': (order) => order <= 0, '>': (order) => order > 0, '>=': (order) => order >= 0,
};

/** Runs a parsed SELECT over the project's events: filter, group, order, page. */
export function runSelect(query: SelectQuery, rows: readonly EventRow[], printed: string): HogQLResponse & { hogql: string } {
  const aliases = new Map(query.columns.map((column) => [column.name, column.expr]));
  const resolve = (expr: Expr): Expr => {
    if (expr.type !== 'field') return expr;
    if (isEventField(expr.chain)) return expr;
    const aliased = expr.chain.length === 1 ? aliases.get(expr.chain[0]!) : undefined;
    if (!aliased || aliased === expr) throw new HogQLError(`Unable to resolve field: ${expr.chain.join('.')}`);
    return aliased;
  };
  const evaluate = (expr: Expr, scope: readonly EventRow[]): Value => {
    const target = resolve(expr);
    switch (target.type) {
      case 'field': return fieldValue(target.chain, scope[0]!);
      case 'literal': return target.value;
      case 'call': {
        if (target.name === 'count') return scope.length;
        if (target.name === 'toDate') return toDate(evaluate(target.args[0]!, scope));
        if (target.name === 'toDateTime') return toDateTime(evaluate(target.args[0]!, scope));
        const values = scope.map((row) => evaluate(target.args[0]!, [row])).sort(compare);
        return (target.name === 'max' ? values.at(-1) : values[0]) ?? null;
      }
      case 'compare': return comparisons[target.op]!(compare(evaluate(target.left, scope), evaluate(target.right, scope))) ? 1 : 0;
      case 'in': {
        const value = evaluate(target.left, scope);
        return target.values.some((candidate) => compare(value, evaluate(candidate, scope)) === 0) !== target.negate ? 1 : 0;
      }
      case 'and': return target.parts.every((part) => evaluate(part, scope) === 1) ? 1 : 0;
      case 'or': return target.parts.some((part) => evaluate(part, scope) === 1) ? 1 : 0;
    }
  };
  if (query.where && isAggregate(query.where)) throw new HogQLError('Aggregate functions are not allowed in WHERE');
  const kept = query.where ? rows.filter((row) => evaluate(query.where!, [row]) === 1) : [...rows];
  const grouped = query.groupBy.length > 0 || query.columns.some((column) => isAggregate(column.expr));
  let scopes: EventRow[][];
  if (grouped) {
    const keys = query.groupBy.map((expr) => JSON.stringify(resolve(expr)));
    for (const column of query.columns) {
      if (!isAggregate(column.expr) && !keys.includes(JSON.stringify(resolve(column.expr)))) {
        throw new HogQLError(`Column \`${column.name}\` is not under an aggregate function and not in GROUP BY`);
      }
    }
    const groups = new Map<string, EventRow[]>();
    for (const row of kept) {
      const key = JSON.stringify(query.groupBy.map((expr) => evaluate(expr, [row])));
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    scopes = [...groups.values()];
  } else scopes = kept.map((row) => [row]);
  const order = query.orderBy.map(({ expr, desc }) => ({ values: new Map(scopes.map((scope) => [scope, evaluate(expr, scope)])), desc }));
  scopes.sort((a, b) => {
    for (const { values, desc } of order) {
      const difference = compare(values.get(a)!, values.get(b)!);
      if (difference !== 0) return desc ? -difference : difference;
    }
    return 0;
  });
  const limit = Math.min(query.limit ?? defaultLimit, maxLimit);
  const page = scopes.slice(query.offset, query.offset + limit);
  return {
    columns: query.columns.map((column) => column.name),
    types: query.columns.map((column) => [column.name, typeOf(resolve(column.expr))]),
    results: page.map((scope) => query.columns.map((column) => evaluate(column.expr, scope))),
    hasMore: scopes.length > query.offset + limit,
    limit,
    offset: query.offset,
    hogql: printed,
  };
}

function typeOf(expr: Expr): string {
  if (expr.type === 'call') return expr.name === 'count' ? 'UInt64' : expr.name === 'toDate' ? 'Date' : expr.name === 'toDateTime' ? "DateTime64(6, 'UTC')" : typeOf(expr.args[0]!);
  if (expr.type === 'field') {
    if (expr.chain[0] === 'uuid') return 'UUID';
    if (expr.chain[0] === 'timestamp') return "DateTime64(6, 'UTC')";
    return expr.chain.length > 1 ? 'Nullable(String)' : 'String';
  }
  if (expr.type === 'literal') return typeof expr.value === 'number' ? 'UInt64' : 'String';
  return 'UInt8';
}
