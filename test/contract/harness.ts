import assert from 'node:assert/strict';
import { type IntegrationType, connectorFor } from '../../connectors/index.ts';
import { declaredMetadata } from '../../src/sync/declared-metadata.ts';
import { setTimeout as delay } from 'node:timers/promises';
import { type RunningAgent, startAgent } from '../../src/agent.ts';
import type { Store } from '../../src/store/index.ts';
import type { ItemRecord } from '../../src/store/items.ts';
import type { ConnectionSync } from '../../src/sdk/types.ts';
import type { ItemDraft } from '../../src/sync/connector.ts';
import { type ApiReply, call, removeDataDir, tempDataDir } from '../helpers/agent.ts';

export type SyncView = ConnectionSync;

export interface Connected {
  agent: RunningAgent;
  workspace: string;
  connection: string;
  connectionId: number;
  close(): Promise<void>;
}

const fastRetries = { baseMs: 20, maxMs: 200, maxWaitMs: 5_000 };

/** The real agent in this process (so tests read its store), with a connection to a fake; its first sync starts at once. */
export async function connectAgent(body: Record<string, unknown>, options: { dataDir?: string } = {}): Promise<Connected> {
  const dataDir = options.dataDir ?? tempDataDir();
  const agent = await startAgent({ dataDir, host: '127.0.0.1', port: 0, env: {}, syncRetry: fastRetries, logLevel: 'silent' });
  const key = agent.keys.adminKey;
  const workspace = (await api(agent, 'POST', '/workspaces', { name: `contract-${Date.now()}` })).body.external_id as string;
  const created = await api(agent, 'POST', `/workspaces/${workspace}/connections`, body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const connection = created.body.external_id as string;
  const record = agent.store.connections.findByExternalId(agent.store.workspaces.findByExternalId(workspace)!.id, connection)!;
  return {
    agent, workspace, connection, connectionId: record.id,
    close: async () => {
      await agent.close();
      if (!options.dataDir) removeDataDir(dataDir);
    },
  };
  function api(target: RunningAgent, method: string, path: string, payload?: unknown): Promise<ApiReply> {
    return call({ apiUrl: target.apiUrl }, method, path, { key, body: payload });
  }
}

export async function syncView(target: { apiUrl: string; adminKey: string }, workspace: string, connection: string): Promise<SyncView> {
  const listed = await call(target, 'GET', `/workspaces/${workspace}/connections`, { key: target.adminKey });
  const found = (listed.body.data as { external_id: string; sync: SyncView }[]).find((c) => c.external_id === connection);
  assert.ok(found, `connection ${connection} is listed`);
  return found.sync;
}

/** Waits until no run is in progress and one has finished after `since`. */
export async function settled(target: { apiUrl: string; adminKey: string }, workspace: string, connection: string, since = 0): Promise<SyncView> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const view = await syncView(target, workspace, connection);
    // A run in progress started after the last one finished (its status may read rate_limited meanwhile).
    const finished = view.last_finished_at ? Date.parse(view.last_finished_at) : -1;
    const started = view.last_started_at ? Date.parse(view.last_started_at) : 0;
    if (finished >= started && finished >= since) return view;
    if (Date.now() > deadline) throw new Error(`sync did not settle: ${JSON.stringify(view)}`);
    await delay(25);
  }
}

export function target(connected: Connected): { apiUrl: string; adminKey: string } {
  return { apiUrl: connected.agent.apiUrl, adminKey: connected.agent.keys.adminKey };
}

/** Asks for a sync through the API and waits for it to end. */
export async function syncNow(connected: Connected, options: { full?: boolean } = {}): Promise<SyncView> {
  const since = Date.now();
  const reply = await call(target(connected), 'POST', `/workspaces/${connected.workspace}/connections/${connected.connection}/sync`, {
    key: connected.agent.keys.adminKey, body: options.full ? { full: true } : {},
  });
  assert.equal(reply.status, 202, JSON.stringify(reply.body));
  return settled(target(connected), connected.workspace, connected.connection, since);
}

/** Live items of a connection, through the store's own queries. */
export function storedItems(store: Store, connectionId: number): ItemRecord[] {
  return store.syncState.versions(connectionId).map((version) => store.items.find(connectionId, version.kind, version.externalId)!);
}

/** The store holds exactly the expected items, byte for byte, once each; a declared field an item lacks is stored as null. */
export function assertStoreEquals(store: Store, connectionId: number, expected: readonly ItemDraft[]): void {
  const declared = declaredMetadata(connectorFor(store.connections.findById(connectionId)!.integration as IntegrationType));
  const stored = storedItems(store, connectionId);
  const key = (item: { kind: string; externalId: string }) => `${item.kind} ${item.externalId}`;
  const byKey = new Map(stored.map((item) => [key(item), item]));
  assert.equal(byKey.size, stored.length, 'no item is stored twice');
  const missing = expected.filter((item) => !byKey.has(key(item))).map(key);
  const extra = stored.filter((item) => !expected.some((wanted) => key(wanted) === key(item))).map(key);
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, 'the store holds the fake data set');
  for (const want of expected) {
    const got = byKey.get(key(want))!;
    assert.equal(got.title, want.title, `title of ${key(want)}`);
    assert.equal(got.fileName, want.fileName, `file name of ${key(want)}`);
    assert.equal(got.updatedAt, want.updatedAt, `updatedAt of ${key(want)}`);
    assert.deepEqual(JSON.parse(got.metadata), JSON.parse(JSON.stringify(declared(want.metadata))), `metadata of ${key(want)}`);
    assert.equal(got.content?.toString(), want.content.toString(), `content of ${key(want)}`);
  }
}

/** Whether the store keeps a tombstone for the item. */
export function isTombstoned(store: Store, connectionId: number, kind: string, externalId: string): boolean {
  const item = store.items.find(connectionId, kind, externalId);
  return item !== undefined && item.deletedAt !== null;
}
