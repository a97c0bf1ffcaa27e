import type { ConnectorDefinition } from '../sync/connector.ts';
import { parseDate } from './dates.ts';
import { anyoneWords, limitTails, nobodyWords, numberWords } from './grammar.ts';
import { conditionsOf } from './meaning.ts';
import { type Action, type PhraseBook, phraseBookFor } from './phrases.ts';
import { type Compilation, QueryBuilder, type Understood } from './query-builder.ts';
import type { CompiledQuery, Condition } from './query.ts';
import { type Lexicon, SlotReader, variants } from './slots.ts';
import { type Token, singular, tokenize } from './tokens.ts';
import type { Meaning } from './vocabulary.ts';

export type { Compilation, Lexicon, Understood };

/**
 * Plain-English guidance → a compiled query, offline and deterministic. Words
 * are read left to right: date phrases, then the longest phrase the
 * integration's vocabulary or the shared grammar knows (kinds, states, people,
 * values, negation, sort, limit); what is left is checked against the values
 * stored in the integration's facet fields (labels, teams…) and otherwise becomes
 * full-text terms. Every step is recorded for explain.
 */
export interface CompileContext {
  connector: ConnectorDefinition;
  lexicon?: Lexicon;
}

const noLexicon: Lexicon = { find: () => undefined, findByLastSegment: () => [] };

export function compileGuidance(guidance: string, context: CompileContext): Compilation {
  return new GuidanceCompiler(guidance, context).compile();
}

interface Leftover {
  token: Token;
  negate: boolean;
  /** A general noun ("problems", "requests"): searched for only when nothing else is. */
  soft: boolean;
  /** Joined to the previous leftover by "or". */
  or: boolean;
  /** Consecutive leftovers share a run; anything recognised in between starts a new one. */
  run: number;
}

class GuidanceCompiler {
  readonly #tokens: Token[];
  readonly #norms: string[];
  readonly #book: PhraseBook;
  readonly #lexicon: Lexicon;
  readonly #slots: SlotReader;
  readonly #builder: QueryBuilder;
  readonly #leftovers: Leftover[] = [];
  #run = 0;
  #negation = false;
  #meaningful = 0;

  constructor(guidance: string, context: CompileContext) {
    this.#tokens = tokenize(guidance);
    this.#norms = this.#tokens.map((token) => token.norm);
    this.#book = phraseBookFor(context.connector);
    this.#lexicon = context.lexicon ?? noLexicon;
    this.#slots = new SlotReader(this.#tokens, this.#book, this.#lexicon);
    this.#builder = new QueryBuilder(this.#book);
  }

  compile(): Compilation {
    let index = 0;
    while (index < this.#tokens.length) index += this.#step(index);
    this.#finishLeftovers();
    return this.#builder.build(this.#meaningful, this.#tokens.length === 0);
  }

  /** Reads what starts at `index`; answers how many tokens it used. */
  #step(index: number): number {
    const token = this.#tokens[index]!;
    if (token.shape === 'punct') {
      if (token.text === '|') this.#builder.joiner = 'or';
      else if (token.text !== '(' && token.text !== ')' && token.text !== ',') this.#builder.joiner = 'and';
      this.#run++;
      return 1;
    }
    if (token.norm === "'s") return 1;
    const shaped = this.#shape(token);
    if (shaped) return this.#condition({ field: shaped.field, op: 'equals', values: [shaped.value], negate: this.#takeNegation() }, index, 1);
    if (token.shape !== 'word') return this.#leftover(token);
    const date = this.#date(index) ?? this.#limitAt(index);
    if (date) return date;
    const owner = this.#book.owner;
    if (this.#tokens[index + 1]?.norm === "'s" && !this.#book.isKnownWord(token) && owner) {
      return this.#condition({ field: owner, op: 'contains', values: [token.text], negate: this.#takeNegation() }, index, 2);
    }
    const facet = this.#facetPhraseAt(index);
    if (facet) return facet;
    const match = this.#book.match(this.#tokens, index);
    if (!match) return this.#leftover(token);
    if (match.negated) this.#negation = true;
    const after = match.alternatives.find((action) => action.type === 'after');
    if (after && match.action.type !== 'after' && this.#trailingRun().length > 0) return this.#apply(after, index, match.length);
    return this.#apply(match.action, index, match.length);
  }

  /** A stored value of several words written bare: "Meeting Notes" (a database), "good first issue" (a label). */
  #facetPhraseAt(index: number): number | undefined {
    const facets = this.#book.vocabulary.facets ?? [];
    if (facets.length === 0 || this.#lexicon === noLexicon) return undefined;
    const phrase = this.#book.match(this.#tokens, index);
    const declared = phrase && !['filler', 'kind', 'soft'].includes(phrase.action.type) ? phrase.length : 0;
    for (let size = 3; size >= 2 && size > declared; size--) {
      const group = this.#tokens.slice(index, index + size);
      if (group.length < size || group.some((token) => token.shape !== 'word')) continue;
      for (const field of facets) {
        const value = this.#lexicon.find(field, variants(group));
        if (value) return this.#condition({ field, op: this.#opFor(field), values: [value], negate: this.#takeNegation() }, index, size);
      }
    }
    return undefined;
  }

  #apply(action: Action, index: number, length: number): number {
    const words = this.#span(index, length);
    switch (action.type) {
      case 'filler':
        return length;
      case 'soft':
        return this.#leftover(this.#tokens[index]!, length, true);
      case 'negate':
        this.#negation = true;
        return this.#boundary(length);
      case 'or':
      case 'and':
        this.#builder.joiner = action.type;
        return length;
      case 'all':
        this.#builder.matchEverything(words);
        return length;
      case 'sort':
        this.#builder.setSort(action.sort, words);
        return this.#boundary(length);
      case 'me':
      case 'limit':
      case 'dateField':
        this.#builder.ignore(words);
        return this.#boundary(length);
      case 'kind':
        this.#meaningful += length;
        this.#builder.addKinds(action.kinds, this.#takeNegation(), words);
        return this.#boundary(length);
      case 'meaning':
        this.#meaningful += length;
        this.#meaning(action.meaning, words);
        return this.#boundary(length);
      case 'owner':
        if (!this.#book.owner) {
          this.#builder.ignore(words);
          return this.#boundary(length);
        }
        return this.#condition({ field: this.#book.owner, op: 'contains', values: [{ me: true }], negate: this.#takeNegation() }, index, length);
      case 'person':
        return this.#person(action.field, index, length);
      case 'value':
        return this.#value(action.field, index, length);
      case 'after':
        return this.#after(action.field, index, length);
    }
  }

  /** Something was recognised: the next leftover words start a new run. */
  #boundary(length: number): number {
    this.#run++;
    return length;
  }

  /** Adds a condition read from `length` words at `index`. */
  #condition(condition: Condition, index: number, length: number, words = this.#span(index, length)): number {
    this.#meaningful += length;
    this.#builder.addCondition(condition, words);
    return this.#boundary(length);
  }

  #meaning(meaning: Meaning, words: string): void {
    if (meaning.date) this.#builder.setDate(meaning.date.field, meaning.date.since ?? null, meaning.date.before ?? null, this.#takeNegation(), words);
    const negate = this.#takeNegation();
    const conditions = conditionsOf(meaning, this.#book);
    if (negate && conditions.length === 1) {
      this.#builder.addCondition({ ...conditions[0]!, negate: !conditions[0]!.negate }, words);
      return;
    }
    if (negate && conditions.length === 0 && meaning.kinds) {
      this.#builder.addKinds(meaning.kinds, true, words);
      return;
    }
    if (negate) this.#builder.problem(`"not" before "${words}" could not be applied: it means several conditions at once`);
    if (meaning.kinds) this.#builder.addKinds(meaning.kinds, false, conditions.length === 0 ? words : undefined);
    conditions.forEach((condition) => this.#builder.addCondition(condition, words, meaning.kinds));
  }

  /** A person after its lead words: "assigned to me", "from alice or bob", "by @octocat", "to nobody". */
  #person(field: string, index: number, length: number): number {
    const namesOnly = (this.#book.vocabulary.namesOnly ?? []).includes(this.#norms.slice(index, index + length).join(' '));
    const next = this.#tokens[index + length]?.norm ?? '';
    const anyone = anyoneWords.includes(next) ? true : nobodyWords.includes(next) ? false : undefined;
    if (anyone !== undefined) return this.#condition({ field, op: 'exists', negate: this.#takeNegation() === anyone }, index, length + 1);
    const people = this.#slots.people(index + length, namesOnly);
    if (people.values.length === 0) {
      this.#builder.ignore(this.#span(index, length));
      return this.#boundary(length);
    }
    return this.#condition({ field, op: 'contains', values: people.values, negate: this.#takeNegation() }, index, length + people.length);
  }

  /** A value after its lead words: "labeled bug", "in channel incidents", "tagged 'needs design'". */
  #value(field: string, index: number, length: number): number {
    const value = this.#slots.value(field, index + length);
    if (value) return this.#condition({ field, op: this.#opFor(field), values: value.values, negate: this.#takeNegation() }, index, length + value.length);
    // "the frontend label": the value came first; "without a label": the field has no value.
    if (this.#trailingRun().length > 0) return this.#after(field, index, length);
    return this.#condition({ field, op: 'exists', negate: this.#takeNegation() }, index, length);
  }

  /** A value written before its keyword: "the mobile team", "the Q4 Launch project". */
  #after(field: string, index: number, length: number): number {
    const run = this.#trailingRun();
    if (run.length === 0) {
      const value = this.#slots.value(field, index + length);
      if (!value) return this.#leftover(this.#tokens[index]!, length);
      return this.#condition({ field, op: this.#opFor(field), values: value.values, negate: this.#takeNegation() }, index, length + value.length);
    }
    let size = run.length;
    let values: string[] | undefined;
    for (; size > 0 && !values; size--) {
      const found = this.#lexicon.find(field, variants(run.slice(run.length - size).map((leftover) => leftover.token)));
      if (found) values = [found];
    }
    if (values) size++;
    else {
      size = Math.min(run.length, 2);
      values = this.#slots.storedValues(field, [run.slice(run.length - size).map((leftover) => leftover.token.text).join(' ')]);
    }
    const taken = this.#leftovers.splice(this.#leftovers.length - size, size);
    this.#meaningful -= size;
    const words = `${taken.map((leftover) => leftover.token.text).join(' ')} ${this.#span(index, length)}`;
    const negate = taken[0]!.negate || this.#takeNegation();
    return this.#condition({ field, op: this.#opFor(field), values, negate }, index, length + size, words) - size;
  }

  #opFor(field: string): 'equals' | 'contains' {
    return this.#book.isPartialField(field) ? 'contains' : 'equals';
  }

  #shape(token: Token): { field: string; value: string } | undefined {
    for (const [field, shape] of Object.entries(this.#book.vocabulary.shapes ?? {})) {
      const match = shape.exec(token.raw);
      if (match) return { field, value: match[1] ?? match[0] };
    }
    return undefined;
  }

  /** A date phrase, with a date verb just before or after it ("opened last week", "recently updated"). */
  #date(index: number): number | undefined {
    const verbBefore = this.#book.match(this.#tokens, index);
    let start = index;
    let field: 'created' | 'updated' = 'updated';
    if (verbBefore?.action.type === 'dateField') {
      if (!parseDate(this.#norms, index + verbBefore.length)) return undefined;
      field = verbBefore.action.field;
      start = index + verbBefore.length;
    }
    const date = parseDate(this.#norms, start);
    if (!date) return undefined;
    let end = start + date.length;
    const verbAfter = start === index ? this.#book.match(this.#tokens, end) : undefined;
    if (verbAfter?.action.type === 'dateField') {
      field = verbAfter.action.field;
      end += verbAfter.length;
    }
    this.#meaningful += end - index;
    this.#builder.setDate(field, date.since, date.before, this.#takeNegation(), this.#span(index, end - index));
    return this.#boundary(end - index);
  }

  /** "top 10", "latest 5", "10 most recent": a limit, and the order it implies. */
  #limitAt(index: number): number | undefined {
    const lead = this.#book.match(this.#tokens, index);
    if (lead && (lead.action.type === 'limit' || lead.action.type === 'sort')) {
      const amount = numberAt(this.#tokens[index + lead.length]);
      if (amount !== undefined) return this.#setLimit(amount, lead.action.sort, index, lead.length + 1);
    }
    const amount = numberAt(this.#tokens[index]);
    if (amount === undefined) return undefined;
    for (const [phrase, sort] of Object.entries(limitTails)) {
      const words = phrase.split(' ');
      if (words.every((word, offset) => this.#norms[index + 1 + offset] === word)) return this.#setLimit(amount, sort, index, 1 + words.length);
    }
    return undefined;
  }

  #setLimit(amount: number, sort: CompiledQuery['sort'] | null, index: number, length: number): number {
    this.#builder.setLimit(amount, sort, this.#span(index, length));
    return this.#boundary(length);
  }

  #leftover(token: Token, length = 1, soft = false): number {
    if (!soft) this.#meaningful++;
    const negate = this.#takeNegation();
    const previous = this.#leftovers.at(-1);
    const or = this.#builder.joiner === 'or' && previous !== undefined;
    this.#leftovers.push({ token, negate: negate || (or && previous.negate), soft, or, run: this.#run });
    this.#builder.forgetLast();
    return length;
  }

  /** Leftovers directly before the current position, in the same run. */
  #trailingRun(): Leftover[] {
    const run: Leftover[] = [];
    for (let at = this.#leftovers.length - 1; at >= 0 && run.length < 3; at--) {
      const leftover = this.#leftovers[at]!;
      if (leftover.run !== this.#run || leftover.token.shape !== 'word') break;
      run.unshift(leftover);
    }
    return run;
  }

  #takeNegation(): boolean {
    const negated = this.#negation;
    this.#negation = false;
    return negated;
  }

  #span(index: number, length: number): string {
    return this.#tokens.slice(index, index + length).map((token) => token.text).join(' ');
  }

  /** Leftover words: stored facet values ("bug" is a label) or else full-text terms with their synonyms. */
  #finishLeftovers(): void {
    const leftovers = this.#leftovers;
    const hasOther = this.#builder.hasContent || leftovers.some((leftover) => !leftover.soft);
    let at = 0;
    while (at < leftovers.length) {
      const current = leftovers[at]!;
      const found = current.token.shape === 'word' || current.token.shape === 'quoted' ? this.#facetAt(at) : undefined;
      if (found) {
        this.#builder.forgetLast();
        if (current.or) {
          this.#builder.resumeAfterLastCondition();
          this.#builder.joiner = 'or';
        }
        const words = leftovers.slice(at, at + found.size).map((leftover) => leftover.token.text).join(' ');
        this.#builder.addCondition({ field: found.field, op: this.#opFor(found.field), values: [found.value], negate: current.negate }, words);
        at += found.size;
        continue;
      }
      if (current.soft && hasOther) this.#builder.ignore(current.token.text);
      else this.#addText(current);
      at++;
    }
  }

  #facetAt(at: number): { field: string; value: string; size: number } | undefined {
    const leftovers = this.#leftovers;
    const first = leftovers[at]!;
    for (let size = Math.min(3, leftovers.length - at); size > 0; size--) {
      const group = leftovers.slice(at, at + size);
      if (group.some((leftover) => leftover.run !== first.run || leftover.token.shape !== (size > 1 ? 'word' : leftover.token.shape))) continue;
      const candidates = variants(group.map((leftover) => leftover.token));
      for (const field of this.#book.vocabulary.facets ?? []) {
        const value = this.#lexicon.find(field, candidates);
        if (value) return { field, value, size };
      }
    }
    return undefined;
  }

  #addText(leftover: Leftover): void {
    const token = leftover.token;
    const word = token.shape === 'word' ? token.norm : token.text;
    const synonyms = this.#book.vocabulary.synonyms?.[singular(word)] ?? this.#book.vocabulary.synonyms?.[word] ?? [];
    this.#builder.addText([word, ...synonyms.filter((synonym) => synonym !== word)], leftover.negate, leftover.or, token.text);
  }
}

function numberAt(token: Token | undefined): number | undefined {
  if (!token || token.shape !== 'word') return undefined;
  if (/^\d{1,5}$/.test(token.norm)) return Number(token.norm);
  return numberWords[token.norm];
}
