import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fixtureDataset } from '../../connectors/github/fake/dataset.ts';
import { GitHubFake } from '../../connectors/github/fake/server.ts';
import { type TestAgent, call, cliEntry, removeDataDir, startAgent } from '../helpers/agent.ts';

/** `airstore …` in its own process, finding the agent through its data directory. */
function airstore(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliEntry, ...args], { env: { ...process.env, AIRSTORE_HOME: dataDir, AIRSTORE_API_KEY: '', AIRSTORE_BASE_URL: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

describe('airstore sync', () => {
  const fake = new GitHubFake(fixtureDataset());
  let agent: TestAgent;
  let workspace: string;
  before(async () => {
    await fake.listen();
    agent = await startAgent();
    const key = agent.adminKey;
    workspace = (await call(agent, 'POST', '/workspaces', { key, body: { name: 'cli-sync' } })).body.external_id;
    await call(agent, 'POST', `/workspaces/${workspace}/connections`, {
      key, body: { integrationType: 'github', accessToken: fixtureDataset().token, extra: { baseUrl: fake.url, requestsPerSecond: '0' } },
    });
  });
  after(async () => {
    await agent.stop();
    await fake.close();
    removeDataDir(agent.dataDir);
  });

  it('syncs every connection that syncs, waits, and prints each state', async () => {
    const result = await airstore(agent.dataDir, 'sync', workspace, '--wait', '--full');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^CONNECTION\s+INTEGRATION\s+STATUS\s+ITEMS\s+LAST_SUCCESS\s+ERROR\n/);
    assert.match(result.stdout, /conn_\S+\s+github\s+ok\s+6\s+\d{4}-/);
  });

  it('shows sync state in connection list', async () => {
    const result = await airstore(agent.dataDir, 'connection', 'list', workspace);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /github\s+ok\s+6/);
  });

  it('exits 1 when the sync does not end ok, and says why', async () => {
    fake.revoke();
    const result = await airstore(agent.dataDir, 'sync', workspace, '--wait');
    fake.restore();
    assert.equal(result.code, 1);
    assert.match(result.stdout, /github\s+auth_failed\s+6\s+\S+\s+the provider refused the credentials: GitHub: Bad credentials/);
  });
});
