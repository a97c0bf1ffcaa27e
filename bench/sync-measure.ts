/** What the sync benchmarks measure besides the sync itself: a run's end and the store's own rate. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/store/index.ts';
import type { PageWrite, RunSummary } from '../src/store/sync-state.ts';
import type { ConnectorDefinition, ItemDraft } from '../src/sync/connector.ts';
import type { FakeProvider } from '../src/sync/fake/server.ts';
import { TokenBucket } from '../src/sync/rate-limiter.ts';
import { defaultRetryPolicy } from '../src/sync/retry.ts';
import { type StoredCredentials, runSync } from '../src/sync/runner.ts';
import { call, removeDataDir, startAgent, tempDataDir } from '../test/helpers/agent.ts';
import { cpuSecondsOf, memoryOf, pinToCore } from './processes.ts';

/** What a benchmark's child process prints: how many items it read or wrote, in how long, with how much CPU. */
export interface ChildRun {
  items: number;
  ms: number;
  cpuMs: number;
}

/** Times `work` (which returns its item count) and prints the child's `ChildRun`. */
export async function reportRun(work: () => Promise<number>): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const items = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ items, ms, cpuMs: (used.user + used.system) / 1000 } satisfies ChildRun));
}

/**
 * Child mode of the store alone: the store commits `items` in pages of 100 with a
 * cursor each, as a sync does, in a process of its own (so that neither the fake's
 * data set nor the bench's heap weighs on its collector).
 */
export async function reportStoreAlone(integration: string, items: () => ItemDraft[]): Promise<void> {
  const drafts = items();
  const dir = tempDataDir();
  const store = openStore(join(dir, 'airstore.db'));
  try {
    const workspace = store.workspaces.create({ externalId: 'ws_bench', name: 'bench' });
    const { id } = store.connections.create({ externalId: 'conn_bench', workspaceId: workspace.id, integration, scope: null, sealedCredentials: Buffer.from('-'), expiresAt: null });
    store.syncState.start(id);
    const summary = { added: 0, updated: 0, unchanged: 0, deleted: 0 };
    await reportRun(async () => {
      for (let i = 0; i < drafts.length; i += 100) {
        const page = drafts.slice(i, i + 100).map((item) => ({ connectionId: id, ...item }));
        store.syncState.commitPage(id, { items: page, metadataOnly: [], deleted: [], cursor: JSON.stringify({ page: i / 100 }), itemsSynced: i + page.length, itemsTotal: null }, summary);
      }
      return drafts.length;
    });
  } finally {
    store.close();
    removeDataDir(dir);
  }
}

/**
 * Child mode of the sync without its store writes: the connector run through the
 * engine (limiter, retries, mapping, rendering, metadata, page commits with their
 * cursors) against the parent's fake, each page's items dropped just before the
 * store would write them. What a sync costs apart from the store.
 */
export async function reportWithoutStore(connector: ConnectorDefinition, credentials: StoredCredentials): Promise<void> {
  const dir = tempDataDir();
  const store = openStore(join(dir, 'airstore.db'));
  try {
    const workspace = store.workspaces.create({ externalId: 'ws_bench', name: 'bench' });
    const connection = store.connections.create({
      externalId: 'conn_bench', workspaceId: workspace.id, integration: connector.id, scope: null, sealedCredentials: Buffer.from('-'), expiresAt: null,
    });
    let items = 0;
    const syncState = new Proxy(store.syncState, {
      get(target, property) {
        if (property === 'commitPage') {
          return (id: number, page: PageWrite, summary: RunSummary) => {
            items += page.items.length;
            return target.commitPage(id, { ...page, items: [] }, summary);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await reportRun(async () => {
      await runSync({
        store: { ...store, syncState },
        credentialsOf: () => credentials,
        limiterFor: () => new TokenBucket(0, 1),
        policy: defaultRetryPolicy,
        log: { info: () => {}, warn: (message) => console.error(message) },
      }, connection, connector, { full: true, signal: new AbortController().signal });
      return items;
    });
  } finally {
    store.close();
    removeDataDir(dir);
  }
}

export interface SyncFigures {
  status: string;
  items: number;
  last_started_at: string;
  last_finished_at: string;
}

/** Waits for the connection's run that ends after `since`; throws unless it ended ok. */
export async function finished(agent: { apiUrl: string; adminKey: string }, workspace: string, connection: string, since: number): Promise<SyncFigures> {
  for (;;) {
    const listed = await call(agent, 'GET', `/workspaces/${workspace}/connections`, { key: agent.adminKey });
    const sync = (listed.body.data as { external_id: string; sync: SyncFigures }[]).find((c) => c.external_id === connection)!.sync;
    const done = sync.last_finished_at && Date.parse(sync.last_finished_at) >= Math.max(since, Date.parse(sync.last_started_at ?? ''));
    if (done) {
      if (sync.status !== 'ok') throw new Error(`the sync ended ${sync.status}: ${JSON.stringify(sync)}`);
      return sync;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface CeilingComparison {
  /** The fake, already listening, whose requests are counted. */
  fake: FakeProvider;
  /**
   * The benchmark script itself and its arguments for its child modes, each
   * printing a `ChildRun`: the ceiling client, the store alone (`reportStoreAlone`),
   * and, with `--without-store` and the connection's credentials as JSON, the sync
   * without its store writes (`reportWithoutStore`).
   */
  child: { script: string; ceilingArgs: string[]; storeArgs: string[] };
  /** The body of the connection the agent syncs. */
  connection: { integrationType: string; accessToken: string; extra: Record<string, string> };
  /** The headline and the label of the agent's row. */
  title: string;
  agentLabel: string;
}

/**
 * The shared shape of the sync benchmarks: the fake's serving rate read by a bare
 * client in its own process (the ceiling), then `airstore serve` syncing the same
 * data, then an idle incremental sync, and the store alone for reference; the
 * fake on core 0, the client under test on core 1. Prints the table and the aims.
 */
const ceilingRepeats = 3;

/** One run of a child mode of the benchmark script, in its own process on core 1. */
async function runChild(script: string, args: string[], pinned: boolean): Promise<ChildRun> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (pinned) pinToCore(child.pid!, 1);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await once(child, 'close');
  return JSON.parse(output) as ChildRun;
}

export async function compareWithCeiling(bench: CeilingComparison): Promise<void> {
  const { fake } = bench;
  const pinned = pinToCore(process.pid, 0);
  // The fake's rate varies by a third between runs on a shared VM: the ceiling is the median of three.
  const ceilingRuns: ChildRun[] = [];
  for (let run = 0; run < ceilingRepeats; run++) {
    fake.clearLog();
    ceilingRuns.push(await runChild(bench.child.script, bench.child.ceilingArgs, pinned));
  }
  const ceilingRequests = fake.count();
  fake.clearLog();
  const ceiling = [...ceilingRuns].sort((a, b) => a.ms - b.ms)[Math.floor(ceilingRepeats / 2)]!;

  const agent = await startAgent({ args: ['--log-level', 'warn'], autoSync: true });
  try {
    const agentPid = (JSON.parse(readFileSync(join(agent.dataDir, 'agent.json'), 'utf8')) as { pid: number }).pid;
    if (pinned) pinToCore(agentPid, 1);
    const idleMemory = memoryOf(agentPid);
    const idleCpu = cpuSecondsOf(agentPid);
    const key = agent.adminKey;
    const workspace = (await call(agent, 'POST', '/workspaces', { key, body: { name: 'bench' } })).body.external_id as string;
    const connection = (await call(agent, 'POST', `/workspaces/${workspace}/connections`, { key, body: bench.connection })).body.external_id as string;
    const sync = await finished(agent, workspace, connection, 0);
    const syncMs = Date.parse(sync.last_finished_at) - Date.parse(sync.last_started_at);
    const memory = memoryOf(agentPid);
    const syncCpu = cpuSecondsOf(agentPid) - idleCpu;
    const syncRequests = fake.count();

    fake.clearLog();
    const asked = Date.now();
    await call(agent, 'POST', `/workspaces/${workspace}/connections/${connection}/sync`, { key, body: {} });
    const idle = await finished(agent, workspace, connection, asked);
    const idleMs = Date.parse(idle.last_finished_at) - Date.parse(idle.last_started_at);
    const idleRequests = fake.requests.map((request) => `${request.route} ${request.status}`);

    const store = await runChild(bench.child.script, bench.child.storeArgs, pinned);
    const { accessToken, extra } = bench.connection;
    fake.clearLog();
    const withoutStore = await runChild(bench.child.script, ['--without-store', JSON.stringify({ accessToken, extra })], pinned);
    const withoutStoreRequests = fake.count();
    const storeRate = (store.items / store.ms) * 1000;
    const ceilingRate = (ceiling.items / ceiling.ms) * 1000;
    const syncRate = (sync.items / syncMs) * 1000;
    console.log(`\n${bench.title}`);
    console.log(pinned ? 'Fake pinned to core 0; the ceiling client and the agent to core 1.\n' : 'Not pinned (taskset unavailable).\n');
    console.log('| reader | items | requests | seconds | items/s | vs ceiling | peak RSS MB |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(`| fake's serving rate: bare client (ceiling) | ${ceiling.items} | ${ceilingRequests} | ${(ceiling.ms / 1000).toFixed(1)} | ${Math.round(ceilingRate)} | 100% | |`);
    console.log(`| ${bench.agentLabel} | ${sync.items} | ${syncRequests} | ${(syncMs / 1000).toFixed(1)} | ${Math.round(syncRate)} | ${((syncRate / ceilingRate) * 100).toFixed(0)}% | ${memory.peak.toFixed(0)} |`);
    console.log(`| reference: the store alone, same items, 100 per transaction | ${store.items} | 0 | ${(store.ms / 1000).toFixed(1)} | ${Math.round(storeRate)} | | |`);
    const withoutStoreRate = (withoutStore.items / withoutStore.ms) * 1000;
    console.log(`| reference: the same sync without its store writes | ${withoutStore.items} | ${withoutStoreRequests} | ${(withoutStore.ms / 1000).toFixed(1)} | ${Math.round(withoutStoreRate)} | ${((withoutStoreRate / ceilingRate) * 100).toFixed(0)}% | |`);
    console.log(`\nCeiling runs: ${ceilingRuns.map((run) => (run.ms / 1000).toFixed(1)).join(', ')} s (the median is the ceiling).`);
    console.log(`Agent CPU during the sync: ${syncCpu.toFixed(1)} s in ${(syncMs / 1000).toFixed(1)} s (${((syncCpu * 1000 / syncMs) * 100).toFixed(0)}% of a core; ${((syncCpu * 1e6) / sync.items).toFixed(0)} µs per item).`);
    console.log(`Agent RSS: ${idleMemory.now.toFixed(0)} MB idle before the sync, ${memory.now.toFixed(0)} MB after, ${memory.peak.toFixed(0)} MB at its peak.`);
    // On one core the agent does at least what the bare client does (the same reads, parsed) and what the store alone does.
    const floorMs = ceiling.cpuMs + store.cpuMs;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(`Least CPU a sync can take on one core: the bare client's reads ${seconds(ceiling.cpuMs)} s (${Math.round((ceiling.cpuMs * 1000) / ceiling.items)} µs per item) + the store alone ${seconds(store.cpuMs)} s = ${seconds(floorMs)} s, before the SDK, mapping and rendering; half the ceiling is ${seconds(ceiling.ms * 2)} s.`);
    // Whatever the store costs, the rest of the sync takes at least this on the agent's one core.
    console.log(`CPU of the parts on one core: the sync without its store writes ${seconds(withoutStore.cpuMs)} s (${Math.round((withoutStore.cpuMs * 1000) / withoutStore.items)} µs per item) + the store alone ${seconds(store.cpuMs)} s = ${seconds(withoutStore.cpuMs + store.cpuMs)} s, against the agent's ${syncCpu.toFixed(1)} s; half the ceiling is ${seconds(ceiling.ms * 2)} s.`);
    console.log(`Idle incremental sync after it: ${idleRequests.length} requests (${idleRequests.join(', ')}), ${idleMs} ms.`);
    console.log(`Aims: at least half the ceiling (${syncRate >= ceilingRate / 2 ? 'met' : 'NOT met'}); under 300 MB (${memory.peak < 300 ? 'met' : 'NOT met'}).`);
  } finally {
    await agent.stop();
    removeDataDir(agent.dataDir);
    await fake.close();
  }
}
