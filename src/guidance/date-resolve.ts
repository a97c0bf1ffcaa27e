import type { DateExpr, TimeUnit } from './query.ts';

/**
 * Turns a date expression into Unix milliseconds at the moment `now`, in the
 * agent's local time zone. Weeks start on Monday. `now` anchors are rounded
 * down to the minute, so a rolling range moves once a minute, not at every call.
 */
export function resolveDate(expr: DateExpr, now: number): number {
  if ('at' in expr) return parseAbsolute(expr.at);
  const date = new Date(now);
  if (expr.anchor === 'now') date.setSeconds(0, 0);
  else date.setHours(0, 0, 0, 0);
  if (expr.anchor === 'week') date.setDate(date.getDate() - daysSinceMonday(date));
  if (expr.anchor === 'month') date.setDate(1);
  if (expr.anchor === 'quarter') date.setMonth(date.getMonth() - (date.getMonth() % 3), 1);
  if (expr.anchor === 'year') date.setMonth(0, 1);
  if (expr.weekday !== undefined) {
    const weekday = ((date.getDay() + 6) % 7) + 1;
    date.setDate(date.getDate() - ((weekday - expr.weekday + 7) % 7));
  }
  if (expr.month !== undefined) {
    const back = (date.getMonth() + 1 - expr.month + 12) % 12;
    date.setMonth(date.getMonth() - back, 1);
  }
  if (expr.shift) shift(date, expr.shift, expr.unit ?? 'day');
  return date.getTime();
}

function daysSinceMonday(date: Date): number {
  return (date.getDay() + 6) % 7;
}

function shift(date: Date, amount: number, unit: TimeUnit): void {
  switch (unit) {
    case 'minute':
      date.setMinutes(date.getMinutes() + amount);
      return;
    case 'hour':
      date.setHours(date.getHours() + amount);
      return;
    case 'day':
      date.setDate(date.getDate() + amount);
      return;
    case 'week':
      date.setDate(date.getDate() + 7 * amount);
      return;
    case 'month':
      addMonths(date, amount);
      return;
    case 'year':
      addMonths(date, 12 * amount);
  }
}

/** Calendar months, clamped: a month before March 31 is the last day of February, not March 3. */
function addMonths(date: Date, amount: number): void {
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() + amount);
  const lastDay = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, lastDay));
}

/** A date alone is local midnight; a time without a zone is local time. */
function parseAbsolute(text: string): number {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])).getTime();
  return Date.parse(text);
}
