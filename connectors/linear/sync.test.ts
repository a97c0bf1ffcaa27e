import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Store, openStore } from '../../src/store/index.ts';
import { TokenBucket } from '../../src/sync/rate-limiter.ts';
import { runSync } from '../../src/sync/runner.ts';
import { removeDataDir, tempDataDir } from '../../test/helpers/agent.ts';
import { fakeApiKey, generateDataset } from './fake/dataset.ts';
import { LinearFake } from './fake/server.ts';
import { linear } from './index.ts';

describe('linear sync against the fake', () => {
  const fake = new LinearFake(generateDataset({ issues: 120, seed: 5 }));
  const dir = tempDataDir();
  let store: Store;
  let connectionId: number;
  before(async () => {
    await fake.listen();
    store = openStore(join(dir, 'airstore.db'));
    const workspace = store.workspaces.create({ externalId: 'ws_linear', name: 'w' });
    connectionId = store.connections.create({ externalId: 'conn_linear', workspaceId: workspace.id, integration: 'linear', scope: null, sealedCredentials: Buffer.from('-'), expiresAt: null }).id;
  });
  after(async () => {
    store.close();
    await fake.close();
    removeDataDir(dir);
  });

  async function sync(full = false) {
    fake.clearLog();
    await runSync({
      store, log: { info: () => {}, warn: () => {} }, policy: { attempts: 2, baseMs: 10, maxMs: 10, maxWaitMs: 100 },
      credentialsOf: () => ({ apiKey: fakeApiKey, extra: { baseUrl: `${fake.url}/graphql` } }),
      limiterFor: () => new TokenBucket(0, 1),
    }, store.connections.findById(connectionId)!, { ...linear, sync: linear.sync }, { full, signal: new AbortController().signal });
    const state = store.syncState.get(connectionId)!;
    return { state, cursor: JSON.parse(state.cursor!) as Record<string, string>, summary: JSON.parse(state.runSummary!), routes: fake.requests.map((request) => request.route) };
  }

  it('lists pages of 50 newest first, then reads changes since the newest update', async () => {
    const { state, cursor, summary, routes } = await sync();
    assert.equal(state.status, 'ok');
    assert.deepEqual(summary, { added: 120, updated: 0, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['Viewer', 'issues.list', 'issues.list', 'issues.list', 'issues.changes']);
    assert.equal(cursor.since, fake.liveIssues().map((issue) => issue.updatedAt).sort().at(-1));
    assert.deepEqual(Object.keys(cursor), ['since'], 'no listing or pass left in progress');
    assert.deepEqual(JSON.parse(store.connections.findById(connectionId)!.account!), { id: 'maria.chen@acme.dev', name: 'Maria Chen', email: 'maria.chen@acme.dev' });
  });

  it('costs one request when nothing changed, and sees a trashed issue as a deletion', async () => {
    assert.deepEqual((await sync()).routes, ['issues.changes']);
    const [issue] = fake.liveIssues();
    fake.trashIssue(issue!.id);
    const { summary, routes } = await sync();
    assert.deepEqual(routes, ['issues.changes']);
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 1 });
    assert.ok(store.items.find(connectionId, 'issue', issue!.id)!.deletedAt !== null);
  });

  it('re-lists on a reconcile without refetching what it has', async () => {
    const { summary, routes } = await sync(true);
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    assert.equal(routes.filter((route) => route === 'issues.list').length, 3);
  });
});
