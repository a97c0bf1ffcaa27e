import type { CompiledQuery, Condition, DateExpr, DateFilter, TextTerm, ValueRef } from './query.ts';

/**
 * Plain-English renderings of a compiled query, for explain and `.folder.json`:
 * "state is open", "labels include "bug"", "updated since the start of last week".
 */
export interface DescribeOptions {
  /** How to name the connected account, e.g. `you (alice)`. */
  me?: string;
  /** Fields holding lists, described with "include". */
  isList?: (field: string) => boolean;
}

const quote = (value: string) => JSON.stringify(value);

function valueText(value: ValueRef, options: DescribeOptions): string {
  return typeof value === 'string' ? quote(value) : options.me ?? 'you';
}

export function describeCondition(condition: Condition, options: DescribeOptions = {}): string {
  const field = condition.field.replace(/_/g, ' ');
  const list = options.isList?.(condition.field) ?? false;
  const not = condition.negate;
  switch (condition.op) {
    case 'exists':
      return `${field} ${not ? 'is empty' : 'is set'}`;
    case 'before':
      return `${field} ${not ? 'is not before' : 'is before'} ${describeDateExpr(condition.date)}`;
    case 'since':
      return `${field} ${not ? 'is not since' : 'is since'} ${describeDateExpr(condition.date)}`;
    case 'equals': {
      const values = condition.values.map((value) => valueText(value, options)).join(' or ');
      if (list) return `${field} ${not ? 'do not include' : 'include'} ${values}`;
      return `${field} ${not ? 'is not' : 'is'} ${values}`;
    }
    case 'contains': {
      const values = condition.values.map((value) => valueText(value, options)).join(' or ');
      return `${field} ${not ? 'does not contain' : 'contains'} ${values}`;
    }
  }
}

export function describeText(term: TextTerm): string {
  const words = term.any.map(quote);
  const alternatives = words.length > 1 ? `${words[0]} (or ${words.slice(1).join(', ')})` : words[0]!;
  return `${term.negate ? 'does not mention' : 'mentions'} ${alternatives}`;
}

const unitNames: Readonly<Record<string, string>> = { now: 'now', day: 'today', week: 'this week', month: 'this month', quarter: 'this quarter', year: 'this year' };
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function describeDateExpr(expr: DateExpr): string {
  if ('at' in expr) return expr.at;
  let base: string;
  if (expr.weekday !== undefined) base = `the start of the last ${weekdayNames[expr.weekday - 1]}`;
  else if (expr.month !== undefined) base = `the start of the last ${monthNames[expr.month - 1]}`;
  else base = expr.anchor === 'now' ? 'now' : `the start of ${unitNames[expr.anchor]}`;
  if (!expr.shift) return base;
  const amount = Math.abs(expr.shift);
  const unit = `${expr.unit ?? 'day'}${amount === 1 ? '' : 's'}`;
  return `${base} ${expr.shift < 0 ? 'minus' : 'plus'} ${amount} ${unit}`;
}

export function describeDate(date: DateFilter): string {
  const parts: string[] = [];
  if (date.since) parts.push(`since ${describeDateExpr(date.since)}`);
  if (date.before) parts.push(`before ${describeDateExpr(date.before)}`);
  return `${date.field} ${parts.join(', ')}`;
}

/** The whole query on one line. */
export function describeQuery(query: CompiledQuery, options: DescribeOptions = {}): string {
  const parts: string[] = [];
  parts.push(query.kinds.length === 0 ? 'any kind' : `kind is ${query.kinds.map((kind) => kind.replace(/_/g, ' ')).join(' or ')}`);
  for (const condition of query.where) parts.push(describeCondition(condition, options));
  if (query.date) parts.push(describeDate(query.date));
  for (const term of query.text) parts.push(describeText(term));
  const sort = query.sort.by === 'title' ? 'by title' : `${query.sort.order === 'desc' ? 'newest' : 'oldest'} ${query.sort.by === 'created' ? 'created ' : ''}first`;
  return `${parts.join(' AND ')}; ${sort}${query.limit === null ? '' : `, at most ${query.limit}`}`;
}
