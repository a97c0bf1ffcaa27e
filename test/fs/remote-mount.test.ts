import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type TestAgent, call, cliEntry, startAgent, tempDataDir } from '../helpers/agent.ts';
import { seedWorkspace } from './fixture.ts';
import { forceUnmount, isMounted, killMounts, sh, startMount } from './mount-process.ts';

const folder = '/github/open-prs';

describe('mounting through an agent’s HTTP API', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'airstore-remote-'));
    dirs.push(dir);
    return dir;
  };
  after(async () => {
    killMounts();
    for (const dir of dirs) {
      await forceUnmount(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('mounts from a hub with --server and keeps serving what it read once the hub is gone', async () => {
    const hubDir = tempDataDir();
    dirs.push(hubDir);
    const seeded = seedWorkspace(hubDir, { largeFileBytes: 17 * 1024 * 1024 + 5 });
    const hub = await startAgent({ dataDir: hubDir });
    try {
      await readThroughHub(hub, seeded.token, seeded.files.get('acme/api#1499'));
    } finally {
      await hub.stop();
    }
  });

  async function readThroughHub(hub: TestAgent, token: string, large?: Buffer): Promise<void> {
    const vmDir = fresh();
    const mountPoint = fresh();
    const mount = await startMount(vmDir, mountPoint, token, ['--server', hub.apiUrl]);
    const read = `${mountPoint}${folder}/1402_fix-token-refresh.md`;
    const online = await sh(`cat ${read}`);
    assert.match(online.stdout, /Fix token refresh/);
    assert.equal((await sh(`ls ${mountPoint}/github`)).stdout, 'README.md\nopen-prs\n');
    if (large) {
      const hashed = await sh(`sha256sum ${mountPoint}${folder}/1499_recording.bin`);
      assert.equal(hashed.stdout.split(' ')[0], createHash('sha256').update(large).digest('hex'), 'a file larger than one HTTP read arrives whole');
    }

    await hub.stop();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the in-memory listing lifetime
    assert.equal((await sh(`cat ${read}`)).stdout, online.stdout, 'a file read online stays readable');
    assert.equal((await sh(`ls ${mountPoint}/github`)).stdout, 'README.md\nopen-prs\n', 'a listing seen online stays listed');
    assert.match((await sh(`cat ${mountPoint}${folder}/1405_improve-sync-for-case-5.md`)).stderr, /Input\/output error/, 'never read: EIO');
    const status = await sh(`AIRSTORE_HOME=${vmDir} ${process.execPath} ${cliEntry} status`);
    assert.match(status.stdout, new RegExp(`mount: ${mountPoint} → ws_\\w+ from ${hub.apiUrl} \\(offline: serving the local cache\\)`));

    mount.child.kill('SIGTERM');
    assert.equal(await mount.exited, 0);
    assert.equal(await isMounted(mountPoint), false);
  }

  it('mounts through the agent already running on the same data directory', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const seeded = seedWorkspace(dataDir);
    const agent = await startAgent({ dataDir });
    const mountPoint = fresh();
    try {
      const mount = await startMount(dataDir, mountPoint, seeded.token);
      assert.equal(mount.apiUrl, agent.apiUrl, 'the mount did not open the store a second time');
      assert.match((await sh(`cat ${mountPoint}${folder}/1402_fix-token-refresh.md`)).stdout, /Fix token refresh/);
      assert.equal((await sh(`mkdir ${mountPoint}/linear/current-sprint`)).code, 0);
      const created = await call(agent, 'GET', `/workspaces/${seeded.workspaceId}/smart-folders/by-path?path=/linear/current-sprint`, { key: agent.adminKey });
      assert.equal(created.body.guidance, 'current sprint');

      const tokens = await call(agent, 'GET', `/workspaces/${seeded.workspaceId}/tokens`, { key: agent.adminKey });
      await call(agent, 'DELETE', `/workspaces/${seeded.workspaceId}/tokens/${tokens.body.data[0].external_id}`, { key: agent.adminKey });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.match((await sh(`ls ${mountPoint}/github`)).stderr, /Permission denied/);
      assert.equal(await mount.exited, 4);
      assert.equal(await isMounted(mountPoint), false);
    } finally {
      await agent.stop();
    }
  });
});
