/**
 * What a first GitHub sync costs. The GitHub fake serves 50,000 issues (five
 * repositories, comments as generated: about half the issues have some). Two
 * clients read everything from it, each in its own process:
 *
 * - the ceiling: a bare loop making the requests a sync needs (every page of
 *   every repository, newest first, and the comments of each issue that has
 *   any, eight at a time), parsing the JSON and nothing more: the fake's own
 *   serving rate. It reads through `bufferedFetch` (src/sync/buffered-fetch.ts),
 *   the cheapest client we have: read through Node's fetch, the client's own
 *   cost set the pace and understated the fake's rate by about a fifth;
 * - the agent: `airstore serve` with a GitHub connection to the fake, timed from
 *   its sync's start to its end as the API reports them, its peak memory (VmHWM)
 *   read from /proc.
 *
 * Then an idle incremental sync: its requests and time; and, for reference,
 * the store alone: the same 50,000 items committed page by page (100 items and
 * a cursor per transaction) in a process of its own, without any HTTP; and the
 * same sync without its store writes (the connector through the engine, its
 * items dropped at each commit). On Linux the fake is pinned to core 0 and the
 * client under test to core 1. The bare client's CPU plus the store's is the
 * least a sync can cost on one core; the sync without its store writes plus the
 * store alone is what today's parts cost; both are printed beside the aim.
 *
 *   npm run bench:sync [-- --issues 50000 --repos 5]
 */
import { parseArgs } from 'node:util';
import { generateDataset } from '../connectors/github/fake/dataset.ts';
import { github } from '../connectors/github/index.ts';
import { GitHubFake } from '../connectors/github/fake/server.ts';
import { mapThread } from '../connectors/github/map.ts';
import { bufferedFetch } from '../src/sync/buffered-fetch.ts';
import type { StoredCredentials } from '../src/sync/runner.ts';
import type { GitHubIssue } from '../connectors/github/types.ts';
import { compareWithCeiling, reportRun, reportStoreAlone, reportWithoutStore } from './sync-measure.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '50000' },
    repos: { type: 'string', default: '5' },
    ceiling: { type: 'string' },
    token: { type: 'string' },
    store: { type: 'boolean' },
    'without-store': { type: 'string' },
  },
});
const concurrency = 8;
const datasetOptions = { issues: Number(values.issues), repos: Number(values.repos), pullShare: 0, seed: 50 };

if (values.ceiling) await reportRun(() => readAll(values.ceiling!, values.token!, values.repos!.split(',')));
else if (values['without-store']) await reportWithoutStore(github, JSON.parse(values['without-store']) as StoredCredentials);
else if (values.store) await reportStoreAlone('github', () => generateDataset(datasetOptions).repos.flatMap((repo) => repo.threads).map(mapThread));
else await compare();

/** Child mode: the ceiling client. Gives the number of issues read. */
async function readAll(base: string, token: string, repos: string[]): Promise<number> {
  const headers = { authorization: `token ${token}`, accept: 'application/vnd.github+json' };
  const get = async (path: string) => {
    const response = await bufferedFetch(`${base}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return { body: (await response.json()) as unknown[], link: response.headers.get('link') ?? '' };
  };
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
  return items;
}

async function compare(): Promise<void> {
  const dataset = generateDataset(datasetOptions);
  const repos = dataset.repos.map((repo) => repo.repo.full_name);
  const commented = dataset.repos.flatMap((repo) => repo.threads).filter((thread) => thread.issue.comments > 0).length;
  const fake = new GitHubFake(dataset);
  await fake.listen();
  await compareWithCeiling({
    fake,
    child: {
      script: import.meta.filename,
      ceilingArgs: ['--ceiling', fake.url, '--token', dataset.token, '--repos', repos.join(',')],
      storeArgs: ['--store', '--issues', values.issues!, '--repos', values.repos!],
    },
    connection: { integrationType: 'github', accessToken: dataset.token, extra: { baseUrl: fake.url, requestsPerSecond: '0' } },
    title: `Sync benchmark: ${dataset.repos.length} repositories, ${dataset.repos.reduce((n, repo) => n + repo.threads.length, 0)} issues (${commented} with comments), first sync from the GitHub fake.`,
    agentLabel: 'agent first sync (Octokit, map, render, SQLite)',
  });
}
