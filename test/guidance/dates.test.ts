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
    assert.deepEqual(range('today'), { length: 1, since: local(11, 25), before: null });
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

  it('reads ages: older than, newer than', () => {
    assert.deepEqual(range('older than 30 days'), { length: 4, since: null, before: local(10, 26, 15, 30) });
    assert.deepEqual(range('more than a week old'), { length: 5, since: null, before: local(11, 18, 15, 30) });
    assert.deepEqual(range('newer than 2 weeks'), { length: 4, since: local(11, 11, 15, 30), before: null });
  });

  it('leaves words that are not dates alone', () => {
    for (const phrase of ['may be broken', 'last reviewer', 'open issues', 'top 10', 'in acme/api', '42 comments']) {
      assert.equal(range(phrase), undefined, phrase);
    }
  });

  it('clamps month arithmetic to the end of a shorter month', () => {
    const march31 = new Date(2026, 2, 31, 12).getTime();
    assert.equal(resolveDate({ anchor: 'now', shift: -1, unit: 'month' }, march31), local(2, 28, 12));
  });
});
