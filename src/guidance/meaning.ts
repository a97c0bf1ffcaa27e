import type { Condition } from './query.ts';
import type { Match, Meaning } from './vocabulary.ts';

/** What a meaning needs to know of its integration: which fields are matched by substring. */
interface Fields {
  isPartialField(field: string): boolean;
}

/** A vocabulary meaning's `where` → compiled conditions (see `Match` for what each form means). */
export function conditionsOf(meaning: Meaning, book: Fields): Condition[] {
  return Object.entries(meaning.where ?? {}).map(([field, match]) => conditionOf(field, match, false, book));
}

function conditionOf(field: string, match: Match, negate: boolean, book: Fields): Condition {
  if (typeof match === 'string') return { field, op: book.isPartialField(field) ? 'contains' : 'equals', values: [match], negate };
  if (typeof match === 'boolean') return { field, op: 'equals', values: [String(match)], negate };
  if (isList(match)) return { field, op: book.isPartialField(field) ? 'contains' : 'equals', values: [...match], negate };
  if ('not' in match) return conditionOf(field, match.not, !negate, book);
  if ('present' in match) return { field, op: 'exists', negate: match.present === negate };
  if ('person' in match) return { field, op: 'contains', values: [{ me: true }], negate };
  if ('before' in match) return { field, op: 'before', date: match.before, negate };
  return { field, op: 'since', date: match.since, negate };
}

function isList(match: Match): match is readonly string[] {
  return Array.isArray(match);
}
