import type { ConnectorDefinition } from '../sync/connector.ts';
import { dateVerbs, everything, fillers, limitLeads, meWords, negations, ownerPhrases, softNouns, sorts } from './grammar.ts';
import type { CompiledQuery } from './query.ts';
import { type Token, singular } from './tokens.ts';
import type { Meaning, Vocabulary } from './vocabulary.ts';

/** What a recognised phrase does to the query being built. */
export type Action =
  | { type: 'meaning'; meaning: Meaning }
  | { type: 'kind'; kinds: readonly string[] }
  | { type: 'person'; field: string }
  | { type: 'value'; field: string }
  | { type: 'after'; field: string }
  | { type: 'owner' }
  | { type: 'negate' }
  | { type: 'filler' }
  | { type: 'soft' }
  | { type: 'me' }
  | { type: 'all' }
  | { type: 'or' }
  | { type: 'and' }
  | { type: 'sort'; sort: CompiledQuery['sort'] }
  | { type: 'limit'; sort: CompiledQuery['sort'] | null }
  | { type: 'dateField'; field: 'created' | 'updated' };

interface Entry {
  words: readonly string[];
  action: Action;
  /** Breaks ties between phrases of the same length: the integration's own words win. */
  priority: number;
}

export interface PhraseMatch {
  length: number;
  action: Action;
  /** A "not" stood inside the phrase ("I was not mentioned"): the phrase is negated. */
  negated: boolean;
  /** Other meanings of the same words, less preferred. */
  alternatives: Action[];
}

/** All phrases of one integration, indexed by first word. */
export class PhraseBook {
  readonly #byFirst = new Map<string, Entry[]>();
  readonly vocabulary: Vocabulary;
  readonly connector: ConnectorDefinition;

  constructor(connector: ConnectorDefinition) {
    this.connector = connector;
    this.vocabulary = connector.vocabulary ?? {};
    const vocabulary = this.vocabulary;
    const add = (phrase: string, action: Action, priority: number) => {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean).map(singular);
      const first = words[0];
      if (!first) return;
      const list = this.#byFirst.get(first) ?? [];
      list.push({ words, action, priority });
      this.#byFirst.set(first, list);
    };
    for (const phrase of negations) add(phrase, { type: 'negate' }, 0);
    for (const phrase of fillers) add(phrase, { type: 'filler' }, 0);
    for (const phrase of softNouns) add(phrase, { type: 'soft' }, 0);
    for (const phrase of meWords) add(phrase, { type: 'me' }, 0);
    for (const phrase of ownerPhrases) add(phrase, { type: 'owner' }, 0);
    for (const phrase of everything) add(phrase, { type: 'all' }, 0);
    for (const [phrase, sort] of Object.entries(sorts)) add(phrase, { type: 'sort', sort }, 0);
    for (const [phrase, sort] of Object.entries(limitLeads)) add(phrase, { type: 'limit', sort }, 0);
    for (const [phrase, field] of Object.entries({ ...dateVerbs, ...vocabulary.dates })) add(phrase, { type: 'dateField', field }, 0);
    add('or', { type: 'or' }, 0);
    add('and', { type: 'and' }, 0);
    add('plus', { type: 'and' }, 0);
    for (const kind of connector.kinds) {
      for (const word of [kind.name, ...kind.aliases]) add(word.replace(/_/g, ' '), { type: 'kind', kinds: [kind.name] }, 1);
    }
    for (const [phrase, kinds] of Object.entries(vocabulary.kinds ?? {})) {
      add(phrase, { type: 'kind', kinds: typeof kinds === 'string' ? [kinds] : kinds }, 2);
    }
    for (const [phrase, field] of Object.entries(vocabulary.after ?? {})) add(phrase, { type: 'after', field }, 2);
    for (const [phrase, field] of Object.entries(vocabulary.before ?? {})) add(phrase, { type: 'value', field }, 3);
    for (const [phrase, field] of Object.entries(vocabulary.people ?? {})) add(phrase, { type: 'person', field }, 3);
    for (const [phrase, meaning] of Object.entries(vocabulary.phrases ?? {})) add(phrase, { type: 'meaning', meaning }, 4);
  }

  /**
   * The longest phrase starting at `tokens[start]`; among equally long ones, the
   * integration's own. A "not" inside a phrase of several words negates it.
   */
  match(tokens: readonly Token[], start: number): PhraseMatch | undefined {
    const first = tokens[start];
    if (!first || first.shape !== 'word') return undefined;
    const candidates = [...(this.#byFirst.get(first.norm) ?? []), ...(singular(first.norm) !== first.norm ? this.#byFirst.get(singular(first.norm)) ?? [] : [])];
    const matching = candidates
      .map((entry) => ({ entry, found: matchAt(tokens, start, entry.words) }))
      .filter((candidate): candidate is { entry: Entry; found: { length: number; negated: boolean } } => candidate.found !== undefined)
      .sort((a, b) => b.found.length - a.found.length || b.entry.priority - a.entry.priority);
    const best = matching[0];
    if (!best) return undefined;
    const alternatives = matching.slice(1).filter((candidate) => candidate.found.length === best.found.length).map((candidate) => candidate.entry.action);
    return { length: best.found.length, action: best.entry.action, negated: best.found.negated, alternatives };
  }

  /** Whether a token starts any phrase at all (so it is not read as a name or a value). */
  isKnownWord(token: Token | undefined): boolean {
    if (!token || token.shape !== 'word') return false;
    return this.#byFirst.has(token.norm) || this.#byFirst.has(singular(token.norm));
  }

  /** The field "my" and "alice's" refer to, if the integration has one. */
  get owner(): string | undefined {
    return this.vocabulary.owner;
  }

  /** Fields holding people: matched by substring and able to hold "me". */
  isPersonField(field: string): boolean {
    return field === this.vocabulary.owner || Object.values(this.vocabulary.people ?? {}).includes(field);
  }

  /** People and the vocabulary's `partial` fields match by substring; other fields by whole value. */
  isPartialField(field: string): boolean {
    return this.isPersonField(field) || (this.vocabulary.partial ?? []).includes(field);
  }

  isListField(field: string): boolean {
    return this.connector.fields[field]?.type === 'string[]';
  }
}

/** The phrase's words from `start`, allowing one "not" after its first word. */
function matchAt(tokens: readonly Token[], start: number, words: readonly string[]): { length: number; negated: boolean } | undefined {
  let offset = 0;
  let negated = false;
  for (let index = 0; index < words.length; index++) {
    if (index > 0 && !negated && words.length > 1 && tokens[start + offset]?.norm === 'not' && words[index] !== 'not') {
      negated = true;
      offset++;
    }
    if (!wordMatches(tokens[start + offset], words[index]!)) return undefined;
    offset++;
  }
  return { length: offset, negated };
}

function wordMatches(token: Token | undefined, word: string): boolean {
  if (!token || token.shape !== 'word') return false;
  return token.norm === word || singular(token.norm) === word;
}

const books = new WeakMap<ConnectorDefinition, PhraseBook>();

export function phraseBookFor(connector: ConnectorDefinition): PhraseBook {
  let book = books.get(connector);
  if (!book) {
    book = new PhraseBook(connector);
    books.set(connector, book);
  }
  return book;
}
