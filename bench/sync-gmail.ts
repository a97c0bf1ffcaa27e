/**
 * What a first Gmail sync costs. The Gmail fake serves a mailbox of 50,000
 * messages (invoices with PDFs, receipts, newsletters, conversations). Two
 * clients read everything from it, each in its own process:
 *
 * - the ceiling: a bare fetch loop making the requests a sync needs (every
 *   page of `messages.list`, then each message with `format=raw`, eight at a
 *   time), parsing the JSON and nothing more: the fake's own serving rate;
 * - the agent: `airstore serve` with a Gmail connection to the fake, timed from
 *   its sync's start to its end as the API reports them, its peak memory
 *   (VmHWM) read from /proc.
 *
 * Then an idle incremental sync (one `history.list`), and for reference the
 * store alone committing the same items 100 per transaction. On Linux the fake
 * is pinned to core 0 and the client under test to core 1.
 *
 *   npm run bench:sync [-- --messages 50000]   (or node bench/sync-gmail.ts)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '../connectors/gmail/fake/dataset.ts';
import { GmailFake } from '../connectors/gmail/fake/server.ts';
import { mapMessage } from '../connectors/gmail/map.ts';
import { fakeOAuth } from '../src/sync/fake/google.ts';
import { call, removeDataDir, startAgent } from '../test/helpers/agent.ts';
import { memoryOf, pinToCore as pin } from './processes.ts';
import { commitRate, finished } from './sync-measure.ts';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '50000' }, ceiling: { type: 'string' } }, strict: false });
const concurrency = 8;

if (typeof values.ceiling === 'string') await readAll(values.ceiling);
else await compare();

/** Child mode: the ceiling client. Prints `{ items, ms }`. */
async function readAll(base: string): Promise<void> {
  const headers = { authorization: `Bearer ${fakeOAuth.accessToken}` };
  const get = async (path: string) => {
    const response = await fetch(`${base}/gmail/v1/users/me${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json() as Promise<{ messages?: { id: string }[]; nextPageToken?: string }>;
  };
  const started = performance.now();
  let items = 0;
  let pageToken: string | undefined;
  do {
    const page = await get(`/messages?maxResults=100${pageToken ? `&pageToken=${pageToken}` : ''}`);
    const ids = (page.messages ?? []).map((message) => message.id);
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < ids.length) await get(`/messages/${ids[next++]}?format=raw`);
    }));
    items += ids.length;
    pageToken = page.nextPageToken;
  } while (pageToken);
  process.stdout.write(JSON.stringify({ items, ms: performance.now() - started }));
}

async function compare(): Promise<void> {
  const dataset = generateDataset({ messages: Number(values.messages), seed: 50 });
  const fake = new GmailFake(dataset);
  await fake.listen();
  const pinned = pin(process.pid, 0);

  const child = spawn(process.execPath, [import.meta.filename, '--ceiling', fake.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (pinned) pin(child.pid!, 1);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await once(child, 'close');
  const ceiling = JSON.parse(output) as { items: number; ms: number };
  const ceilingRequests = fake.count();
  fake.clearLog();

  const agent = await startAgent({ args: ['--log-level', 'warn'], autoSync: true });
  try {
    const agentPid = (JSON.parse(readFileSync(join(agent.dataDir, 'agent.json'), 'utf8')) as { pid: number }).pid;
    if (pinned) pin(agentPid, 1);
    const idleMemory = memoryOf(agentPid);
    const key = agent.adminKey;
    const workspace = (await call(agent, 'POST', '/workspaces', { key, body: { name: 'bench' } })).body.external_id as string;
    const connection = (await call(agent, 'POST', `/workspaces/${workspace}/connections`, {
      key, body: { integrationType: 'gmail', accessToken: fakeOAuth.accessToken, extra: { baseUrl: fake.url, window: '0', requestsPerSecond: '0' } },
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

    const labels = fake.labelNames();
    const storeRate = commitRate('gmail', fake.messages().map((message) => mapMessage(message, labels)));
    const ceilingRate = (ceiling.items / ceiling.ms) * 1000;
    const syncRate = (sync.items / syncMs) * 1000;
    console.log(`\nGmail sync benchmark: ${sync.items} messages, first sync from the Gmail fake (format=raw, one request per message).`);
    console.log(pinned ? 'Fake pinned to core 0; the ceiling client and the agent to core 1.\n' : 'Not pinned (taskset unavailable).\n');
    console.log('| reader | items | requests | seconds | items/s | vs ceiling | peak RSS MB |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(`| fake's serving rate: bare fetch client (ceiling) | ${ceiling.items} | ${ceilingRequests} | ${(ceiling.ms / 1000).toFixed(1)} | ${Math.round(ceilingRate)} | 100% | |`);
    console.log(`| agent first sync (@googleapis/gmail, MIME headers, SQLite) | ${sync.items} | ${syncRequests} | ${(syncMs / 1000).toFixed(1)} | ${Math.round(syncRate)} | ${((syncRate / ceilingRate) * 100).toFixed(0)}% | ${memory.peak.toFixed(0)} |`);
    console.log(`| reference: the store alone, same items, 100 per transaction | ${sync.items} | 0 | ${(sync.items / storeRate).toFixed(1)} | ${Math.round(storeRate)} | | |`);
    console.log(`\nAgent RSS: ${idleMemory.now.toFixed(0)} MB idle before the sync, ${memory.now.toFixed(0)} MB after, ${memory.peak.toFixed(0)} MB at its peak.`);
    console.log(`Idle incremental sync after it: ${fake.count()} requests (${fake.requests.map((request) => `${request.route} ${request.status}`).join(', ')}), ${idleMs} ms.`);
  } finally {
    await agent.stop();
    removeDataDir(agent.dataDir);
    await fake.close();
  }
}
