import type { DateExpr } from './query.ts';

/**
 * The words guidance may use for one integration, declared by its connector in
 * `connectors/<name>/vocabulary.ts` and referenced from its definition. Plain
 * data: the compiler reads it the same way for every integration. Phrases are
 * written lowercase and singular ("pull request", not "Pull Requests"): the
 * compiler also accepts their plurals.
 */
export interface Vocabulary {
  /** Words for item kinds besides the aliases the definition declares: 'pull request' → 'pull_request'. */
  readonly kinds?: Readonly<Record<string, string | readonly string[]>>;
  /** Fixed phrases and what they mean: 'open' → { where: { state: 'open' } }. */
  readonly phrases?: Readonly<Record<string, Meaning>>;
  /** Words that introduce a person, and the field the person fills: 'assigned to' → 'assignee'. */
  readonly people?: Readonly<Record<string, string>>;
  /** Person leads of `people` that take only what is written as a name: Capitalised, @handle, e-mail, quoted, or me. */
  readonly namesOnly?: readonly string[];
  /** Words that introduce a value of a field: 'labeled' → 'labels', 'in channel' → 'channel'. */
  readonly before?: Readonly<Record<string, string>>;
  /** Words that follow a value of a field: 'team' → 'team' ("the mobile team"). */
  readonly after?: Readonly<Record<string, string>>;
  /** The person field "my", "mine", "I created" and "alice's" refer to. */
  readonly owner?: string;
  /** Fields matched by substring rather than whole value, besides people (a subject, a file name). */
  readonly partial?: readonly string[];
  /** Fields whose stored values may be named bare ("bugs" when a label is "bug"); tried in this order. */
  readonly facets?: readonly string[];
  /** Values recognised by their shape alone; the first capture group (or the whole match) is the value. */
  readonly shapes?: Readonly<Record<string, RegExp>>;
  /** Verbs that say which date a date phrase is about: 'opened' → 'created'. */
  readonly dates?: Readonly<Record<string, 'created' | 'updated'>>;
  /** Full-text synonyms searched alongside a word: 'invoice' → ['receipt', 'bill']. */
  readonly synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Meanings of special values in explicit filters: { cycle: { current: … } }. */
  readonly filterValues?: Readonly<Record<string, Readonly<Record<string, Meaning>>>>;
}

/** What a phrase means: item kinds, conditions on fields and a date range, all of which must hold. */
export interface Meaning {
  readonly kinds?: readonly string[];
  readonly where?: Readonly<Record<string, Match>>;
  /** On the item's own creation or modification time: "stale" is not updated for 30 days. */
  readonly date?: { readonly field: 'created' | 'updated'; readonly since?: DateExpr; readonly before?: DateExpr };
}

/**
 * A condition on one field:
 * - a string or list of strings: the field equals (any of) them, ignoring case;
 * - a boolean: a boolean field is true or false;
 * - `{ present }`: the field has a value, or a non-empty list (or has none);
 * - `{ person: 'me' }`: the field holds the connected account;
 * - `{ before }` / `{ since }`: a date field is earlier than / at or after a date;
 * - `{ not }`: the opposite of another match.
 */
export type Match =
  | string
  | readonly string[]
  | boolean
  | { readonly present: boolean }
  | { readonly person: 'me' }
  | { readonly before: DateExpr }
  | { readonly since: DateExpr }
  | { readonly not: Match };
