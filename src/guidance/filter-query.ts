import type { ConnectorDefinition } from '../sync/connector.ts';
import type { Compilation } from './compiler.ts';
import { describeCondition, describeText } from './describe.ts';
import type { SmartFolderFilter } from './filter.ts';
import { conditionsOf } from './meaning.ts';
import { phraseBookFor } from './phrases.ts';
import { type CompiledQuery, type Condition, emptyQuery } from './query.ts';

/**
 * An explicit filter (already checked by `validateFilter`) → the same compiled
 * query guidance produces, so both evaluate through one path. A person field
 * given "me" means the connected account; a vocabulary may give special values a
 * meaning (Linear's `cycle: "current"`).
 */
export function filterToQuery(connector: ConnectorDefinition, filter: SmartFolderFilter): Compilation {
  const book = phraseBookFor(connector);
  const query: CompiledQuery = emptyQuery();
  const understood: Compilation['understood'] = [];
  const isList = (field: string) => book.isListField(field);
  const note = (key: string, value: unknown, meaning: string) => understood.push({ words: `${key}: ${JSON.stringify(value)}`, meaning });
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'type') {
      query.kinds = Array.isArray(value) ? value : [String(value)];
      note(key, value, `kind is ${query.kinds.join(' or ')}`);
    } else if (key === 'text') {
      for (const word of String(value).split(/\s+/).filter(Boolean)) query.text.push({ any: [word], negate: false });
      note(key, value, query.text.map(describeText).join(' AND '));
    } else if (key === 'since' || key === 'until') {
      query.date ??= { field: 'updated', since: null, before: null };
      query.date[key === 'since' ? 'since' : 'before'] = { at: String(value) };
      note(key, value, `updated ${key === 'since' ? 'at or after' : 'before'} ${String(value)}`);
    } else if (key === 'limit') {
      query.limit = Number(value);
      note(key, value, `at most ${query.limit}, newest first`);
    } else {
      const conditions = fieldConditions(connector, key, value, book);
      query.where.push(...conditions);
      note(key, value, conditions.map((condition) => describeCondition(condition, { isList })).join(' AND '));
    }
  }
  return { query, understood, textTerms: query.text.map(describeText), ignored: [], problems: [], usable: true, leftover: 0 };
}

function fieldConditions(connector: ConnectorDefinition, field: string, value: unknown, book: ReturnType<typeof phraseBookFor>): Condition[] {
  const special = typeof value === 'string' ? connector.vocabulary?.filterValues?.[field]?.[value.toLowerCase()] : undefined;
  if (special) return conditionsOf(special, book);
  const person = book.isPersonField(field);
  const values = (Array.isArray(value) ? value : [value]).map((entry) => {
    const text = String(entry);
    return person && ['me', '@me'].includes(text.toLowerCase()) ? { me: true as const } : text;
  });
  return [{ field, op: book.isPartialField(field) ? 'contains' : 'equals', values, negate: false }];
}
