import type { ConnectorDefinition } from '../sync/connector.ts';
import { parseDate } from './dates.ts';
import { describeCondition, describeDate, describeText } from './describe.ts';
import { anyoneWords, limitTails, meWords, nobodyWords, numberWords } from './grammar.ts';
import { conditionsOf } from './meaning.ts';
import { type Action, type PhraseBook, phraseBookFor } from './phrases.ts';
import { type CompiledQuery, type Condition, type DateExpr, type TextTerm, type ValueRef, emptyQuery } from './query.ts';
import { type Token, singular, tokenize } from './tokens.ts';
import type { Meaning } from './vocabulary.ts';

/**
 * Plain-English guidance → a compiled query, offline and deterministic. Words
 * are read left to right: date phrases, then the longest phrase the
 * integration's vocabulary or the shared grammar knows (kinds, states, people,
 * values, negation, sort, limit); what is left is checked against the values
 * stored in the integration's facet fields (labels, teams…) and otherwise becomes
 * full-text terms. Every step is recorded for explain.
 */
export interface Lexicon {
  /** The stored value of `field` equal to one of `candidates` (ignoring case), if any. */
  find(field: string, candidates: readonly string[]): string | undefined;
  /** Stored values of `field` whose last `/` segment is `name`: "api" → "acme/api". */
  findByLastSegment(field: string, name: string): string[];
}

export interface CompileContext {
  connector: ConnectorDefinition;
  lexicon?: Lexicon;
}

export interface Understood {
  /** The words of the guidance, as written. */
  words: string;
  /** What they became. */
  meaning: string;
}

export interface Compilation {
  query: CompiledQuery;
  understood: Understood[];
  /** Readable full-text terms (also in `query.text`). */
  textTerms: string[];
  /** Words that were used for nothing. */
  ignored: string[];
  problems: string[];
  /** False when nothing in the guidance could be used: the folder then stays empty rather than matching everything. */
  usable: boolean;
  /** Share (0–1) of the meaningful words that were left as full-text terms. */
  leftover: number;
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

type Last = { type: 'condition'; condition: Condition; index: number } | { type: 'other' };

class GuidanceCompiler {
  readonly #tokens: Token[];
  readonly #norms: string[];
  readonly #book: PhraseBook;
  readonly #lexicon: Lexicon;
  readonly #query = emptyQuery();
  readonly #kinds = new Set<string>();
  readonly #excludedKinds = new Set<string>();
  readonly #understood: Understood[] = [];
  readonly #ignored: string[] = [];
  readonly #problems: string[] = [];
  readonly #leftovers: Leftover[] = [];
  #run = 0;
  #negation: string | null = null;
  #joiner: 'or' | 'and' | null = null;
  #last: Last = { type: 'other' };
  #all = false;
  #meaningful = 0;

  constructor(guidance: string, context: CompileContext) {
    this.#tokens = tokenize(guidance);
    this.#norms = this.#tokens.map((token) => token.norm);
    this.#book = phraseBookFor(context.connector);
    this.#lexicon = context.lexicon ?? noLexicon;
  }

  compile(): Compilation {
    let index = 0;
    while (index < this.#tokens.length) index += this.#step(index);
    this.#finishLeftovers();
    const query = this.#query;
    query.kinds = this.#finalKinds();
    const textTerms = query.text.map(describeText);
    const usable = this.#all || query.kinds.length > 0 || query.where.length > 0 || query.date !== null || query.text.length > 0;
    if (!usable) {
      this.#problems.push(this.#tokens.length === 0
        ? 'the guidance is empty'
        : 'nothing in the guidance could be used as a condition or a search term, so the folder stays empty');
    }
    const leftoverWords = query.text.reduce((sum, term) => sum + term.any[0]!.split(/\s+/).length, 0);
    return {
      query,
      understood: this.#understood,
      textTerms,
      ignored: this.#ignored,
      problems: this.#problems,
      usable,
      leftover: this.#meaningful === 0 ? 0 : Math.min(1, leftoverWords / this.#meaningful),
    };
  }

  /** Reads what starts at `index`; answers how many tokens it used. */
  #step(index: number): number {
    const token = this.#tokens[index]!;
    if (token.shape === 'punct') {
      if (token.text === '|') this.#joiner = 'or';
      else if (token.text !== '(' && token.text !== ')') this.#joiner = token.text === ',' ? this.#joiner : 'and';
      this.#run++;
      return 1;
    }
    if (token.norm === "'s") return 1;
    const shaped = this.#shape(token);
    if (shaped) {
      this.#meaningful++;
      this.#addCondition({ field: shaped.field, op: 'equals', values: [shaped.value], negate: this.#takeNegation() }, token.text);
      return 1;
    }
    if (token.shape !== 'word') return this.#leftover(token);
    const date = this.#date(index);
    if (date) return date;
    const limit = this.#limitAt(index);
    if (limit) return limit;
    if (this.#tokens[index + 1]?.norm === "'s" && !this.#book.isKnownWord(token) && this.#book.owner) {
      this.#meaningful++;
      this.#addCondition({ field: this.#book.owner, op: 'contains', values: [token.text], negate: this.#takeNegation() }, `${token.text}'s`);
      return 2;
    }
    const facet = this.#facetPhraseAt(index);
    if (facet) return facet;
    const match = this.#book.match(this.#tokens, index);
    if (!match) return this.#leftover(token);
    if (match.negated) this.#negation = 'not';
    const after = match.alternatives.find((action) => action.type === 'after');
    if (after && match.action.type !== 'after' && this.#trailingRun().length > 0) return this.#apply(after, index, match.length);
    return this.#apply(match.action, index, match.length);
  }

  /** A stored value of several words written bare: "Meeting Notes" (a database), "good first issue" (a label). */
  #facetPhraseAt(index: number): number | undefined {
    const facets = this.#book.vocabulary.facets ?? [];
    if (facets.length === 0 || this.#lexicon === noLexicon) return undefined;
    const phrase = this.#book.match(this.#tokens, index);
    const declared = phrase && phrase.action.type !== 'filler' && phrase.action.type !== 'kind' && phrase.action.type !== 'soft' ? phrase.length : 0;
    for (let size = 3; size >= 2 && size > declared; size--) {
      const group = this.#tokens.slice(index, index + size);
      if (group.length < size || group.some((token) => token.shape !== 'word')) continue;
      const candidates = variants(group);
      for (const field of facets) {
        const value = this.#lexicon.find(field, candidates);
        if (!value) continue;
        this.#meaningful += size;
        this.#addCondition({ field, op: this.#opFor(field), values: [value], negate: this.#takeNegation() }, this.#span(index, size));
        return size;
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
        this.#negation = words;
        this.#run++;
        return length;
      case 'or':
      case 'and':
        this.#joiner = action.type;
        return length;
      case 'me':
        this.#ignored.push(words);
        this.#run++;
        return length;
      case 'all':
        this.#all = true;
        this.#understood.push({ words, meaning: 'every item' });
        return length;
      case 'sort':
        this.#query.sort = { ...action.sort };
        this.#understood.push({ words, meaning: `sorted ${action.sort.by === 'title' ? 'by title' : action.sort.order === 'desc' ? 'newest first' : 'oldest first'}` });
        this.#run++;
        return length;
      case 'limit':
      case 'dateField':
        this.#ignored.push(words);
        this.#run++;
        return length;
      case 'kind':
        return this.#kind(action.kinds, words, length);
      case 'meaning':
        this.#meaningful += length;
        return this.#meaning(action.meaning, words, length);
      case 'owner':
        return this.#owner(words, length);
      case 'person':
        return this.#person(action.field, index, length);
      case 'value':
        return this.#value(action.field, index, length);
      case 'after':
        return this.#after(action.field, index, length);
    }
  }

  #kind(kinds: readonly string[], words: string, length: number): number {
    this.#meaningful += length;
    const negate = this.#takeNegation();
    for (const kind of kinds) (negate ? this.#excludedKinds : this.#kinds).add(kind);
    this.#understood.push({ words, meaning: `${negate ? 'not ' : ''}${kinds.map((kind) => kind.replace(/_/g, ' ')).join(' or ')}` });
    this.#last = { type: 'other' };
    this.#joiner = null;
    this.#run++;
    return length;
  }

  #meaning(meaning: Meaning, words: string, length: number): number {
    if (meaning.date) {
      const { field, since = null, before = null } = meaning.date;
      this.#setDate(field, since, before, words);
    }
    const negate = this.#takeNegation();
    const conditions = conditionsOf(meaning, this.#book);
    if (negate && conditions.length === 1) {
      const [condition] = conditions;
      this.#addCondition({ ...condition!, negate: !condition!.negate }, words);
      return length;
    }
    if (negate && conditions.length === 0 && meaning.kinds) return this.#kind(meaning.kinds, words, 0) + length;
    if (conditions.length === 0 && !meaning.kinds) {
      this.#run++;
      return length;
    }
    if (negate) this.#problems.push(`"not" before "${words}" could not be applied: it means several conditions at once`);
    for (const kind of meaning.kinds ?? []) this.#kinds.add(kind);
    if (meaning.kinds && conditions.length === 0) {
      this.#understood.push({ words, meaning: meaning.kinds.map((kind) => kind.replace(/_/g, ' ')).join(' or ') });
    }
    conditions.forEach((condition, position) => this.#addCondition(condition, words, position > 0 || (meaning.kinds?.length ?? 0) > 0 ? meaning.kinds : undefined));
    this.#run++;
    return length;
  }

  #owner(words: string, length: number): number {
    const field = this.#book.owner;
    if (!field) {
      this.#ignored.push(words);
      this.#run++;
      return length;
    }
    this.#meaningful += length;
    this.#addCondition({ field, op: 'contains', values: [{ me: true }], negate: this.#takeNegation() }, words);
    return length;
  }

  /** A person after its lead words: "assigned to me", "from alice or bob", "by @octocat". */
  #person(field: string, index: number, length: number): number {
    const namesOnly = (this.#book.vocabulary.namesOnly ?? []).includes(this.#norms.slice(index, index + length).join(' '));
    const next = this.#tokens[index + length];
    const anyone = next && anyoneWords.includes(next.norm) ? true : next && nobodyWords.includes(next.norm) ? false : undefined;
    if (anyone !== undefined) {
      this.#meaningful += length + 1;
      this.#addCondition({ field, op: 'exists', negate: this.#takeNegation() === anyone }, this.#span(index, length + 1));
      return length + 1;
    }
    const people = this.#readPeople(index + length, namesOnly);
    const words = this.#span(index, length + people.length);
    if (people.values.length === 0) {
      this.#ignored.push(words);
      this.#run++;
      return length;
    }
    this.#meaningful += length + people.length;
    this.#addCondition({ field, op: 'contains', values: people.values, negate: this.#takeNegation() }, words);
    return length + people.length;
  }

  #readPeople(start: number, namesOnly: boolean): { values: ValueRef[]; length: number } {
    const values: ValueRef[] = [];
    let at = start;
    for (;;) {
      const person = this.#readPerson(at, namesOnly);
      if (!person) break;
      values.push(person.value);
      at += person.length;
      const joiner = this.#tokens[at];
      if (joiner && (joiner.norm === 'or' || joiner.norm === 'and' || joiner.norm === ',') && this.#readPerson(at + 1, namesOnly)) at++;
      else break;
    }
    return { values, length: at - start };
  }

  #readPerson(at: number, namesOnly: boolean): { value: ValueRef; length: number } | undefined {
    const token = this.#tokens[at];
    if (!token) return undefined;
    if ((token.shape === 'word' || token.shape === 'handle') && meWords.includes(token.norm)) return { value: { me: true }, length: 1 };
    if (token.shape === 'handle' || token.shape === 'email' || token.shape === 'quoted') return { value: token.text, length: 1 };
    if (token.shape !== 'word' || this.#book.isKnownWord(token) || parseDate(this.#norms, at)) return undefined;
    if (namesOnly && !token.capitalised) return undefined;
    const next = this.#tokens[at + 1];
    if (token.capitalised && next?.shape === 'word' && next.capitalised && !this.#book.isKnownWord(next) && !parseDate(this.#norms, at + 1)) {
      return { value: `${token.text} ${next.text}`, length: 2 };
    }
    return { value: token.text, length: 1 };
  }

  /** A value after its lead words: "labeled bug", "in channel incidents", "tagged 'needs design'". */
  #value(field: string, index: number, length: number): number {
    const value = this.#readValue(field, index + length);
    const words = this.#span(index, length + (value?.length ?? 0));
    if (!value) {
      // "the frontend label": the value came first; "without a label": the field has no value.
      if (this.#trailingRun().length > 0) return this.#after(field, index, length);
      this.#meaningful += length;
      this.#addCondition({ field, op: 'exists', negate: this.#takeNegation() }, words);
      return length;
    }
    this.#meaningful += length + value.length;
    this.#addCondition({ field, op: this.#opFor(field), values: value.values, negate: this.#takeNegation() }, words);
    return length + value.length;
  }

  #readValue(field: string, start: number): { values: string[]; length: number } | undefined {
    const token = this.#tokens[start];
    if (!token || token.shape === 'punct') return undefined;
    if (token.shape !== 'word') return { values: this.#storedValues(field, [token.text]), length: 1 };
    const run: Token[] = [];
    for (let at = start; at < start + 3; at++) {
      const next = this.#tokens[at];
      if (!next || next.shape !== 'word' || parseDate(this.#norms, at)) break;
      if (this.#book.isKnownWord(next) && !(run.length === 0 && this.#canStartValue(field, at))) break;
      run.push(next);
    }
    for (let size = run.length; size > 0; size--) {
      const found = this.#lexicon.find(field, variants(run.slice(0, size)));
      if (found) return { values: [found], length: size };
    }
    if (run.length === 0) return undefined;
    return { values: this.#storedValues(field, [run[0]!.text]), length: 1 };
  }

  /** A known word may still be the value after a lead ("labeled bug"), unless it is grammar ("labeled as", "tagged not"). */
  #canStartValue(field: string, at: number): boolean {
    if (this.#lexicon.find(field, variants([this.#tokens[at]!]))) return true;
    const type = this.#book.match(this.#tokens, at)?.action.type;
    return type === 'meaning' || type === 'kind' || type === 'soft' || type === 'dateField' || type === 'sort';
  }

  /** A value written before its keyword: "the mobile team", "the Q4 Launch project". */
  #after(field: string, index: number, length: number): number {
    const run = this.#trailingRun();
    const words = this.#span(index, length);
    if (run.length === 0) {
      const value = this.#readValue(field, index + length);
      if (!value) return this.#leftover(this.#tokens[index]!, length);
      this.#meaningful += length + value.length;
      this.#addCondition({ field, op: this.#opFor(field), values: value.values, negate: this.#takeNegation() }, this.#span(index, length + value.length));
      return length + value.length;
    }
    let size = run.length;
    let values: string[] | undefined;
    for (; size > 0; size--) {
      const found = this.#lexicon.find(field, variants(run.slice(run.length - size).map((leftover) => leftover.token)));
      if (found) {
        values = [found];
        break;
      }
    }
    if (!values) {
      size = Math.min(run.length, 2);
      values = this.#storedValues(field, [run.slice(run.length - size).map((leftover) => leftover.token.text).join(' ')]);
    }
    const taken = this.#leftovers.splice(this.#leftovers.length - size, size);
    this.#meaningful += length;
    const written = `${taken.map((leftover) => leftover.token.text).join(' ')} ${words}`;
    this.#addCondition({ field, op: this.#opFor(field), values, negate: taken[0]!.negate || this.#takeNegation() }, written);
    return length;
  }

  /** A value as stored: exactly, or named by its last path segment ("api" for "acme/api"). */
  #storedValues(field: string, candidates: string[]): string[] {
    const exact = this.#lexicon.find(field, candidates);
    if (exact) return [exact];
    const bySegment = candidates.flatMap((candidate) => this.#lexicon.findByLastSegment(field, candidate));
    return bySegment.length > 0 ? bySegment : candidates;
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
      const after = parseDate(this.#norms, index + verbBefore.length);
      if (!after) return undefined;
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
    const words = this.#span(index, end - index);
    this.#meaningful += end - index;
    this.#setDate(field, date.since, date.before, words);
    return end - index;
  }

  /** Sets the query's date range; "not" before it keeps what lies before its start ("not updated in 30 days"). */
  #setDate(field: 'created' | 'updated', since: DateExpr | null, before: DateExpr | null, words: string): void {
    const negate = this.#takeNegation();
    const range = negate && since && !before ? { since: null, before: since } : { since, before };
    if (negate && !(since && !before)) this.#problems.push(`"not" before "${words}" was ignored`);
    if (this.#query.date) this.#problems.push(`only one date range is used; "${words}" replaced the earlier one`);
    this.#query.date = { field, ...range };
    this.#understood.push({ words, meaning: describeDate(this.#query.date) });
    this.#run++;
  }

  /** "top 10", "latest 5", "10 most recent": a limit, and the order it implies. */
  #limitAt(index: number): number | undefined {
    const lead = this.#book.match(this.#tokens, index);
    if (lead && (lead.action.type === 'limit' || lead.action.type === 'sort')) {
      const amount = numberAt(this.#tokens[index + lead.length]);
      if (amount !== undefined) {
        const sort = lead.action.type === 'sort' ? lead.action.sort : lead.action.sort;
        return this.#setLimit(amount, sort, index, lead.length + 1);
      }
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
    this.#query.limit = Math.min(amount, 10_000);
    if (sort) this.#query.sort = { ...sort };
    this.#understood.push({ words: this.#span(index, length), meaning: `at most ${amount}${sort ? `, ${sort.order === 'desc' ? 'newest' : 'oldest'} first` : ''}` });
    this.#run++;
    return length;
  }

  #leftover(token: Token, length = 1, soft = false): number {
    if (!soft) this.#meaningful++;
    const negate = this.#takeNegation();
    const previous = this.#leftovers.at(-1);
    const or = this.#joiner === 'or' && previous !== undefined;
    this.#leftovers.push({ token, negate: negate || (or && previous.negate), soft, or, run: this.#run });
    this.#joiner = null;
    this.#last = { type: 'other' };
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

  #addCondition(condition: Condition, words: string, sharedKinds?: readonly string[]): void {
    const last = this.#last;
    const previous = last.type === 'condition' ? last.condition : undefined;
    const joinable = previous !== undefined && previous.field === condition.field && previous.op === condition.op
      && 'values' in previous && 'values' in condition;
    const merge = joinable && (this.#joiner === 'or'
      || (this.#joiner === 'and' && condition.op === 'equals' && !this.#book.isListField(condition.field) && !condition.negate));
    if (merge && last.type === 'condition' && 'values' in last.condition && 'values' in condition) {
      const values = last.condition.values;
      values.push(...condition.values.filter((value) => !values.some((seen) => sameValue(seen, value))));
      this.#understood[last.index] = {
        words: `${this.#understood[last.index]!.words} … ${words}`,
        meaning: describeCondition(last.condition, { isList: (field) => this.#book.isListField(field) }),
      };
    } else {
      if (this.#joiner === 'or' && last.type === 'condition') {
        this.#problems.push(`"or" between "${this.#understood[last.index]!.words}" and "${words}" is read as "and": conditions on different fields are all required`);
      }
      this.#query.where.push(condition);
      const meaning = describeCondition(condition, { isList: (field) => this.#book.isListField(field) });
      const kinds = sharedKinds ? `${sharedKinds.map((kind) => kind.replace(/_/g, ' ')).join(' or ')}, ` : '';
      this.#understood.push({ words, meaning: `${kinds}${meaning}` });
      this.#last = { type: 'condition', condition, index: this.#understood.length - 1 };
    }
    this.#joiner = null;
    this.#run++;
  }

  #takeNegation(): boolean {
    const negated = this.#negation !== null;
    this.#negation = null;
    return negated;
  }

  #span(index: number, length: number): string {
    return this.#tokens.slice(index, index + length).map((token) => token.text).join(' ');
  }

  /** Leftover words: stored facet values ("bug" is a label) or else full-text terms with their synonyms. */
  #finishLeftovers(): void {
    const facets = this.#book.vocabulary.facets ?? [];
    const leftovers = this.#leftovers;
    const query = this.#query;
    const hasOther = () => this.#all || this.#kinds.size > 0 || this.#excludedKinds.size > 0 || query.where.length > 0 || query.date !== null
      || leftovers.some((leftover) => !leftover.soft);
    let at = 0;
    while (at < leftovers.length) {
      const current = leftovers[at]!;
      const found = current.token.shape === 'word' || current.token.shape === 'quoted' ? this.#facetAt(leftovers, at, facets) : undefined;
      if (found) {
        this.#last = { type: 'other' };
        this.#joiner = found.or ? 'or' : null;
        const words = leftovers.slice(at, at + found.size).map((leftover) => leftover.token.text).join(' ');
        const lastCondition = this.#query.where.at(-1);
        if (found.or && lastCondition && this.#understood.length > 0) this.#last = { type: 'condition', condition: lastCondition, index: this.#understood.length - 1 };
        this.#addCondition({ field: found.field, op: this.#opFor(found.field), values: [found.value], negate: current.negate }, words);
        at += found.size;
        continue;
      }
      if (current.soft && hasOther()) this.#ignored.push(current.token.text);
      else this.#addText(current);
      at++;
    }
  }

  #facetAt(leftovers: Leftover[], at: number, facets: readonly string[]) {
    const first = leftovers[at]!;
    for (let size = Math.min(3, leftovers.length - at); size > 0; size--) {
      const group = leftovers.slice(at, at + size);
      if (group.some((leftover) => leftover.run !== first.run || leftover.token.shape !== (size > 1 ? 'word' : leftover.token.shape))) continue;
      const candidates = variants(group.map((leftover) => leftover.token));
      for (const field of facets) {
        const value = this.#lexicon.find(field, candidates);
        if (value) return { field, value, size, or: first.or };
      }
    }
    return undefined;
  }

  #addText(leftover: Leftover): void {
    const token = leftover.token;
    const word = token.shape === 'word' ? token.norm : token.text;
    const synonyms = this.#book.vocabulary.synonyms?.[singular(word)] ?? this.#book.vocabulary.synonyms?.[word] ?? [];
    const any = [word, ...synonyms.filter((synonym) => synonym !== word)];
    const previous = this.#query.text.at(-1);
    if (leftover.or && previous && previous.negate === leftover.negate) {
      previous.any.push(...any.filter((alternative) => !previous.any.includes(alternative)));
      const index = this.#understood.findLastIndex((entry) => entry.meaning.startsWith('mentions') || entry.meaning.startsWith('does not mention'));
      if (index >= 0) this.#understood[index] = { words: `${this.#understood[index]!.words} or ${token.text}`, meaning: describeText(previous) };
      return;
    }
    const term: TextTerm = { any, negate: leftover.negate };
    this.#query.text.push(term);
    this.#understood.push({ words: token.text, meaning: describeText(term) });
  }

  #finalKinds(): string[] {
    const declared = this.#book.connector.kinds.map((kind) => kind.name);
    if (this.#kinds.size > 0) return declared.filter((kind) => this.#kinds.has(kind) && !this.#excludedKinds.has(kind));
    if (this.#excludedKinds.size > 0) return declared.filter((kind) => !this.#excludedKinds.has(kind));
    return [];
  }
}

function sameValue(a: ValueRef, b: ValueRef): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : typeof a !== 'string' && typeof b !== 'string';
}

function numberAt(token: Token | undefined): number | undefined {
  if (!token || token.shape !== 'word') return undefined;
  if (/^\d{1,5}$/.test(token.norm)) return Number(token.norm);
  return numberWords[token.norm];
}

/** Ways a stored value may be written: "good first issues" → "good first issue", "good-first-issue"… */
export function variants(tokens: readonly Token[]): string[] {
  const words = tokens.map((token) => token.norm);
  const last = words.at(-1) ?? '';
  const forms = new Set<string>();
  for (const ending of [last, singular(last), `${singular(last)}s`]) {
    const all = [...words.slice(0, -1), ending];
    for (const separator of [' ', '-', '_', '']) forms.add(all.join(separator));
  }
  return [...forms].filter(Boolean);
}
