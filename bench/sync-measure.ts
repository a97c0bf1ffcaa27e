/** What the sync benchmarks measure besides the sync itself: a run's end and the store's own rate. */
import { join } from 'node:path';
import { openStore } from '../src/store/index.ts';
import type { ItemDraft } from '../src/sync/connector.ts';
import { call, removeDataDir, tempDataDir } from '../test/helpers/agent.ts';

/** Items a second the store commits in pages of 100 with a cursor each, as a sync does. */
export function commitRate(integration: string, items: ItemDraft[]): number {
  const dir = tempDataDir();
  const store = openStore(join(dir, 'airstore.db'));
  try {
    const workspace = store.workspaces.create({ externalId: 'ws_bench', name: 'bench' });
    const { id } = store.connections.create({ externalId: 'conn_bench', workspaceId: workspace.id, integration, scope: null, sealedCredentials: Buffer.from('-'), expiresAt: null });
    store.syncState.start(id);
    const summary = { added: 0, updated: 0, unchanged: 0, deleted: 0 };
    const started = performance.now();
    for (let i = 0; i < items.length; i += 100) {
      const page = items.slice(i, i + 100).map((item) => ({ connectionId: id, ...item }));
      store.syncState.commitPage(id, { items: page, deleted: [], cursor: JSON.stringify({ page: i / 100 }), itemsSynced: i + page.length, itemsTotal: null }, summary);
    }
    return (items.length / (performance.now() - started)) * 1000;
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
