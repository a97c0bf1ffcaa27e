/**
 * What a first GitHub sync costs. The GitHub fake serves 50,000 issues (five
 * repositories, comments as generated: about half the issues have some). Two
 * clients read everything from it, each in its own process:
 *
 * - the ceiling: a bare fetch loop making the requests a sync needs (every page
 *   of every repository, newest first, and the comments of each issue that has
 *   any, eight at a time), parsing the JSON and nothing more: the fake's own
 *   serving rate;
 * - the agent: `airstore serve` with a GitHub connection to the fake, timed from
 *   its sync's start to its end as the API reports them, its peak memory (VmHWM)
 *   read from /proc.
 *
 * Then an idle incremental sync: its requests and time; and, for reference,
 * the store alone: the same 50,000 items committed page by page (100 items and
 * a cursor per transaction) in this process, without any HTTP. On Linux the
 * fake is pinned to core 0 and the client under test to core 1.
 *
 *   npm run bench:sync [-- --issues 50000 --repos 5]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '../connectors/github/fake/dataset.ts';
import { GitHubFake } from '../connectors/github/fake/server.ts';
import { mapThread } from '../connectors/github/map.ts';
import type { GitHubIssue } from '../connectors/github/types.ts';
import { memoryOf, pinToCore } from './processes.ts';
import { commitRate, finished } from './sync-measure.ts';
import { call, removeDataDir, startAgent } from '../test/helpers/agent.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '50000' },
    repos: { type: 'string', default: '5' },
    ceiling: { type: 'string' },
    token: { type: 'string' },
  },
});
const concurrency = 8;

if (values.ceiling) await readAll(values.ceiling, values.token!, values.repos!.split(','));
else await compare();

/** Child mode: the ceiling client. Prints `{ items, ms }`. */
async function readAll(base: string, token: string, repos: string[]): Promise<void> {
  const headers = { authorization: `token ${token}`, accept: 'application/vnd.github+json' };
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return { body: (await response.json()) as unknown[], link: response.headers.get('link') ?? '' };
  };
  const started = performance.now();
  let items = 0;
  for (const repo of repos) {
    for (let page = 1, more = true; more; page++) {
      const { body, link } = await get(`/repos/${repo}/issues?state=all&sort=updated&direction=desc&per_page=100&page=${page}`);
      const issues = body as GitHubIssue[];
      const commented = issues.filter((issue) => issue.comments > 0);
      let next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < commented.length) {
          const issue = commented[next++]!;
          await get(`/repos/${repo}/issues/${issue.number}/comments?per_page=100&page=1`);
        }
      }));
      items += issues.length;
      more = link.includes('rel="next"');
    }
  }
  process.stdout.write(JSON.stringify({ items, ms: performance.now() - started }));
}



async function compare(): Promise<void> {
  const dataset = generateDataset({ issues: Number(values.issues), repos: Number(values.repos), pullShare: 0, seed: 50 });
  const repos = dataset.repos.map((repo) => repo.repo.full_name);
  const commented = dataset.repos.flatMap((repo) => repo.threads).filter((thread) => thread.issue.comments > 0).length;
  const fake = new GitHubFake(dataset);
  await fake.listen();
  const pinned = pinToCore(process.pid, 0);

  const child = spawn(process.execPath, [import.meta.filename, '--ceiling', fake.url, '--token', dataset.token, '--repos', repos.join(',')], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (pinned) pinToCore(child.pid!, 1);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await once(child, 'close');
  const ceiling = JSON.parse(output) as { items: number; ms: number };
  const ceilingRequests = fake.count();
  fake.clearLog();

  const agent = await startAgent({ args: ['--log-level', 'warn'], autoSync: true });
  try {
    const agentPid = (JSON.parse(readFileSync(join(agent.dataDir, 'agent.json'), 'utf8')) as { pid: number }).pid;
    if (pinned) pinToCore(agentPid, 1);
    const idleMemory = memoryOf(agentPid);
    const key = agent.adminKey;
    const workspace = (await call(agent, 'POST', '/workspaces', { key, body: { name: 'bench' } })).body.external_id as string;
    const connection = (await call(agent, 'POST', `/workspaces/${workspace}/connections`, {
      key, body: { integrationType: 'github', accessToken: dataset.token, extra: { baseUrl: fake.url, requestsPerSecond: '0' } },
    })).body.external_id as string;
    const sync = await finished(agent, workspace, connection, 0);
    const syncMs = Date.parse(sync.last_finished_at) - Date.parse(sync.last_started_at);
    const memory = memoryOf(agentPid);
    const syncRequests = fake.count();

    fake.clearLog();
    const asked = Date.now();
    await call(agent, 'POST', `/workspaces/${workspace}/connections/${connection}/sync`, { key, body: {} });
    const idle = await finished(agent, workspace, connection, asked);
    const idleMs = Date.parse(idle.last_finished_at) - Date.parse(idle.last_started_at);

    const storeRate = commitRate('github', dataset.repos.flatMap((repo) => repo.threads).map(mapThread));
    const ceilingRate = (ceiling.items / ceiling.ms) * 1000;
    const syncRate = (sync.items / syncMs) * 1000;
    console.log(`\nSync benchmark: ${dataset.repos.length} repositories, ${sync.items} issues (${commented} with comments), first sync from the GitHub fake.`);
    console.log(pinned ? 'Fake pinned to core 0; the ceiling client and the agent to core 1.\n' : 'Not pinned (taskset unavailable).\n');
    console.log('| reader | items | requests | seconds | items/s | vs ceiling | peak RSS MB |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(`| fake's serving rate: bare fetch client (ceiling) | ${ceiling.items} | ${ceilingRequests} | ${(ceiling.ms / 1000).toFixed(1)} | ${Math.round(ceilingRate)} | 100% | |`);
    console.log(`| agent first sync (Octokit, map, render, SQLite) | ${sync.items} | ${syncRequests} | ${(syncMs / 1000).toFixed(1)} | ${Math.round(syncRate)} | ${((syncRate / ceilingRate) * 100).toFixed(0)}% | ${memory.peak.toFixed(0)} |`);
    console.log(`| reference: the store alone, same items, 100 per transaction | ${sync.items} | 0 | ${(sync.items / storeRate).toFixed(1)} | ${Math.round(storeRate)} | | |`);
    console.log(`\nAgent RSS: ${idleMemory.now.toFixed(0)} MB idle before the sync, ${memory.now.toFixed(0)} MB after, ${memory.peak.toFixed(0)} MB at its peak.`);
    console.log(`Idle incremental sync after it: ${fake.count()} requests (${fake.requests.map((request) => request.status).join(', ')}), ${idleMs} ms.`);
    console.log(`Aims: at least half the ceiling (${syncRate >= ceilingRate / 2 ? 'met' : 'NOT met'}); under 300 MB (${memory.peak < 300 ? 'met' : 'NOT met'}).`);
  } finally {
    await agent.stop();
    removeDataDir(agent.dataDir);
    await fake.close();
  }
}
