/**
 * The whole data flow, end to end: the GitHub fake → connector → store → smart
 * folder → tree → HTTP fs routes and a FUSE mount.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureDataset } from '../../connectors/github/fake/dataset.ts';
import { GitHubFake } from '../../connectors/github/fake/server.ts';
import { type TestAgent, call, removeDataDir, startAgent } from '../helpers/agent.ts';
import { forceUnmount, killMounts, sh, startMount } from '../fs/mount-process.ts';

describe('from the provider to the mount', () => {
  const fake = new GitHubFake(fixtureDataset());
  const mountPoint = mkdtempSync(join(tmpdir(), 'airstore-e2e-'));
  let agent: TestAgent;
  let workspace: string;
  let connection: string;
  let token: string;
  const key = () => agent.adminKey;

  async function syncAndWait(): Promise<void> {
    const started = await call(agent, 'POST', `/workspaces/${workspace}/connections/${connection}/sync`, { key: key() });
    assert.equal(started.status, 202);
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      const listed = await call(agent, 'GET', `/workspaces/${workspace}/connections`, { key: key() });
      const sync = listed.body.data[0].sync;
      if (sync.status === 'ok' && sync.last_finished_at && Date.parse(sync.last_finished_at) >= Date.parse(started.headers.get('date')!) - 1000) return;
      if (sync.status === 'error' || sync.status === 'auth_failed') assert.fail(`sync ended ${sync.status}: ${sync.last_error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail('the sync did not finish');
  }

  const folderFiles = async () => {
    const listed = await call(agent, 'GET', `/workspaces/${workspace}/fs/list?path=/github/open-pull-requests`, { key: token });
    return (listed.body.data as Array<{ name: string }>).map((file) => file.name).filter((name) => name !== '.folder.json');
  };

  before(async () => {
    await fake.listen();
    agent = await startAgent();
    workspace = (await call(agent, 'POST', '/workspaces', { key: key(), body: { name: 'e2e' } })).body.external_id;
    connection = (await call(agent, 'POST', `/workspaces/${workspace}/connections`, {
      key: key(), body: { integrationType: 'github', accessToken: fixtureDataset().token, extra: { baseUrl: fake.url, requestsPerSecond: '0' } },
    })).body.external_id;
    const folder = await call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, {
      key: key(), body: { integration: 'github', name: 'Open pull requests', guidance: 'open pull requests' },
    });
    assert.equal(folder.status, 201);
    token = (await call(agent, 'POST', `/workspaces/${workspace}/tokens`, { key: key(), body: { name: 'e2e' } })).body.token;
  });
  after(async () => {
    killMounts();
    await forceUnmount(mountPoint);
    rmSync(mountPoint, { recursive: true, force: true });
    await agent.stop();
    await fake.close();
    removeDataDir(agent.dataDir);
  });

  it('fills a smart folder from a sync, and follows the provider’s changes', async () => {
    await syncAndWait();
    const files = await folderFiles();
    assert.equal(files.length, 2, files.join(', '));
    assert.ok(files.some((name) => name.startsWith('6_')) && files.some((name) => name.startsWith('4_')), files.join(', '));

    fake.editIssue('acme/api', 6, { state: 'closed' });
    await syncAndWait();
    assert.deepEqual((await folderFiles()).map((name) => name.split('_')[0]), ['4']);
  });

  it('shows the synced files through a mount of the same agent', async () => {
    const mount = await startMount(agent.dataDir, mountPoint, token);
    const names = (await sh(`ls ${mountPoint}/github/open-pull-requests`)).stdout.trim().split('\n');
    const file = names.find((name) => name.startsWith('4_'))!;
    const viaMount = (await sh(`cat '${mountPoint}/github/open-pull-requests/${file}'`)).stdout;
    const viaHttp = await fetch(`${agent.apiUrl}/workspaces/${workspace}/fs/read?path=${encodeURIComponent(`/github/open-pull-requests/${file}`)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(viaMount, await viaHttp.text());
    assert.match(viaMount, /^---\n/, 'Markdown with YAML front matter');
    assert.match(viaMount, /Flaky test: invoice_PDF_spec times out on CI/);
    mount.child.kill('SIGTERM');
    assert.equal(await mount.exited, 0);
  });
});
