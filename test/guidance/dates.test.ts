import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveDate } from '../../src/guidance/date-resolve.ts';
import { parseDate } from '../../src/guidance/dates.ts';
import { tokenize } from '../../src/guidance/tokens.ts';

/** Wednesday 25 November 2026, 15:30:20 local time. */
const now = new Date(2026, 10, 25, 15, 30, 20).getTime();
const local = (month: number, day: number, hour = 0, minute = 0, year = 2026) => new Date(year, month - 1, day, hour, minute).getTime();

/** The phrase's range at `now`, as local times, and how many words it used. */
function range(phrase: string, at = now) {
  const words = tokenize(phrase).map((token) => token.norm);
  const match = parseDate(words, 0);
  if (!match) return undefined;
  return {
    length: match.length,
    since: match.since ? resolveDate(match.since, at) : null,
    before: match.before ? resolveDate(match.before, at) : null,
  };
}

describe('date phrases', () => {
  it('reads days: today, yesterday, a weekday, N days ago', () => {
    assert.deepEqual(range('today'), { length: 1, since: local(11, 25), before: local(11, 26) });
    assert.deepEqual(range('yesterday'), { length: 1, since: local(11, 24), before: local(11, 25) });
    assert.deepEqual(range('on Monday'), { length: 2, since: local(11, 23), before: local(11, 24) });
    assert.deepEqual(range('last friday'), { length: 2, since: local(11, 20), before: local(11, 21) });
    assert.deepEqual(range('3 days ago'), { length: 3, since: local(11, 22), before: local(11, 23) });
  });

  it('reads calendar periods: last week is the previous Monday to Monday, this month starts on the 1st', () => {
    assert.deepEqual(range('last week'), { length: 2, since: local(11, 16), before: local(11, 23) });
    assert.deepEqual(range('this week'), { length: 2, since: local(11, 23), before: null });
    assert.deepEqual(range('last month'), { length: 2, since: local(10, 1), before: local(11, 1) });
    assert.deepEqual(range('this year'), { length: 2, since: local(1, 1), before: null });
    assert.deepEqual(range('previous year'), { length: 2, since: local(1, 1, 0, 0, 2025), before: local(1, 1) });
  });

  it('reads rolling windows back from now, to the minute', () => {
    assert.deepEqual(range('past 3 days'), { length: 3, since: local(11, 22, 15, 30), before: null });
    assert.deepEqual(range('last 24 hours'), { length: 3, since: local(11, 24, 15, 30), before: null });
    assert.deepEqual(range('past week'), { length: 2, since: local(11, 18, 15, 30), before: null });
    assert.deepEqual(range('in the last two weeks'), { length: 5, since: local(11, 11, 15, 30), before: null });
    assert.deepEqual(range('within 7d'), { length: 2, since: local(11, 18, 15, 30), before: null });
    assert.deepEqual(range('recently'), { length: 1, since: local(11, 18, 15, 30), before: null });
  });

  it('reads since, before, after and between', () => {
    assert.deepEqual(range('since Monday'), { length: 2, since: local(11, 23), before: null });
    assert.deepEqual(range('since last week'), { length: 3, since: local(11, 16), before: null });
    assert.deepEqual(range('after yesterday'), { length: 2, since: local(11, 25), before: null });
    assert.deepEqual(range('before 2026-11-02'), { length: 2, since: null, before: local(11, 2) });
    assert.deepEqual(range('until yesterday'), { length: 2, since: null, before: local(11, 25) });
    assert.deepEqual(range('between 2026-10-01 and 2026-10-15'), { length: 4, since: local(10, 1), before: local(10, 16) });
    assert.deepEqual(range('from last week'), { length: 3, since: local(11, 16), before: local(11, 23) });
  });

  it('reads months with and without a year or a day, the most recent one when no year is given', () => {
    assert.deepEqual(range('in October'), { length: 2, since: local(10, 1), before: local(11, 1) });
    assert.deepEqual(range('december'), { length: 1, since: local(12, 1, 0, 0, 2025), before: local(1, 1) });
    assert.deepEqual(range('in October 2025'), { length: 3, since: local(10, 1, 0, 0, 2025), before: local(11, 1, 0, 0, 2025) });
    assert.deepEqual(range('Nov 3'), { length: 2, since: local(11, 3), before: local(11, 4) });
    assert.deepEqual(range('5 October 2026'), { length: 3, since: local(10, 5), before: local(10, 6) });
    assert.deepEqual(range('in 2025'), { length: 2, since: local(1, 1, 0, 0, 2025), before: local(1, 1) });
  });

  it('reads absolute dates however they are written, local midnight to midnight', () => {
    assert.deepEqual(range('2026-11-02'), { length: 1, since: local(11, 2), before: local(11, 3) });
    assert.deepEqual(range('11/02/2026'), { length: 1, since: local(11, 2), before: local(11, 3) });
    assert.deepEqual(range('Oct 5th, 2025'), { length: 4, since: local(10, 5, 0, 0, 2025), before: local(10, 6, 0, 0, 2025) });
    assert.deepEqual(range('the 3rd of March 2025'), { length: 5, since: local(3, 3, 0, 0, 2025), before: local(3, 4, 0, 0, 2025) });
    assert.deepEqual(range('Nov 2025'), { length: 2, since: local(11, 1, 0, 0, 2025), before: local(12, 1, 0, 0, 2025) });
    assert.deepEqual(range('December 31, 2025'), { length: 4, since: local(12, 31, 0, 0, 2025), before: local(1, 1) });
  });

  it('reads a day or month without a year as the most recent one, and keeps it relative', () => {
    assert.deepEqual(range('on March 3rd'), { length: 3, since: local(3, 3), before: local(3, 4) });
    assert.deepEqual(range('3rd of March'), { length: 3, since: local(3, 3), before: local(3, 4) });
    assert.deepEqual(range('in May'), { length: 2, since: local(5, 1), before: local(6, 1) });
    assert.deepEqual(range('this tuesday'), { length: 2, since: local(11, 24), before: local(11, 25) });
    const match = parseDate(['on', 'march', '3rd'], 0);
    assert.ok(match?.since && 'anchor' in match.since, 'a date without a year moves with time');
    const nextSpring = new Date(2027, 3, 1, 9).getTime();
    assert.deepEqual(range('on March 3rd', nextSpring), { length: 3, since: local(3, 3, 0, 0, 2027), before: local(3, 4, 0, 0, 2027) });
    assert.ok(!('anchor' in (parseDate(['2026-11-02'], 0)?.since ?? {})), 'a written year is absolute');
  });

  it('reads ranges between two dates', () => {
    assert.deepEqual(range('between March 1 and March 15'), { length: 6, since: local(3, 1), before: local(3, 16) });
    assert.deepEqual(range('from Oct 1 to Oct 15'), { length: 6, since: local(10, 1), before: local(10, 16) });
    assert.deepEqual(range('from Oct 1 through Oct 15 2025'), { length: 7, since: local(10, 1, 0, 0, 2025), before: local(10, 16, 0, 0, 2025) });
  });

  it('reads times of day as that minute, in local time', () => {
    assert.deepEqual(range('yesterday at 5pm'), { length: 3, since: local(11, 24, 17), before: local(11, 24, 17, 1) });
    assert.deepEqual(range('since 9am'), { length: 2, since: local(11, 25, 9), before: null });
    assert.deepEqual(range('since Monday 10am'), { length: 3, since: local(11, 23, 10), before: null });
    assert.deepEqual(range('after Nov 2, 2026 at 10am'), { length: 7, since: local(11, 2, 10, 1), before: null });
  });

  it('reads quarters and fortnights, and N weeks ago as that week', () => {
    assert.deepEqual(range('this quarter'), { length: 2, since: local(10, 1), before: null });
    assert.deepEqual(range('last quarter'), { length: 2, since: local(7, 1), before: local(10, 1) });
    assert.deepEqual(range('in the last fortnight'), { length: 4, since: local(11, 11, 15, 30), before: null });
    assert.deepEqual(range('past quarter'), { length: 2, since: local(8, 25, 15, 30), before: null });
    assert.deepEqual(range('two weeks ago'), { length: 3, since: local(11, 9), before: local(11, 16) });
    assert.deepEqual(range('last hour'), { length: 2, since: local(11, 25, 14, 30), before: null });
  });

  it('reads ages: older than, newer than', () => {
    assert.deepEqual(range('older than 30 days'), { length: 4, since: null, before: local(10, 26, 15, 30) });
    assert.deepEqual(range('more than a week old'), { length: 5, since: null, before: local(11, 18, 15, 30) });
    assert.deepEqual(range('newer than 2 weeks'), { length: 4, since: local(11, 11, 15, 30), before: null });
  });

  it('leaves words that are not dates alone', () => {
    for (const phrase of ['may be broken', 'last reviewer', 'open issues', 'top 10', 'in acme/api', '42 comments', 'meeting at 10',
      'morning standup notes', 'now', 'next friday', 'end of the month', 'in 3 days', 'q3 planning', 'the 10 most recent issues', 'oct 5 10']) {
      assert.equal(range(phrase), undefined, phrase);
    }
  });

  it('clamps month arithmetic to the end of a shorter month', () => {
    const march31 = new Date(2026, 2, 31, 12).getTime();
    assert.equal(resolveDate({ anchor: 'now', shift: -1, unit: 'month' }, march31), local(2, 28, 12));
  });
});
