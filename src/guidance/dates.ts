import { datePointAt } from './date-points.ts';
import type { DateExpr, TimeUnit } from './query.ts';

/**
 * Date phrases of guidance ("last week", "since Monday", "past 3 days", "in
 * October", "yesterday", "older than 30 days", "March 3rd", "2026-11-02") → a
 * range of relative or absolute date expressions. chrono-node recognises the
 * dates themselves (`date-points.ts`); this file holds what the product defines:
 * the leads ("since", "before", "between … and", "within"), rolling windows,
 * calendar periods, ages, and which expressions stay relative.
 *
 * Conventions (docs/guidance.md): weeks start on Monday; "last week/month/
 * quarter/year" is the previous calendar period, "past week" and "last 7 days"
 * roll back from now; "3 days ago" is that day, "2 weeks ago" that week;
 * "recent" is the past 7 days; a month or weekday without a year is the most
 * recent one.
 */
export interface DateMatch {
  /** How many words the phrase used. */
  length: number;
  since: DateExpr | null;
  before: DateExpr | null;
}

type Range = Omit<DateMatch, 'length'>;
interface Parsed extends Range {
  length: number;
}
type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

const units: Readonly<Record<string, TimeUnit>> = {
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  day: 'day', days: 'day',
  week: 'week', weeks: 'week', wk: 'week', wks: 'week',
  month: 'month', months: 'month', mo: 'month', mos: 'month',
  year: 'year', years: 'year', yr: 'year', yrs: 'year',
};

/** Spans without a unit of their own; "last quarter" (the calendar one) is read before them. */
const multiples: Readonly<Record<string, { times: number; unit: TimeUnit }>> = {
  fortnight: { times: 2, unit: 'week' }, fortnights: { times: 2, unit: 'week' },
  quarter: { times: 3, unit: 'month' }, quarters: { times: 3, unit: 'month' },
};

const numberWords: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, few: 3, couple: 2, several: 5,
};

const rolling = (amount: number, unit: TimeUnit): DateExpr => ({ anchor: 'now', shift: -amount, unit });
/** The start of a calendar period, `shift` periods away (a quarter is three months). */
function periodStart(unit: CalendarUnit, shift = 0): DateExpr {
  if (shift === 0) return { anchor: unit };
  return unit === 'quarter' ? { anchor: unit, shift: 3 * shift, unit: 'month' } : { anchor: unit, shift, unit };
}

/** Parses a date phrase starting at `words[start]`, or answers undefined. */
export function parseDate(words: readonly string[], start: number): DateMatch | undefined {
  const at = (offset: number) => words[start + offset] ?? '';
  const lead = at(0);
  if (lead === 'since' || lead === 'after' || lead === 'from') {
    const point = parsePeriod(words, start + 1);
    if (!point) return undefined;
    if (lead === 'from') {
      const to = words[start + 1 + point.length];
      if (to === 'to' || to === 'until' || to === 'through') {
        const end = parsePeriod(words, start + 2 + point.length);
        if (end) return { length: 2 + point.length + end.length, since: point.since, before: end.before };
      }
      return { ...point, length: point.length + 1 };
    }
    return { length: point.length + 1, since: lead === 'after' ? point.before ?? point.since : point.since, before: null };
  }
  if (lead === 'between') {
    const first = parsePeriod(words, start + 1);
    if (!first || words[start + 1 + first.length] !== 'and') return undefined;
    const second = parsePeriod(words, start + 2 + first.length);
    return second ? { length: 2 + first.length + second.length, since: first.since, before: second.before } : undefined;
  }
  const beforeWords = lead === 'prior' && at(1) === 'to' ? 2 : ['before', 'until', 'till', 'through'].includes(lead) ? 1 : 0;
  if (beforeWords > 0) {
    const point = parsePeriod(words, start + beforeWords);
    if (!point) return undefined;
    const inclusive = lead !== 'before' && lead !== 'prior';
    return { length: point.length + beforeWords, since: null, before: inclusive ? point.before ?? null : point.since };
  }
  return parseAge(words, start) ?? parseWithin(words, start) ?? parsePeriod(words, start);
}

/** "older than 30 days", "more than a week old", "newer than 2 weeks", "less than 3 days old". */
function parseAge(words: readonly string[], start: number): Parsed | undefined {
  const first = words[start];
  const second = words[start + 1];
  const older = (first === 'older' || first === 'more') && second === 'than';
  const newer = (first === 'newer' || first === 'less' || first === 'younger') && second === 'than';
  if (!older && !newer) return undefined;
  const span = parseSpan(words, start + 2);
  if (!span) return undefined;
  let length = 2 + span.length;
  if (words[start + length] === 'old' || words[start + length] === 'ago') length++;
  const point = rolling(span.amount, span.unit);
  return older ? { length, since: null, before: point } : { length, since: point, before: null };
}

/** "within the last 3 days", "in the past week", "over the last month", "during the past 2 weeks", "on March 3rd". */
function parseWithin(words: readonly string[], start: number): Parsed | undefined {
  const lead = words[start];
  if (!['within', 'in', 'over', 'during', 'for', 'on'].includes(lead ?? '')) return undefined;
  let offset = 1;
  if (words[start + offset] === 'the') offset++;
  const inner = parsePeriod(words, start + offset);
  if (inner) return { ...inner, length: inner.length + offset };
  // "in over a month" (mostly after "not updated"): within that span.
  const over = words[start + offset] === 'over' ? 1 : words[start + offset] === 'more' && words[start + offset + 1] === 'than' ? 2 : 0;
  if (over > 0 && lead !== 'over') {
    const span = parseSpan(words, start + offset + over);
    if (span) return { length: offset + over + span.length, since: rolling(span.amount, span.unit), before: null };
  }
  if (lead === 'within') {
    const span = parseSpan(words, start + offset);
    if (span) return { length: offset + span.length, since: rolling(span.amount, span.unit), before: null };
  }
  return undefined;
}

/** "3 days", "a week", "couple of weeks", "7d", "a fortnight", "the past quarter": an amount of a unit. */
function parseSpan(words: readonly string[], start: number): { amount: number; unit: TimeUnit; length: number } | undefined {
  const compact = /^(\d+)([hdwmy])$/.exec(words[start] ?? '');
  if (compact) {
    const unit = ({ h: 'hour', d: 'day', w: 'week', m: 'month', y: 'year' } as const)[compact[2] as 'h' | 'd' | 'w' | 'm' | 'y'];
    return { amount: Number(compact[1]), unit, length: 1 };
  }
  let offset = 0;
  let amount = 1;
  const word = words[start] ?? '';
  if (/^\d{1,4}$/.test(word)) {
    amount = Number(word);
    offset = 1;
  } else if (word in numberWords) {
    amount = numberWords[word]!;
    offset = 1;
    if (words[start + offset] === 'of') offset++;
  }
  const unitWord = words[start + offset] ?? '';
  const multiple = multiples[unitWord];
  if (multiple) return { amount: multiple.times * amount, unit: multiple.unit, length: offset + 1 };
  const unit = units[unitWord];
  if (!unit) return undefined;
  return { amount, unit, length: offset + 1 };
}

/** A period or a point: last week, this quarter, past 3 days, 3 days ago, recently, in 2025, or what chrono reads. */
function parsePeriod(words: readonly string[], start: number): Parsed | undefined {
  const word = words[start] ?? '';
  const next = words[start + 1] ?? '';
  if (word === 'recent' || word === 'recently' || word === 'lately') return { length: 1, since: rolling(7, 'day'), before: null };
  if (word === 'weekend' || (['last', 'this', 'the', 'past'].includes(word) && next === 'weekend')) {
    return { length: word === 'weekend' ? 1 : 2, since: { anchor: 'week', shift: -2, unit: 'day' }, before: periodStart('week') };
  }
  if (word === 'the' && next !== '') {
    const inner = parsePeriod(words, start + 1);
    return inner ? { ...inner, length: inner.length + 1 } : undefined;
  }
  if (['this', 'current'].includes(word) && isCalendarUnit(next)) return { length: 2, since: periodStart(next), before: null };
  if (['last', 'previous', 'prior'].includes(word) && isCalendarUnit(next)) {
    return { length: 2, since: periodStart(next, -1), before: periodStart(next) };
  }
  if (['last', 'past', 'previous'].includes(word)) {
    const span = parseSpan(words, start + 1);
    if (span) return { length: 1 + span.length, since: rolling(span.amount, span.unit), before: null };
  }
  const ago = parseSpan(words, start);
  if (ago && words[start + ago.length] === 'ago') return { length: ago.length + 1, ...agoRange(ago.amount, ago.unit) };
  return datePointAt(words, start) ?? parseYear(words, start);
}

/** Calendar periods: "last week" is the previous one, "past week" rolls back from now. */
function isCalendarUnit(word: string): word is Exclude<CalendarUnit, 'day'> {
  return word === 'week' || word === 'month' || word === 'quarter' || word === 'year';
}

/** "3 days ago" is that calendar day; "2 weeks ago" that week; "5 hours ago" that hour. */
function agoRange(amount: number, unit: TimeUnit): Range {
  if (unit === 'minute' || unit === 'hour') return { since: rolling(amount, unit), before: rolling(amount - 1, unit) };
  return { since: periodStart(unit, -amount), before: periodStart(unit, 1 - amount) };
}

/** "in 2025", "during 2024": chrono does not take a bare year for a date. */
function parseYear(words: readonly string[], start: number): Parsed | undefined {
  if (words[start] !== 'in' && words[start] !== 'during') return undefined;
  const year = words[start + 1] ?? '';
  if (!/^(19|20)\d{2}$/.test(year)) return undefined;
  return { length: 2, since: { at: `${year}-01-01` }, before: { at: `${Number(year) + 1}-01-01` } };
}
