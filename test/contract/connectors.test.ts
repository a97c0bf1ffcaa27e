import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { openStore } from '../../src/store/index.ts';
import type { ItemDraft } from '../../src/sync/connector.ts';
import type { FakeProvider } from '../../src/sync/fake/server.ts';
import { call, removeDataDir, startAgent, tempDataDir } from '../helpers/agent.ts';
import { cases } from './cases/index.ts';
import { type Connected, type SyncView, assertStoreEquals, connectAgent, isTombstoned, settled, syncNow, syncView, target } from './harness.ts';

const key = (item: { kind: string; externalId: string }) => `${item.kind} ${item.externalId}`;

for (const connector of cases) {
  describe(`${connector.integration} connector against its fake`, () => {
    const fakes: FakeProvider[] = [];
    after(() => Promise.all(fakes.map((fake) => fake.close())));
    const started = async (size: number | 'fixtures') => {
      const fake = connector.fake(size);
      fakes.push(fake);
      await fake.listen();
      return fake;
    };
    /** Connects an agent to the fake, checks its first sync made the store equal to the fake, then runs `then`. */
    const afterFirstSync = async (fake: FakeProvider, then: (connected: Connected, first: SyncView) => Promise<void>) => {
      const connected = await connectAgent(connector.connection(fake));
      try {
        const first = await settled(target(connected), connected.workspace, connected.connection);
        assert.equal(first.status, 'ok', JSON.stringify(first));
        assertStoreEquals(connected.agent.store, connected.connectionId, connector.expected(fake));
        await then(connected, first);
      } finally {
        await connected.close();
      }
    };

    it('makes the store equal to the fixtures on a first sync, and sets the account', async () => {
      const fake = await started('fixtures');
      await afterFirstSync(fake, async (connected, first) => {
        assert.equal(first.items, connector.expected(fake).length);
        assert.ok(connected.agent.store.connections.findById(connected.connectionId)?.account, 'the account is described');
      });
    });

    it('syncs a generated data set, then asks only for what changed, and tombstones deletions', async () => {
      const fake = await started(240);
      await afterFirstSync(fake, async (connected) => {
        fake.clearLog();
        const idle = await syncNow(connected);
        assert.equal(idle.status, 'ok');
        assert.deepEqual(idle.last_run, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
        assert.equal(fake.count(), connector.idleRequests(fake), 'an idle sync makes only the cursor\'s requests');

        const before = new Map(connector.expected(fake).map((item) => [key(item), item]));
        const changes = connector.change(fake);
        fake.clearLog();
        const changed = await syncNow(connected);
        assert.equal(changed.status, 'ok', JSON.stringify(changed));
        assert.ok(fake.count() <= connector.changedRequests(fake, changes), `${fake.count()} requests after the change`);
        const expected = connector.expected(fake);
        const store = connected.agent.store;
        if (connector.deletionsSeenBy === 'incremental') {
          assertStoreEquals(store, connected.connectionId, expected);
        } else {
          const stale = before.get(key(changes.deleted)) as ItemDraft;
          assertStoreEquals(store, connected.connectionId, [...expected, stale]);
          fake.clearLog();
          const reconciled = await syncNow(connected, { full: true });
          assert.equal(reconciled.status, 'ok');
          assertStoreEquals(store, connected.connectionId, expected);
          for (const route of connector.detailRoutes) assert.equal(fake.count(route), 0, `a reconcile with nothing new makes no ${route} request`);
        }
        assert.ok(isTombstoned(store, connected.connectionId, changes.deleted.kind, changes.deleted.externalId), 'the deletion is a tombstone');
      });
    });

    it('waits out 429 with Retry-After and retries a burst of 5xx, ending ok with everything synced', async () => {
      const fake = await started(60);
      fake.inject({ status: 429, times: 2, retryAfter: 1 });
      fake.inject({ status: 503, times: 2 });
      await afterFirstSync(fake, async () => {
        assert.equal(fake.requests.filter((request) => request.status === 429).length, 2);
        assert.equal(fake.requests.filter((request) => request.status === 503).length, 2);
      });
    });

    it('ends rate_limited, error or auth_failed as the provider fails, keeping what was synced', async () => {
      const fake = await started(60);
      await afterFirstSync(fake, async (connected) => {
        const synced = connector.expected(fake);
        connector.change(fake);

        fake.inject({ status: 429, times: 1000, retryAfter: 3600 });
        const limited = await syncNow(connected);
        assert.equal(limited.status, 'rate_limited', JSON.stringify(limited));
        assert.equal(limited.last_error_code, 'provider_rate_limited');
        assert.ok(Date.parse(limited.next_run_at!) >= Date.now() + 3_500_000, 'the next run waits for Retry-After');
        assertStoreEquals(connected.agent.store, connected.connectionId, synced);

        fake.clearFaults();
        fake.inject({ status: 500, times: 1000 });
        const down = await syncNow(connected);
        assert.equal(down.status, 'error', JSON.stringify(down));
        assert.equal(down.last_error_code, 'provider_unavailable');
        assertStoreEquals(connected.agent.store, connected.connectionId, synced);

        fake.clearFaults();
        fake.revoke();
        const refused = await syncNow(connected);
        assert.equal(refused.status, 'auth_failed', JSON.stringify(refused));
        assert.equal(refused.last_error_code, 'provider_auth_failed');
        assertStoreEquals(connected.agent.store, connected.connectionId, synced);

        fake.restore();
        const recovered = await syncNow(connected, { full: true });
        assert.equal(recovered.status, 'ok', JSON.stringify(recovered));
        assert.equal(recovered.last_error, null);
        assertStoreEquals(connected.agent.store, connected.connectionId, connector.expected(fake));
      });
    });

    it('resumes after SIGKILL in the middle of a first sync, with nothing lost or duplicated', async () => {
      const fake = await started(1500);
      fake.slow(connector.resumeSlowMs);
      const dataDir = tempDataDir();
      try {
        const first = await startAgent({ dataDir, autoSync: true });
        const admin = { apiUrl: first.apiUrl, adminKey: first.adminKey };
        const workspace = (await call(admin, 'POST', '/workspaces', { key: admin.adminKey, body: { name: 'killed' } })).body.external_id as string;
        const connection = (await call(admin, 'POST', `/workspaces/${workspace}/connections`, { key: admin.adminKey, body: connector.connection(fake) })).body.external_id as string;
        for (let view = await syncView(admin, workspace, connection); view.progress.synced < 300; view = await syncView(admin, workspace, connection)) {
          assert.notEqual(view.status, 'ok', 'the sync is still running when the agent is killed');
          await delay(10);
        }
        await first.kill();
        const killedAt = fake.requests.length;

        fake.slow(0);
        const second = await startAgent({ dataDir, autoSync: true });
        const view = await settled({ apiUrl: second.apiUrl, adminKey: second.adminKey }, workspace, connection);
        await second.stop();
        assert.equal(view.status, 'ok', JSON.stringify(view));
        const listing = fake.requests.filter((request) => connector.isListingRequest(request));
        assert.ok(listing.length <= connector.listingPages(fake) + 2, `${listing.length} listing requests for ${connector.listingPages(fake)} pages: the restart resumed`);
        assert.ok(fake.requests.slice(killedAt).some((request) => connector.isListingRequest(request)), 'the restart continued the listing');

        const store = openStore(join(dataDir, 'airstore.db'));
        try {
          const id = store.connections.findByExternalId(store.workspaces.findByExternalId(workspace)!.id, connection)!.id;
          assertStoreEquals(store, id, connector.expected(fake));
        } finally {
          store.close();
        }
      } finally {
        removeDataDir(dataDir);
      }
    });
  });
}
