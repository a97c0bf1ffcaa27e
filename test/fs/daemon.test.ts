import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { cliEntry, removeDataDir, tempDataDir } from '../helpers/agent.ts';
import { seedWorkspace } from './fixture.ts';
import { forceUnmount, isMounted, sh } from './mount-process.ts';

const run = promisify(execFile);

async function airstore(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cliEntry, ...args], { env: { ...process.env, AIRSTORE_HOME: dataDir, AIRSTORE_TOKEN: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('airstore start, status and stop', () => {
  const dataDir = tempDataDir();
  const mountPoint = mkdtempSync(join(tmpdir(), 'airstore-daemon-'));
  after(async () => {
    await airstore(dataDir, 'stop');
    await forceUnmount(mountPoint);
    rmSync(mountPoint, { recursive: true, force: true });
    removeDataDir(dataDir);
  });

  it('mounts in the background, reports it, and unmounts on stop', async () => {
    const seeded = seedWorkspace(dataDir);
    const started = await airstore(dataDir, 'start', '--token', seeded.token, '--mount', mountPoint, '--port', '0');
    assert.equal(started.code, 0, started.stderr);
    const pid = Number(/pid (\d+)/.exec(started.stdout)![1]);
    assert.ok(await isMounted(mountPoint));
    assert.match((await sh(`cat ${mountPoint}/github/open-prs/1402_fix-token-refresh.md`)).stdout, /Fix token refresh/);
    assert.ok(!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(seeded.token), 'the token is not on the command line');

    const status = JSON.parse((await airstore(dataDir, '--json', 'status')).stdout);
    assert.equal(status.daemon_pid, pid);
    assert.equal(status.agent.pid, pid);
    assert.deepEqual(status.mounts.map((m: { mountPoint: string; mode: string; workspaceId: string }) => [m.mountPoint, m.mode, m.workspaceId]), [[mountPoint, 'local', seeded.workspaceId]]);
    assert.deepEqual(status.connections.map((c: { integration: string }) => c.integration), ['github']);
    const text = (await airstore(dataDir, 'status')).stdout;
    assert.match(text, new RegExp(`mount: ${mountPoint} → ${seeded.workspaceId}`));
    assert.match(text, /connection: .* github conn_/);

    const again = await airstore(dataDir, 'start', '--token', seeded.token, '--mount', mountPoint, '--port', '0');
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /already running/);

    const stopped = await airstore(dataDir, 'stop');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.equal(await isMounted(mountPoint), false);
    const after = JSON.parse((await airstore(dataDir, '--json', 'status')).stdout);
    assert.equal(after.agent, null);
    assert.deepEqual(after.mounts, []);
    assert.equal(after.daemon_pid, null);
  });

  it('reports a daemon that cannot start, with the end of its log', async () => {
    const failed = await airstore(dataDir, 'start', '--token', 'tok_unknown', '--mount', mountPoint, '--port', '0');
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /the daemon stopped; .*airstore\.log ends with:\n.*not valid/s);
  });
});
