/**
 * `npm run eval:guidance [-- --verbose]`: precision and recall of smart-folder
 * guidance over the evaluation set, per integration and overall. With
 * --verbose, every case that is not exactly right is listed with its query.
 */
import { parseArgs } from 'node:util';
import { runEvaluation, score, suites } from './evaluate.ts';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const results = runEvaluation();
const format = (value: number) => value.toFixed(3);
const lines = ['integration  cases  precision  recall  exact'];
for (const suite of suites) {
  const own = score(results.filter((result) => result.integration === suite.integration));
  lines.push(`${suite.integration.padEnd(11)}  ${String(own.cases).padStart(5)}  ${format(own.precision).padStart(9)}  ${format(own.recall).padStart(6)}  ${String(own.exact).padStart(5)}`);
}
const overall = score(results);
lines.push(`${'overall'.padEnd(11)}  ${String(overall.cases).padStart(5)}  ${format(overall.precision).padStart(9)}  ${format(overall.recall).padStart(6)}  ${String(overall.exact).padStart(5)}`);
const held = score(runEvaluation('held-out'));
lines.push(`${'held out'.padEnd(11)}  ${String(held.cases).padStart(5)}  ${format(held.precision).padStart(9)}  ${format(held.recall).padStart(6)}  ${String(held.exact).padStart(5)}  (never tuned on; not a gate)`);
process.stdout.write(`${lines.join('\n')}\n`);
if (values.verbose) {
  for (const result of [...results, ...runEvaluation('held-out')].filter((entry) => entry.precision < 1 || entry.recall < 1)) {
    const missing = result.expected.filter((id) => !result.actual.includes(id));
    const extra = result.actual.filter((id) => !result.expected.includes(id));
    process.stdout.write(`\n[${result.integration}] "${result.guidance}"  P=${format(result.precision)} R=${format(result.recall)}\n`);
    process.stdout.write(`  query:   ${result.readable}\n  missing: ${missing.join(', ') || '-'}\n  extra:   ${extra.join(', ') || '-'}\n`);
  }
}
