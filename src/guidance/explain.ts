import type { ConnectorDefinition } from '../sync/connector.ts';
import type { FolderQueryRecord, QuerySource } from '../store/folder-queries.ts';
import type { Compilation, Understood } from './compiler.ts';
import { describeQuery } from './describe.ts';
import { phraseBookFor } from './phrases.ts';
import type { CompiledQuery } from './query.ts';

/** What is stored beside a compiled query: the compiler's account of the guidance. */
export interface StoredExplanation extends Omit<Compilation, 'query'> {
  /** Set when the optional model was asked: what it answered or why it was not used. */
  model?: { used: boolean; note: string };
}

export function storedExplanation(compilation: Compilation, model?: StoredExplanation['model']): StoredExplanation {
  const { understood, textTerms, ignored, problems, usable, leftover } = compilation;
  return { understood, textTerms, ignored, problems, usable, leftover, ...(model ? { model } : {}) };
}

/**
 * A folder's compiled query, readable: explain (API, CLI, SDK) and `.folder.json`
 * show this. `match_count` is the materialised membership.
 */
export interface FolderExplanation {
  source: QuerySource;
  query: CompiledQuery;
  readable: string;
  understood: Understood[];
  text_terms: string[];
  ignored: string[];
  problems: string[];
  usable: boolean;
  model: { used: boolean; note: string } | null;
  /** What relative parts meant at the last evaluation. */
  resolved: { since: string | null; before: string | null; me: string[] | null };
  match_count: number;
  evaluated_at: string | null;
}

export function presentExplanation(record: FolderQueryRecord, connector: ConnectorDefinition, matchCount: number): FolderExplanation {
  const query = JSON.parse(record.query) as CompiledQuery;
  const explanation = JSON.parse(record.explanation) as StoredExplanation;
  const resolution = record.resolution ? (JSON.parse(record.resolution) as { since: number | null; before: number | null; me: string[] | null }) : null;
  const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
  const me = resolution?.me?.length ? `you (${resolution.me[0]})` : 'you';
  const book = phraseBookFor(connector);
  return {
    source: record.source,
    query,
    readable: describeQuery(query, { me, isList: (field) => book.isListField(field) }),
    understood: explanation.understood,
    text_terms: explanation.textTerms,
    ignored: explanation.ignored,
    problems: explanation.problems,
    usable: explanation.usable,
    model: explanation.model ?? null,
    resolved: { since: iso(resolution?.since), before: iso(resolution?.before), me: resolution?.me ?? null },
    match_count: matchCount,
    evaluated_at: iso(record.evaluatedAt),
  };
}
