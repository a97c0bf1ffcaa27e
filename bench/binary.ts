/**
 * The single executable's size and start time. Builds `build/airstore` (as
 * `npm run build`), then times `--version` of the binary beside `node` running
 * the very bundle the binary embeds, `node` running the CLI from source, and
 * bare `node -e 0` (the floor: starting V8 and Node at all); and `--help`
 * (which loads the whole CLI) of the binary beside the source. Runs alternate
 * between commands so drift hits all alike; medians are reported.
 *
 *   npm run bench:binary [-- --runs 21]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { binaryFile, bundleFile } from '../build/paths.ts';
import { nodeBinary } from '../build/sea.ts';
import { shebangFlags } from '../build/shebang.ts';
import { repoRoot, sourceCli } from '../test/helpers/agent.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(values.runs);

execFileSync(process.execPath, [join(repoRoot, 'build', 'binary.ts')], { stdio: 'inherit' });

const commands: Record<string, readonly string[]> = {
  'build/airstore --version': [binaryFile, '--version'],
  'node <the same bundle> --version': [nodeBinary, ...shebangFlags(), bundleFile, '--version'],
  'node src/cli/main.ts --version': [...sourceCli, '--version'],
  'node -e 0 (floor)': [nodeBinary, '-e', '0'],
  'build/airstore --help': [binaryFile, '--help'],
  'node src/cli/main.ts --help': [...sourceCli, '--help'],
};

function timeOnce([program, ...args]: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(program!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${[program, ...args].join(' ')} failed: ${result.stderr}`);
  return ms;
}

const samples = new Map(Object.keys(commands).map((name) => [name, [] as number[]]));
for (const command of Object.values(commands)) timeOnce(command); // warm the page cache
for (let run = 0; run < runs; run++) {
  for (const [name, command] of Object.entries(commands)) samples.get(name)!.push(timeOnce(command));
}
const median = (numbers: number[]) => numbers.toSorted((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

const mb = (file: string) => (statSync(file).size / 1e6).toFixed(1);
console.log(`\nsize: build/airstore ${mb(binaryFile)} MB; the Node binary it is built from ${mb(nodeBinary)} MB; the bundle ${mb(bundleFile)} MB`);
console.log(`\nstart times, median of ${runs} runs (ms):`);
for (const [name, times] of samples) console.log(`  ${name.padEnd(36)} ${median(times).toFixed(1).padStart(7)}`);
