/**
 * What a smart folder costs over a big store. Writes 100,000 GitHub items
 * (realistic metadata, ~1 KB of text, ~3 KB of rendered content each) into a
 * temporary store, then times, in the same run:
 *   - the reference: a plain count(*) of the connection's live items;
 *   - for each guidance: compiling it, evaluating the compiled query (SQL + FTS5),
 *     and a whole refresh as the engine does it (compile, evaluate, diff and write
 *     the membership), plus an incremental refresh after a sync page of 100 items.
 * Medians of `--runs` runs after one warm-up.
 *
 *   npm run bench:guidance [-- --items 100000 --runs 15]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectorFor } from '../connectors/index.ts';
import { compileGuidance } from '../src/guidance/compiler.ts';
import { SmartFolderEngine } from '../src/guidance/engine.ts';
import { resolveQuery } from '../src/guidance/resolve.ts';
import { openStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { items: { type: 'string', default: '100000' }, runs: { type: 'string', default: '15' } } });
const itemCount = Number(values.items);
const runs = Number(values.runs);

const guidances = [
  'open pull requests that need review',
  'issues assigned to me',
  'open bugs in acme/repo-3',
  'PRs updated in the last 3 days',
  'unassigned issues without a label',
  'flaky tests',
  'the 10 most recent issues',
];

/** A deterministic pseudo-random sequence (mulberry32), so every run writes the same store. */
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let mixed = Math.imul(seed ^ (seed >>> 15), seed | 1);
  mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
  return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const domainWords = ('fix add remove update refactor token refresh cache login page error crash timeout retry webhook queue worker database '
  + 'migration index query slow memory leak flaky test pipeline deploy release docs readme api client server config auth session '
  + 'upload export import search filter sort pagination rate limit header payload schema validation build lint types').split(' ');
/**
 * Text has a long tail: 2,000 words drawn with Zipf frequencies (s = 1.1), the
 * domain words above at ranks spread from 10 to 1,000, so a word like "flaky"
 * appears in a few percent of items, as in a real tracker, not in all of them.
 */
const vocabulary = Array.from({ length: 2000 }, (_, rank) => `w${rank}`);
domainWords.forEach((word, index) => {
  vocabulary[10 + Math.floor((index * 990) / domainWords.length)] = word;
});
const cumulative: number[] = [];
vocabulary.reduce((sum, _, rank) => {
  cumulative.push(sum + 1 / (rank + 1) ** 1.1);
  return cumulative.at(-1)!;
}, 0);
function word(): string {
  const target = random() * cumulative.at(-1)!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low]!;
}
const text = (count: number) => Array.from({ length: count }, word).join(' ');
const users = Array.from({ length: 200 }, (_, index) => `user${index}`);
const labels = ['bug', 'enhancement', 'documentation', 'good first issue', 'help wanted', 'performance', 'security', 'tests', 'frontend',
  'backend', 'dependencies', 'ci', 'refactor', 'question', 'wontfix'];
const median = (numbers: number[]) => numbers.toSorted((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

function time(work: () => void): number {
  work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const directory = mkdtempSync(join(tmpdir(), 'airstore-bench-guidance-'));
const store = openStore(join(directory, 'airstore.db'));
try {
  const workspace = store.workspaces.create({ externalId: 'ws_bench', name: 'bench' });
  const connection = store.connections.create({
    externalId: 'conn_bench', workspaceId: workspace.id, integration: 'github', scope: null, sealedCredentials: Buffer.from('x'), expiresAt: null,
  });
  store.connections.setAccount(connection.id, { id: 'user7' });
  const now = Date.now();
  const started = performance.now();
  const write = (index: number, updatedAt: number) => {
    const pull = random() < 0.4;
    const state = pull ? pick(['open', 'open', 'closed', 'merged', 'merged']) : pick(['open', 'closed', 'closed']);
    store.items.upsert({
      connectionId: connection.id, kind: pull ? 'pull_request' : 'issue', externalId: String(index), title: text(8),
      fileName: `${index}.md`, body: text(150), content: Buffer.from(text(450)), createdAt: updatedAt - 86_400_000, updatedAt,
      metadata: {
        number: index, repo: `acme/repo-${Math.floor(random() * 20)}`, state, author: pick(users),
        assignee: random() < 0.5 ? [pick(users)] : [], reviewer: pull && random() < 0.5 ? [pick(users)] : [],
        review_requested: pull && state === 'open' && random() < 0.4 ? [pick(users)] : [],
        labels: random() < 0.8 ? [pick(labels), ...(random() < 0.3 ? [pick(labels)] : [])] : [], draft: pull && random() < 0.1,
        mentions: random() < 0.2 ? [pick(users)] : [],
      },
    });
  };
  store.db.transaction(() => {
    for (let index = 0; index < itemCount; index++) write(index, now - Math.floor(random() * 365 * 86_400_000));
  })();
  process.stderr.write(`wrote ${itemCount} items in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const connector = connectorFor('github');
  const engine = new SmartFolderEngine(store);
  const lexicon = {
    find: (field: string, candidates: readonly string[]) => store.itemQueries.findValue(connection.id, field, candidates),
    findByLastSegment: (field: string, name: string) => store.itemQueries.findByLastSegment(connection.id, field, name),
  };
  const reference = time(() => store.items.countLive(connection.id));
  const rows: string[][] = [];
  let sequence = 0;
  for (const guidance of guidances) {
    const folder = store.smartFolders.create({
      externalId: `sq_bench${++sequence}`, workspaceId: workspace.id, integration: 'github', name: guidance, slug: `bench-${sequence}`,
      guidance, filter: null,
    });
    const compiled = compileGuidance(guidance, { connector, lexicon });
    const compile = time(() => compileGuidance(guidance, { connector, lexicon }));
    const resolved = resolveQuery(compiled.query, connection.id, { id: 'user7' }, Date.now());
    let matches = 0;
    const evaluate = time(() => {
      matches = store.itemQueries.ids(resolved.itemQuery).length;
    });
    const refresh = time(() => engine.refresh(store.smartFolders.findById(folder.id)!));
    // A sync page: 100 items change; the folder is brought up to date for them alone.
    const page = Array.from({ length: 100 }, (_, offset) => (sequence * 1000 + offset) % itemCount);
    const pageIds = page.map((index) => store.items.find(connection.id, random() < 0.4 ? 'pull_request' : 'issue', String(index))?.id).filter((id): id is number => id !== undefined);
    const incremental = time(() => engine.refreshFoldersFor(connection.id, pageIds));
    rows.push([guidance, String(matches), compile.toFixed(2), evaluate.toFixed(2), refresh.toFixed(2), incremental.toFixed(2)]);
    // One folder at a time, so that the page column is this folder's cost alone.
    store.smartFolders.delete(folder.id);
  }

  const header = ['guidance', 'matches', 'compile ms', 'evaluate ms', 'refresh ms', 'page of 100 ms'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  process.stdout.write(`${itemCount} items, medians of ${runs} runs\n`);
  process.stdout.write(`reference: SELECT count(*) of the connection's live items: ${reference.toFixed(2)} ms\n\n`);
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  const worst = Math.max(...rows.map((row) => Number(row[4])));
  process.stdout.write(`\nslowest whole refresh (compile + evaluate + membership): ${worst.toFixed(2)} ms (aim: under 50 ms)\n`);
} finally {
  store.close();
  rmSync(directory, { recursive: true, force: true });
}
