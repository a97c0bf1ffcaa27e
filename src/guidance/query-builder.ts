import { describeCondition, describeDate, describeText } from './describe.ts';
import type { PhraseBook } from './phrases.ts';
import { type CompiledQuery, type Condition, type DateExpr, type ValueRef, emptyQuery } from './query.ts';

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

type Last = { type: 'condition'; condition: Condition; index: number } | { type: 'other' };

const kindNames = (kinds: readonly string[]) => kinds.map((kind) => kind.replace(/_/g, ' ')).join(' or ');

/**
 * Assembles a compiled query and its account (which words became what) as the
 * compiler reads. "or" (and "and" between values of a one-valued field) joins a
 * condition to the previous one on the same field; anything else is required too.
 */
export class QueryBuilder {
  readonly #book: PhraseBook;
  readonly #query = emptyQuery();
  readonly #kinds = new Set<string>();
  readonly #excludedKinds = new Set<string>();
  readonly #understood: Understood[] = [];
  readonly #ignored: string[] = [];
  readonly #problems: string[] = [];
  #last: Last = { type: 'other' };
  #all = false;
  /** The word that joins what comes next to what came before. */
  joiner: 'or' | 'and' | null = null;

  constructor(book: PhraseBook) {
    this.#book = book;
  }

  /** Whether anything but general nouns has been understood. */
  get hasContent(): boolean {
    const query = this.#query;
    return this.#all || this.#kinds.size > 0 || this.#excludedKinds.size > 0 || query.where.length > 0 || query.date !== null || query.text.length > 0;
  }

  addCondition(condition: Condition, words: string, sharedKinds?: readonly string[]): void {
    const last = this.#last;
    const isList = (field: string) => this.#book.isListField(field);
    const joinable = last.type === 'condition' && last.condition.field === condition.field && last.condition.op === condition.op;
    const merge = joinable && (this.joiner === 'or' || (this.joiner === 'and' && condition.op === 'equals' && !isList(condition.field) && !condition.negate));
    if (merge && last.type === 'condition' && 'values' in last.condition && 'values' in condition) {
      const values = last.condition.values;
      values.push(...condition.values.filter((value) => !values.some((seen) => sameValue(seen, value))));
      this.#understood[last.index] = { words: `${this.#understood[last.index]!.words} … ${words}`, meaning: describeCondition(last.condition, { isList }) };
    } else {
      if (this.joiner === 'or' && last.type === 'condition') {
        this.#problems.push(`"or" between "${this.#understood[last.index]!.words}" and "${words}" is read as "and": conditions on different fields are all required`);
      }
      this.#query.where.push(condition);
      const kinds = sharedKinds ? `${kindNames(sharedKinds)}, ` : '';
      this.#understood.push({ words, meaning: `${kinds}${describeCondition(condition, { isList })}` });
      this.#last = { type: 'condition', condition, index: this.#understood.length - 1 };
    }
    this.joiner = null;
  }

  /** Lets a condition read later (a stored value among leftover words) join the last one with "or". */
  resumeAfterLastCondition(): void {
    const condition = this.#query.where.at(-1);
    if (condition) this.#last = { type: 'condition', condition, index: this.#understood.length - 1 };
  }

  addKinds(kinds: readonly string[], negate: boolean, words: string | undefined): void {
    for (const kind of kinds) (negate ? this.#excludedKinds : this.#kinds).add(kind);
    if (words !== undefined) this.#understood.push({ words, meaning: `${negate ? 'not ' : ''}${kindNames(kinds)}` });
    this.forgetLast();
  }

  /** A full-text term; with `or`, its words join the previous term's alternatives. */
  addText(any: string[], negate: boolean, or: boolean, words: string): void {
    const previous = this.#query.text.at(-1);
    if (or && previous && previous.negate === negate) {
      previous.any.push(...any.filter((alternative) => !previous.any.includes(alternative)));
      const index = this.#understood.findLastIndex((entry) => /^(does not )?mentions?/.test(entry.meaning));
      if (index >= 0) this.#understood[index] = { words: `${this.#understood[index]!.words} or ${words}`, meaning: describeText(previous) };
      return;
    }
    const term = { any, negate };
    this.#query.text.push(term);
    this.#understood.push({ words, meaning: describeText(term) });
  }

  /** Sets the date range; negated, it keeps what lies before its start ("not updated in 30 days"). */
  setDate(field: 'created' | 'updated', since: DateExpr | null, before: DateExpr | null, negate: boolean, words: string): void {
    const range = negate && since && !before ? { since: null, before: since } : { since, before };
    if (negate && !(since && !before)) this.#problems.push(`"not" before "${words}" was ignored`);
    if (this.#query.date) this.#problems.push(`only one date range is used; "${words}" replaced the earlier one`);
    this.#query.date = { field, ...range };
    this.#understood.push({ words, meaning: describeDate(this.#query.date) });
  }

  setSort(sort: CompiledQuery['sort'], words: string): void {
    this.#query.sort = { ...sort };
    this.#understood.push({ words, meaning: `sorted ${sort.by === 'title' ? 'by title' : sort.order === 'desc' ? 'newest first' : 'oldest first'}` });
  }

  setLimit(amount: number, sort: CompiledQuery['sort'] | null, words: string): void {
    this.#query.limit = Math.min(amount, 10_000);
    if (sort) this.#query.sort = { ...sort };
    this.#understood.push({ words, meaning: `at most ${amount}${sort ? `, ${sort.order === 'desc' ? 'newest' : 'oldest'} first` : ''}` });
  }

  matchEverything(words: string): void {
    this.#all = true;
    this.#understood.push({ words, meaning: 'every item' });
  }

  /** Words understood as something that needs no condition (a sort, a kind from a meaning). */
  note(words: string, meaning: string): void {
    this.#understood.push({ words, meaning });
  }

  ignore(words: string): void {
    this.#ignored.push(words);
  }

  problem(text: string): void {
    this.#problems.push(text);
  }

  forgetLast(): void {
    this.#last = { type: 'other' };
    this.joiner = null;
  }

  build(meaningfulWords: number, empty: boolean): Compilation {
    const query = this.#query;
    const declared = this.#book.connector.kinds.map((kind) => kind.name);
    if (this.#kinds.size > 0) query.kinds = declared.filter((kind) => this.#kinds.has(kind) && !this.#excludedKinds.has(kind));
    else if (this.#excludedKinds.size > 0) query.kinds = declared.filter((kind) => !this.#excludedKinds.has(kind));
    const usable = this.#all || query.kinds.length > 0 || query.where.length > 0 || query.date !== null || query.text.length > 0;
    if (!usable) {
      this.#problems.push(empty ? 'the guidance is empty' : 'nothing in the guidance could be used as a condition or a search term, so the folder stays empty');
    }
    const leftoverWords = query.text.reduce((sum, term) => sum + term.any[0]!.split(/\s+/).length, 0);
    return {
      query,
      understood: this.#understood,
      textTerms: query.text.map(describeText),
      ignored: this.#ignored,
      problems: this.#problems,
      usable,
      leftover: meaningfulWords === 0 ? 0 : Math.min(1, leftoverWords / meaningfulWords),
    };
  }
}

function sameValue(a: ValueRef, b: ValueRef): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : typeof a !== 'string' && typeof b !== 'string';
}
