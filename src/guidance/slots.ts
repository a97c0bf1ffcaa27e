import { parseDate } from './dates.ts';
import { meWords } from './grammar.ts';
import type { PhraseBook } from './phrases.ts';
import type { ValueRef } from './query.ts';
import { type Token, singular } from './tokens.ts';

/** Stored values the compiler may consult: what the integration's items hold (src/store/item-query.ts). */
export interface Lexicon {
  /** The stored value of `field` equal to one of `candidates` (ignoring case), if any. */
  find(field: string, candidates: readonly string[]): string | undefined;
  /** Stored values of `field` whose last `/` segment is `name`: "api" → "acme/api". */
  findByLastSegment(field: string, name: string): string[];
}

/**
 * Reads what fills a slot after (or before) its lead words: people after "from",
 * "assigned to"; values after "labeled", "in channel". Stops at words the
 * vocabulary or grammar knows, and prefers values the items actually hold.
 */
export class SlotReader {
  readonly #tokens: readonly Token[];
  readonly #norms: readonly string[];
  readonly #book: PhraseBook;
  readonly #lexicon: Lexicon;

  constructor(tokens: readonly Token[], book: PhraseBook, lexicon: Lexicon) {
    this.#tokens = tokens;
    this.#norms = tokens.map((token) => token.norm);
    this.#book = book;
    this.#lexicon = lexicon;
  }

  people(start: number, namesOnly: boolean): { values: ValueRef[]; length: number } {
    const values: ValueRef[] = [];
    let at = start;
    for (;;) {
      const person = this.person(at, namesOnly);
      if (!person) break;
      values.push(person.value);
      at += person.length;
      const joiner = this.#tokens[at];
      if (joiner && (joiner.norm === 'or' || joiner.norm === 'and' || joiner.norm === ',') && this.person(at + 1, namesOnly)) at++;
      else break;
    }
    return { values, length: at - start };
  }

  person(at: number, namesOnly: boolean): { value: ValueRef; length: number } | undefined {
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

  value(field: string, start: number): { values: string[]; length: number } | undefined {
    const token = this.#tokens[start];
    if (!token || token.shape === 'punct') return undefined;
    if (token.shape !== 'word') return { values: this.storedValues(field, [token.text]), length: 1 };
    const run: Token[] = [];
    for (let at = start; at < start + 3; at++) {
      const next = this.#tokens[at];
      if (!next || next.shape !== 'word' || parseDate(this.#norms, at)) break;
      if (this.#book.isKnownWord(next) && !(run.length === 0 && this.canStartValue(field, at))) break;
      run.push(next);
    }
    for (let size = run.length; size > 0; size--) {
      const found = this.#lexicon.find(field, variants(run.slice(0, size)));
      if (found) return { values: [found], length: size };
    }
    if (run.length === 0) return undefined;
    return { values: this.storedValues(field, [run[0]!.text]), length: 1 };
  }

  /** A known word may still be the value after a lead ("labeled bug"), unless it is grammar ("labeled as", "tagged not"). */
  canStartValue(field: string, at: number): boolean {
    if (this.#lexicon.find(field, variants([this.#tokens[at]!]))) return true;
    const type = this.#book.match(this.#tokens, at)?.action.type;
    return type === 'meaning' || type === 'kind' || type === 'soft' || type === 'dateField' || type === 'sort';
  }

  /** A value as stored: exactly, or named by its last path segment ("api" for "acme/api"). */
  storedValues(field: string, candidates: string[]): string[] {
    const exact = this.#lexicon.find(field, candidates);
    if (exact) return [exact];
    const bySegment = candidates.flatMap((candidate) => this.#lexicon.findByLastSegment(field, candidate));
    return bySegment.length > 0 ? bySegment : candidates;
  }
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
