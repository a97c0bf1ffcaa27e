import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { call, removeDataDir, startAgent, tempDataDir } from '../helpers/agent.ts';

describe('agent restarts', () => {
  it('keeps workspaces, connections, folders and tokens across a restart', async () => {
    const dataDir = tempDataDir();
    try {
      const first = await startAgent({ dataDir });
      const key = first.adminKey;
      const ws = (await call(first, 'POST', '/workspaces', { key, body: { name: 'durable' } })).body.external_id;
      await call(first, 'POST', `/workspaces/${ws}/connections`, { key, body: { integrationType: 'linear', apiKey: 'lin_api_x' } });
      await call(first, 'POST', `/workspaces/${ws}/smart-folders`, {
        key, body: { integration: 'linear', name: 'Sprint', guidance: 'high priority issues in the current sprint' },
      });
      const { token } = (await call(first, 'POST', `/workspaces/${ws}/tokens`, { key, body: { name: 'vm' } })).body;
      await first.stop();

      const second = await startAgent({ dataDir });
      try {
        assert.equal(second.adminKey, key, 'the admin key survives');
        const byToken = await call(second, 'GET', `/workspaces/${ws}/smart-folders`, { key: token });
        assert.equal(byToken.status, 200, 'the token still works');
        assert.deepEqual(byToken.body.data.map((f: { path: string }) => f.path), ['/linear/sprint']);
        const connections = await call(second, 'GET', `/workspaces/${ws}/connections`, { key });
        assert.deepEqual(connections.body.data.map((c: { integration_type: string }) => c.integration_type), ['linear']);
      } finally {
        await second.stop();
      }
    } finally {
      removeDataDir(dataDir);
    }
  });

  it('prints the admin key at the first start only', async () => {
    const dataDir = tempDataDir();
    try {
      const first = await startAgent({ dataDir });
      await first.stop();
      assert.ok(first.output().includes(first.adminKey), 'first start shows the key');
      const second = await startAgent({ dataDir });
      await second.stop();
      assert.ok(!second.output().includes(first.adminKey), 'later starts do not');
      assert.match(second.output(), /admin key: in .*admin\.key/);
    } finally {
      removeDataDir(dataDir);
    }
  });

  it('uses AIRSTORE_ADMIN_KEY as the admin key when it is set', async () => {
    const adminKey = 'provisioning-key-0123456789abcdef';
    const agent = await startAgent({ env: { AIRSTORE_ADMIN_KEY: adminKey } });
    try {
      assert.equal((await call(agent, 'GET', '/workspaces', { key: adminKey })).status, 200);
      assert.ok(!agent.output().includes(adminKey), 'the key from the environment is not echoed');
    } finally {
      await agent.stop();
      removeDataDir(agent.dataDir);
    }
  });

  it('refuses to start a second agent on the same data directory', async () => {
    const agent = await startAgent();
    try {
      await assert.rejects(startAgent({ dataDir: agent.dataDir }), /already running/);
      assert.equal((await call(agent, 'GET', '/health')).status, 200, 'the first agent is unharmed');
    } finally {
      await agent.stop();
      removeDataDir(agent.dataDir);
    }
  });
});

describe('a stale agent.json', () => {
  it('does not stop a new agent when the recorded pid is alive but is not an agent', async () => {
    const dataDir = tempDataDir();
    try {
      writeFileSync(join(dataDir, 'agent.json'), JSON.stringify({ pid: process.pid, apiUrl: 'http://127.0.0.1:9/api/v1', startedAt: '' }));
      const agent = await startAgent({ dataDir });
      assert.equal((await call(agent, 'GET', '/health')).status, 200);
      await agent.stop();
    } finally {
      removeDataDir(dataDir);
    }
  });
});

describe('--manual-sync', () => {
  it('never starts a sync on its own, and runs one when asked', async () => {
    const agent = await startAgent();
    try {
      const ws = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'quiet' } })).body.external_id;
      const connection = (await call(agent, 'POST', `/workspaces/${ws}/connections`, {
        key: agent.adminKey, body: { integrationType: 'github', accessToken: 'ghp_x', extra: { baseUrl: 'http://127.0.0.1:9' } },
      })).body.external_id;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const idle = (await call(agent, 'GET', `/workspaces/${ws}/connections`, { key: agent.adminKey })).body.data[0];
      assert.equal(idle.sync.status, 'pending', 'nothing ran on a schedule');
      assert.equal((await call(agent, 'POST', `/workspaces/${ws}/connections/${connection}/sync`, { key: agent.adminKey })).status, 202);
      let status = 'pending';
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && status === 'pending'; ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await call(agent, 'GET', `/workspaces/${ws}/connections`, { key: agent.adminKey })).body.data[0].sync.status;
      }
      // Nothing listens at its base URL, so the run is retrying or has failed: either way it started.
      assert.ok(status === 'syncing' || status === 'error', status);
    } finally {
      await agent.stop();
      removeDataDir(agent.dataDir);
    }
  });
});
