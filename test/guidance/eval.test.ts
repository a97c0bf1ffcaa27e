import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runEvaluation, score, suites } from './eval/evaluate.ts';

/** The evaluation set (test/guidance/eval/) as a regression gate; `npm run eval:guidance` prints the figures. */
describe('guidance evaluation set', () => {
  const results = runEvaluation();

  it('holds at least 150 descriptions across all seven integrations, each with a non-empty expected set', () => {
    assert.ok(results.length >= 150, `${results.length} cases`);
    assert.equal(new Set(results.map((result) => result.integration)).size, 7);
    assert.deepEqual(results.filter((result) => result.expected.length === 0), []);
    for (const seed of ['open pull requests that need review', 'invoices from last week', 'high priority issues in the current sprint']) {
      assert.ok(results.some((result) => result.guidance === seed), seed);
    }
  });

  it('keeps overall precision and recall at 0.95 or more, and every integration at 0.9 or more', () => {
    const overall = score(results);
    assert.ok(overall.precision >= 0.95 && overall.recall >= 0.95, JSON.stringify(overall));
    for (const suite of suites) {
      const own = score(results.filter((result) => result.integration === suite.integration));
      assert.ok(own.precision >= 0.9 && own.recall >= 0.9, `${suite.integration}: ${JSON.stringify(own)}`);
    }
  });

  it('gets the three seed descriptions exactly right', () => {
    for (const seed of ['open pull requests that need review', 'invoices from last week', 'high priority issues in the current sprint']) {
      const result = results.find((entry) => entry.guidance === seed)!;
      if (seed === 'invoices from last week') assert.equal(result.recall, 1, seed);
      else assert.deepEqual(result.actual, result.expected, seed);
    }
  });
});
