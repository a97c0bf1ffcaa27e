import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call, sourceCli } from '../helpers/agent.ts';
import { forceUnmount, isMounted, killMounts, sh } from '../fs/mount-process.ts';
import { type DemoProcess, startDemo } from './demo-process.ts';

describe('airstore demo', () => {
  let parent: string;
  let mountPoint: string;
  let demo: DemoProcess;

  before(async () => {
    parent = mkdtempSync(join(tmpdir(), 'airstore-demo-test-'));
    mountPoint = join(parent, 'airstore-demo');
    demo = await startDemo(sourceCli, mountPoint);
  });
  after(async () => {
    killMounts();
    await forceUnmount(mountPoint);
    if (demo) rmSync(demo.dataDir, { recursive: true, force: true });
    rmSync(parent, { recursive: true, force: true });
  });

  it('says the data is sample data and lists its smart folders with their guidance', () => {
    assert.match(demo.output(), /^SAMPLE DATA: made-up .* local fakes of GitHub, Linear, Slack, Gmail, Google Drive, Notion and PostHog$/m);
    assert.match(demo.output(), /^ {2}\/github\/open-prs +\d+ files {2}"open pull requests that need review"$/m);
  });

  it('mounts the synced sample data: ls lists files, cat reads them', async () => {
    const listed = await sh(`ls ${mountPoint}/*/*`);
    assert.equal(listed.code, 0, listed.stderr);
    for (const integration of ['github', 'linear', 'slack', 'gmail', 'gdrive', 'notion', 'posthog']) {
      assert.match(listed.stdout, new RegExp(`^${mountPoint}/${integration}/[\\w-]+:\\n.+\\.(md|json|txt|csv|eml)$`, 'm'), integration);
    }
    const first = (await sh(`ls -d ${mountPoint}/github/open-prs/* | head -1`)).stdout.trim();
    const file = await sh(`cat '${first}'`);
    assert.equal(file.code, 0, file.stderr);
    assert.match(file.stdout, /^---\n(.|\n)*^type: pull_request$(.|\n)*^state: open$/m);
  });

  it('has the seed examples\' smart folder, with members, in the mount and through the API with the printed token', async () => {
    const members = (await sh(`ls ${mountPoint}/github/open-prs`)).stdout.trim().split('\n').filter(Boolean);
    assert.ok(members.length > 0, 'Open PRs has files');
    const folders = await call(demo, 'GET', `/workspaces/${demo.workspaceId}/smart-folders`, { key: demo.token });
    assert.equal(folders.status, 200);
    const openPrs = folders.body.data.find((folder: { path: string }) => folder.path === '/github/open-prs');
    assert.equal(openPrs.name, 'Open PRs');
    assert.equal(openPrs.guidance, 'open pull requests that need review');
    const listed = await call(demo, 'GET', `/workspaces/${demo.workspaceId}/fs/list?path=/github/open-prs`, { key: demo.token });
    assert.deepEqual(listed.body.data.map((entry: { name: string }) => entry.name).filter((name: string) => !name.startsWith('.')).sort(), members.sort());
  });

  it('makes a smart folder from mkdir', async () => {
    const made = await sh(`mkdir ${mountPoint}/gmail/emails-with-attachments && ls ${mountPoint}/gmail/emails-with-attachments | wc -l`);
    assert.equal(made.code, 0, made.stderr);
    assert.ok(Number(made.stdout.trim()) > 0);
  });

  it('on SIGTERM unmounts, stops and removes its data directory and the mount point it made', async () => {
    assert.ok(existsSync(demo.dataDir));
    demo.child.kill('SIGTERM');
    assert.equal(await demo.exited, 0, demo.output());
    assert.equal(await isMounted(mountPoint), false);
    assert.equal(existsSync(demo.dataDir), false);
    assert.equal(existsSync(mountPoint), false);
    assert.match(demo.output(), /demo stopped: unmounted, fakes stopped, sample data deleted/);
  });
});
