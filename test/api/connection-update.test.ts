import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { fixtureDataset } from '../../connectors/github/fake/dataset.ts';
import { GitHubFake } from '../../connectors/github/fake/server.ts';
import { type TestAgent, call, removeDataDir, startAgent } from '../helpers/agent.ts';

describe('PATCH a connection: rotated credentials', () => {
  const fake = new GitHubFake(fixtureDataset());
  let agent: TestAgent;
  let base: string;
  const admin = (method: string, path: string, body?: unknown) => call(agent, method, `${base}${path}`, { key: agent.adminKey, body });

  /** The connection's sync view once no run is in progress and one has finished after `since`. */
  async function settled(connection: string, since: number) {
    for (let tries = 0; tries < 600; tries++) {
      const listed = await admin('GET', '/connections');
      const sync = listed.body.data.find((c: { external_id: string }) => c.external_id === connection).sync;
      if (sync.status !== 'syncing' && sync.last_finished_at && Date.parse(sync.last_finished_at) >= since) return sync;
      await delay(100);
    }
    throw new Error('the sync did not end');
  }

  before(async () => {
    await fake.listen();
    agent = await startAgent();
    const workspace = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'rotation' } })).body.external_id;
    base = `/workspaces/${workspace}`;
  });
  after(async () => {
    await agent.stop();
    await fake.close();
    removeDataDir(agent.dataDir);
  });

  it('replaces a refused token, syncs with the new one at once, and never answers a secret', async () => {
    const extra = { baseUrl: fake.url, requestsPerSecond: '0' };
    const created = await admin('POST', '/connections', { integrationType: 'github', accessToken: 'ghp_expired_0000', extra });
    const connection = created.body.external_id;
    const first = Date.now();
    await admin('POST', `/connections/${connection}/sync`, {});
    assert.equal((await settled(connection, first)).status, 'auth_failed');

    const asked = Date.now();
    const updated = await admin('PATCH', `/connections/${connection}`, { accessToken: fixtureDataset().token });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.ok(!JSON.stringify(updated.body).includes(fixtureDataset().token), 'the token is not answered');
    const sync = await settled(connection, asked);
    assert.equal(sync.status, 'ok', sync.last_error);
    assert.equal(sync.items, 6);
    assert.ok(!JSON.stringify((await admin('GET', '/connections')).body).includes('ghp_'), 'no token in the listing');
  });

  it('refuses an empty change, an unknown field, a token principal and an unknown connection', async () => {
    const connection = (await admin('GET', '/connections')).body.data[0].external_id;
    assert.equal((await admin('PATCH', `/connections/${connection}`, {})).status, 400);
    const unknown = await admin('PATCH', `/connections/${connection}`, { integrationType: 'slack' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'invalid_request');
    assert.equal((await admin('PATCH', '/connections/conn_missing', { apiKey: 'k' })).status, 404);
    const workspaceToken = (await admin('POST', '/tokens', { name: 'reader' })).body.token;
    const asToken = await call(agent, 'PATCH', `${base}/connections/${connection}`, { key: workspaceToken, body: { accessToken: 'x' } });
    assert.equal(asToken.status, 403);
  });
});
