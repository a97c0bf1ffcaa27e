import { join } from 'node:path';
import { after, before } from 'node:test';
import { type Store, openStore } from '../../src/store/index.ts';
import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import type { FakeProvider } from '../../src/sync/fake/server.ts';
import { TokenBucket } from '../../src/sync/rate-limiter.ts';
import { type StoredCredentials, runSync } from '../../src/sync/runner.ts';
import type { RunSummary, SyncStateRecord } from '../../src/store/sync-state.ts';
import { removeDataDir, tempDataDir } from './agent.ts';

export interface RunResult {
  state: SyncStateRecord;
  cursor: Record<string, string>;
  summary: RunSummary;
}

/**
 * A connector's runs straight through the engine on a temporary store, without
 * an agent: for connector tests that assert summaries and saved cursors.
 */
export class ConnectorRuns {
  readonly store: Store;
  /** The store's directory (its database and blobs). */
  readonly dataDir: string;
  readonly #connector: ConnectorDefinition;

  constructor(connector: ConnectorDefinition) {
    this.#connector = connector;
    this.dataDir = tempDataDir();
    this.store = openStore(join(this.dataDir, 'airstore.db'));
  }

  /** A new connection in a workspace of its own (a workspace has one connection per integration). */
  connection(): number {
    const workspace = this.store.workspaces.create({ externalId: `ws_${this.store.workspaces.list().length}`, name: `w${this.store.workspaces.list().length}` });
    return this.store.connections.create({
      externalId: `conn_${workspace.id}`, workspaceId: workspace.id, integration: this.#connector.id, scope: null, sealedCredentials: Buffer.from('-'), expiresAt: null,
    }).id;
  }

  async run(connectionId: number, credentials: StoredCredentials, options: { full?: boolean } = {}): Promise<RunResult> {
    await runSync({
      store: this.store,
      log: { info: () => {}, warn: () => {} },
      policy: { attempts: 2, baseMs: 10, maxMs: 10, maxWaitMs: 100 },
      credentialsOf: () => credentials,
      limiterFor: () => new TokenBucket(0, 1),
    }, this.store.connections.findById(connectionId)!, this.#connector, { full: options.full ?? false, signal: new AbortController().signal });
    const state = this.store.syncState.get(connectionId)!;
    return { state, cursor: JSON.parse(state.cursor ?? '{}'), summary: JSON.parse(state.runSummary ?? '{}') };
  }

  close(): void {
    this.store.close();
    removeDataDir(this.dataDir);
  }
}

/** Inside a `describe`: the fake listening and a fresh store with one connection, both closed after the suite. */
export function runsAgainst(connector: ConnectorDefinition, fake: FakeProvider): { runs: ConnectorRuns; store: Store; connectionId: number } {
  const runs = new ConnectorRuns(connector);
  const connectionId = runs.connection();
  before(() => fake.listen());
  after(async () => {
    runs.close();
    await fake.close();
  });
  return { runs, store: runs.store, connectionId };
}
