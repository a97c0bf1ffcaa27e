import { type ParsedComponents, type ParsedResult, casual } from 'chrono-node';
import type { DateExpr } from './query.ts';

/**
 * The dates chrono-node recognises in guidance: absolute dates however they are
 * written ("March 3rd", "3rd of March", "Oct 5th, 2025", "11/02/2026",
 * "2026-11-02T10:00", "from Oct 1 to Oct 15"), weekdays, month names, "today",
 * "yesterday", times of day. Each becomes the range of the day, month, year or
 * minute it names.
 *
 * Chrono resolves every phrase to an instant at a reference moment; we keep only
 * what does not depend on that moment (the components written; for "yesterday",
 * the number of days back), so that a relative phrase stays relative and is
 * resolved when the folder is evaluated (`date-resolve.ts`), in the agent's local
 * time zone, as chrono reads times written without one. Relative spans ("last
 * week", "3 days ago", "past 3 days") are left to `dates.ts`: chrono answers them
 * with an instant, without the unit the product's ranges are made of.
 */
export interface DateSpan {
  /** How many words the phrase used. */
  length: number;
  since: DateExpr;
  before: DateExpr;
}

type Range = Omit<DateSpan, 'length'>;
type DayExpr = { anchor: 'day'; weekday?: number };
type Kind = 'absolute' | 'casual' | 'month' | 'weekday' | 'time';

/** Any fixed moment does (see above); noon keeps day arithmetic clear of daylight-saving changes. */
const reference = new Date(2000, 0, 3, 12);
const minuteMs = 60_000;
const dayMs = 86_400_000;
/** "may" alone is a month only after one of these ("in May", "since May"), not in "may be broken". */
const prepositions = new Set(['in', 'during', 'since', 'after', 'before', 'until', 'till', 'through', 'from', 'to', 'and', 'between', 'of', 'on']);

type Reading = { length: number; result: ParsedResult };
/** Chrono's readings of the last guidance, by the word they start at: chrono runs once per guidance, not once per word. */
let last: { text: string; readings: ReadonlyMap<number, Reading> } | undefined;

/** The date chrono reads starting at `words[start]`, or undefined. */
export function datePointAt(words: readonly string[], start: number): DateSpan | undefined {
  const reading = readingsOf(words).get(start);
  if (!reading) return undefined;
  const { result } = reading;
  const kind = kindOf(result);
  if (!kind) return undefined;
  if (result.text === 'may' && !prepositions.has(words[start - 1] ?? '')) return undefined;
  // A bare number after "at" ("meeting at 10") is too weak a time to filter on; "10am" or "noon" is not.
  const timed = /\d ?[ap]m\b|\bnoon\b|\bmidnight\b/.test(result.text);
  if (kind === 'time' && !timed) return undefined;
  const from = rangeOf(result.start, kind, timed);
  const to = result.end ? rangeOf(result.end, kind, timed) : from;
  return { length: reading.length, since: from.since, before: to.before };
}

function readingsOf(words: readonly string[]): ReadonlyMap<number, Reading> {
  const text = words.join(' ');
  if (last?.text === text) return last.readings;
  const startAt = new Map<number, number>();
  const endAt = new Map<number, number>();
  let offset = 0;
  words.forEach((word, index) => {
    startAt.set(offset, index);
    endAt.set(offset + word.length, index + 1);
    offset += word.length + 1;
  });
  const found = new Map<number, Reading>();
  for (const result of casual.parse(text, reference)) {
    const first = startAt.get(result.index);
    const end = endAt.get(result.index + result.text.length);
    // A reading that starts or ends inside a word is not a phrase of whole words.
    if (first !== undefined && end !== undefined) found.set(first, { length: end - first, result });
  }
  last = { text, readings: found };
  return found;
}

/** What a reading is, by what was written; undefined for what is read elsewhere or cannot be kept relative. */
function kindOf(result: ParsedResult): Kind | undefined {
  const tags = result.tags();
  const start = result.start;
  // Relative spans are `dates.ts`'s; "now" as a range would be empty.
  if (tags.has('result/relativeDate') || tags.has('casualReference/now')) return undefined;
  if (tags.has('parser/ENCasualDateParser')) return 'casual';
  // The start of "Oct 1 to Oct 15 2025" takes the year written at its end.
  const year = [start, result.end].find((components) => components?.isCertain('year'));
  if (year) {
    // Only a year written in full: one chrono took from the reference ("end of the month") would freeze a relative
    // phrase, and a two-digit one is mostly another number ("Oct 5-10" reaches us as "oct 5 10").
    return result.text.includes(String(year.get('year'))) ? 'absolute' : undefined;
  }
  if (start.isCertain('month')) return 'month';
  if (start.isCertain('weekday')) return result.text.startsWith('next ') ? undefined : 'weekday';
  // "this morning": chrono is certain of nothing.
  return start.isCertain('hour') ? 'time' : undefined;
}

/** The day, month or year a reading names, or its minute when a time is written. */
function rangeOf(components: ParsedComponents, kind: Kind, timed: boolean): Range {
  const value = (component: 'year' | 'month' | 'day' | 'weekday') => components.get(component) ?? 0;
  switch (kind) {
    case 'absolute':
      return absoluteRange(components, timed);
    case 'month': {
      // Without a year, the most recent such month (times are dropped: the range is the day).
      const month = value('month');
      if (!components.isCertain('day')) return { since: { anchor: 'month', month }, before: { anchor: 'month', month, shift: 1, unit: 'month' } };
      const day = value('day');
      return { since: { anchor: 'month', month, shift: day - 1, unit: 'day' }, before: { anchor: 'month', month, shift: day, unit: 'day' } };
    }
    case 'casual': {
      const days = (Date.UTC(value('year'), value('month') - 1, value('day'))
        - Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate())) / dayMs;
      return dayRange({ anchor: 'day' }, days, timed ? components : undefined);
    }
    case 'weekday':
      // Chrono's Sunday is 0; ours is 7. The most recent such day, today included.
      return dayRange({ anchor: 'day', weekday: ((value('weekday') + 6) % 7) + 1 }, 0, timed ? components : undefined);
    case 'time':
      return dayRange({ anchor: 'day' }, 0, components);
  }
}

/** A day `days` after `day`, or one minute of it at the time of `time`. */
function dayRange(day: DayExpr, days: number, time: ParsedComponents | undefined): Range {
  if (!time) return { since: shifted(day, days, 'day'), before: shifted(day, days + 1, 'day') };
  const minutes = days * 1440 + (time.get('hour') ?? 0) * 60 + (time.get('minute') ?? 0);
  return { since: shifted(day, minutes, 'minute'), before: shifted(day, minutes + 1, 'minute') };
}

function shifted(day: DayExpr, shift: number, unit: 'day' | 'minute'): DateExpr {
  return shift === 0 ? { ...day } : { ...day, shift, unit };
}

/** A written date is local midnight to midnight; a written time is that minute, as an instant. */
function absoluteRange(components: ParsedComponents, timed: boolean): Range {
  if (timed) {
    const at = components.date().getTime();
    return { since: { at: new Date(at).toISOString() }, before: { at: new Date(at + minuteMs).toISOString() } };
  }
  const year = components.get('year') ?? 0;
  const month = components.get('month') ?? 1;
  if (components.isCertain('day')) {
    const day = components.get('day') ?? 1;
    return { since: { at: isoDate(year, month, day) }, before: { at: isoDate(year, month, day + 1) } };
  }
  if (components.isCertain('month')) return { since: { at: isoDate(year, month, 1) }, before: { at: isoDate(year, month + 1, 1) } };
  return { since: { at: isoDate(year, 1, 1) }, before: { at: isoDate(year + 1, 1, 1) } };
}

/** A calendar date; a day or month past the end carries into the next (the day after 31 October is 1 November). */
function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}
