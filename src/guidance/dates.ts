import type { DateExpr, TimeUnit } from './query.ts';

/**
 * Date phrases of guidance ("last week", "since Monday", "past 3 days", "in
 * October", "yesterday", "older than 30 days", "2026-11-02") → a range of
 * relative or absolute date expressions. Kept in this one file so that a
 * maintained parser can replace it behind the same function.
 *
 * Conventions (docs/guidance.md): weeks start on Monday; "last week/month/year"
 * is the previous calendar period, "past week" and "last 7 days" roll back from
 * now; "recent" is the past 7 days; a month name is the most recent such month.
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

const units: Readonly<Record<string, TimeUnit>> = {
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  day: 'day', days: 'day',
  week: 'week', weeks: 'week', wk: 'week', wks: 'week',
  month: 'month', months: 'month', mo: 'month', mos: 'month',
  year: 'year', years: 'year', yr: 'year', yrs: 'year',
};

const numberWords: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, few: 3, couple: 2, several: 5,
};

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const rolling = (amount: number, unit: TimeUnit): DateExpr => ({ anchor: 'now', shift: -amount, unit });
const periodStart = (unit: 'day' | 'week' | 'month' | 'year', shift = 0): DateExpr =>
  (shift === 0 ? { anchor: unit } : { anchor: unit, shift, unit });

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

/** "within the last 3 days", "in the past week", "over the last month", "during the past 2 weeks". */
function parseWithin(words: readonly string[], start: number): Parsed | undefined {
  const lead = words[start];
  if (!['within', 'in', 'over', 'during', 'for'].includes(lead ?? '')) return undefined;
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

/** "3 days", "a week", "couple of weeks", "7d": an amount of a unit. */
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
  const unit = units[words[start + offset] ?? ''];
  if (!unit) return undefined;
  return { amount, unit, length: offset + 1 };
}

/** A period or a point: today, yesterday, last week, past 3 days, Monday, October 2025, 2026-11-02, 3 days ago… */
function parsePeriod(words: readonly string[], start: number): Parsed | undefined {
  const word = words[start] ?? '';
  const next = words[start + 1] ?? '';
  if (word === 'today') return { length: 1, since: periodStart('day'), before: null };
  if (word === 'yesterday') return { length: 1, since: periodStart('day', -1), before: periodStart('day') };
  if (word === 'recent' || word === 'recently' || word === 'lately') return { length: 1, since: rolling(7, 'day'), before: null };
  if (word === 'weekend' || (['last', 'this', 'the', 'past'].includes(word) && next === 'weekend')) {
    return { length: word === 'weekend' ? 1 : 2, since: { anchor: 'week', shift: -2, unit: 'day' }, before: periodStart('week') };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
  if (iso) return { length: 1, since: { at: word }, before: { at: nextDay(word) } };
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
    if (span && (span.length > 1 || word === 'past')) return { length: 1 + span.length, since: rolling(span.amount, span.unit), before: null };
  }
  const ago = parseSpan(words, start);
  if (ago && words[start + ago.length] === 'ago') return { length: ago.length + 1, ...agoRange(ago.amount, ago.unit) };
  const weekday = dayOfWeek(word === 'last' || word === 'on' || word === 'this' ? next : word);
  if (weekday) {
    const length = word === 'last' || word === 'on' || word === 'this' ? 2 : 1;
    return { length, since: { anchor: 'day', weekday }, before: { anchor: 'day', weekday, shift: 1, unit: 'day' } };
  }
  return parseMonth(words, start) ?? parseYear(words, start);
}

function isCalendarUnit(word: string): word is 'day' | 'week' | 'month' | 'year' {
  return word === 'week' || word === 'month' || word === 'year';
}

/** "3 days ago" is that calendar day; "2 weeks ago" that week; "5 hours ago" that hour. */
function agoRange(amount: number, unit: TimeUnit): Range {
  if (unit === 'minute' || unit === 'hour') return { since: rolling(amount, unit), before: rolling(amount - 1, unit) };
  return { since: periodStart(unit, -amount), before: periodStart(unit, 1 - amount) };
}

/** "October", "in October 2025", "Oct 5", "5 October", "October 5, 2025". */
function parseMonth(words: readonly string[], start: number): Parsed | undefined {
  let offset = words[start] === 'in' || words[start] === 'during' || words[start] === 'of' ? 1 : 0;
  let day: number | undefined;
  if (/^\d{1,2}(st|nd|rd|th)?$/.test(words[start + offset] ?? '') && monthOf(words[start + offset + 1] ?? '')) {
    day = Number.parseInt(words[start + offset]!, 10);
    offset++;
  }
  const month = monthOf(words[start + offset] ?? '');
  if (!month) return undefined;
  offset++;
  if (day === undefined && /^\d{1,2}(st|nd|rd|th)?$/.test(words[start + offset] ?? '')) {
    day = Number.parseInt(words[start + offset]!, 10);
    offset++;
  }
  const yearAt = words[start + offset] === ',' ? offset + 1 : offset;
  const year = /^(19|20)\d{2}$/.test(words[start + yearAt] ?? '') ? Number(words[start + yearAt]) : undefined;
  if (year !== undefined) offset = yearAt + 1;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  // "may" is a month only where nothing else can be meant: "in May", "May 3", "May 2025".
  if (words[start + offset - 1] === 'may' && offset === 1 && day === undefined && year === undefined) return undefined;
  if (year !== undefined) {
    const from = isoDate(year, month, day ?? 1);
    const to = day === undefined ? isoDate(month === 12 ? year + 1 : year, (month % 12) + 1, 1) : nextDay(from);
    return { length: offset, since: { at: from }, before: { at: to } };
  }
  if (day !== undefined) {
    return { length: offset, since: { anchor: 'month', month, shift: day - 1, unit: 'day' }, before: { anchor: 'month', month, shift: day, unit: 'day' } };
  }
  return { length: offset, since: { anchor: 'month', month }, before: { anchor: 'month', month, shift: 1, unit: 'month' } };
}

/** "in 2025", "during 2024". */
function parseYear(words: readonly string[], start: number): Parsed | undefined {
  if (words[start] !== 'in' && words[start] !== 'during') return undefined;
  const year = words[start + 1] ?? '';
  if (!/^(19|20)\d{2}$/.test(year)) return undefined;
  return { length: 2, since: { at: `${year}-01-01` }, before: { at: `${Number(year) + 1}-01-01` } };
}

function dayOfWeek(word: string): number | undefined {
  const abbreviations = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const short = ({ tues: 'tue', thur: 'thu', thurs: 'thu' } as Readonly<Record<string, string>>)[word] ?? word;
  const index = Math.max(weekdays.indexOf(word), abbreviations.indexOf(short));
  return index === -1 ? undefined : index + 1;
}

function monthOf(word: string): number | undefined {
  const abbreviations = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const index = Math.max(months.indexOf(word), abbreviations.indexOf(word === 'sept' ? 'sep' : word));
  return index === -1 ? undefined : index + 1;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function nextDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day + 1));
  return date.toISOString().slice(0, 10);
}
