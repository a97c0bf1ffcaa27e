import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call, removeDataDir, tempDataDir } from '../helpers/agent.ts';
import { type SeededWorkspace, seedWorkspace } from './fixture.ts';
import { type MountProcess, forceUnmount, isMounted, killMounts, sh, startMount } from './mount-process.ts';

const folder = '/github/open-prs';

describe('a mounted workspace', () => {
  let dataDir: string;
  let mountPoint: string;
  let seeded: SeededWorkspace;
  let mount: MountProcess;
  const api = (path: string) => call(mount, 'GET', `/workspaces/${seeded.workspaceId}${path}`, { key: seeded.token });
  const read = async (path: string) => {
    const response = await fetch(`${mount.apiUrl}/workspaces/${seeded.workspaceId}/fs/read?path=${encodeURIComponent(path)}`, {
      headers: { authorization: `Bearer ${seeded.token}` },
    });
    assert.equal(response.status, 200, path);
    return Buffer.from(await response.arrayBuffer());
  };

  before(async () => {
    dataDir = tempDataDir();
    mountPoint = mkdtempSync(join(tmpdir(), 'airstore-mnt-'));
    seeded = seedWorkspace(dataDir);
    mount = await startMount(dataDir, mountPoint, seeded.token);
  });
  after(async () => {
    mount.child.kill('SIGTERM');
    await mount.exited;
    killMounts();
    await forceUnmount(mountPoint);
    rmSync(mountPoint, { recursive: true, force: true });
    removeDataDir(dataDir);
  });

  it('shows every integration, its README and the smart folder', async () => {
    assert.equal((await sh(`ls -A ${mountPoint}`)).stdout, '.airstore\ngdrive\ngithub\ngmail\nlinear\nnotion\nposthog\nslack\n');
    assert.equal((await sh(`ls -A ${mountPoint}/github`)).stdout, 'README.md\nopen-prs\n');
    const readme = (await sh(`cat ${mountPoint}/github/README.md`)).stdout;
    assert.match(readme, /Connected as The Octocat · octocat/);
    assert.match(readme, /^Sync: \w+/m);
    assert.match(readme, /`open-prs\/`: filter `.*"repo":"acme\/api".*`, 12 files/);
    assert.match((await sh(`cat ${mountPoint}/gmail/README.md`)).stdout, /Not connected/);
    const status = JSON.parse((await sh(`cat ${mountPoint}/.airstore/status.json`)).stdout);
    assert.equal(status.workspace.id, seeded.workspaceId);
    assert.ok(!JSON.stringify(status).includes('ghp_fixture'), 'no credential in status.json');
  });

  it('lists files with the exact sizes and mtimes the HTTP fs routes give', async () => {
    const listed = (await api(`/fs/list?path=${folder}`)).body.data as Array<{ name: string; size: number; modified_at: string }>;
    assert.equal(listed.length, 13, '.folder.json and 12 files');
    const ls = (await sh(`cd ${mountPoint}${folder} && stat -c '%n %s %Y' .folder.json *`)).stdout.trim().split('\n');
    const fromMount = ls.map((line) => line.split(' ')).map(([name, size, mtime]) => ({ name, size: Number(size), mtime: Number(mtime) }));
    assert.deepEqual(
      fromMount.toSorted((a, b) => a.name!.localeCompare(b.name!)),
      listed.map((f) => ({ name: f.name, size: f.size, mtime: Math.floor(Date.parse(f.modified_at) / 1000) })).toSorted((a, b) => a.name.localeCompare(b.name)),
    );
    assert.ok(fromMount.some((f) => f.name === '1402_fix-token-refresh.md' && f.mtime === Date.UTC(2026, 10, 1, 12, 2) / 1000));
    assert.equal(fromMount.filter((f) => f.name!.startsWith('duplicate-title~')).length, 2, 'colliding names get suffixes');
  });

  it('reads every file byte for byte as the store holds it and the HTTP routes serve it', async () => {
    const names = (await sh(`ls ${mountPoint}${folder}`)).stdout.trim().split('\n');
    const contents = new Set([...seeded.files.values()].map((bytes) => bytes.toString('base64')));
    for (const name of names) {
      const fromMount = Buffer.from((await sh(`base64 -w0 '${mountPoint}${folder}/${name}'`)).stdout, 'base64');
      assert.deepEqual(fromMount, await read(`${folder}/${name}`), name);
      assert.ok(contents.has(fromMount.toString('base64')), `${name} is one of the store's items`);
    }
  });

  it('answers grep -r, find, cp -r and tar like a local directory', async () => {
    assert.equal((await sh(`grep -rl 'expires 5 times' ${mountPoint}`)).stdout, `${mountPoint}${folder}/1405_improve-sync-for-case-5.md\n`);
    const found = (await sh(`cd ${mountPoint} && find github -type f | sort`)).stdout.trim().split('\n');
    const tree = (await api('/fs/tree?path=/github')).body.entries.filter((e: { is_folder: boolean }) => !e.is_folder).map((e: { path: string }) => e.path.slice(1)).sort();
    assert.deepEqual(found, tree);
    const copy = mkdtempSync(join(tmpdir(), 'airstore-copy-'));
    try {
      assert.equal((await sh(`cp -r ${mountPoint}/github ${copy}/ && tar cf ${copy}/all.tar -C ${mountPoint} github`)).code, 0);
      assert.deepEqual(readFileSync(join(copy, 'github/open-prs/1402_fix-token-refresh.md')), await read(`${folder}/1402_fix-token-refresh.md`));
      const archived = (await sh(`tar tf ${copy}/all.tar | sort`)).stdout.trim().split('\n').filter((line) => !line.endsWith('/'));
      assert.deepEqual(archived, found);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('creates a smart folder on mkdir <integration>/<name>, visible through the API', async () => {
    assert.equal((await sh(`mkdir ${mountPoint}/gmail/invoices-from-last-week`)).code, 0);
    const created = await api('/smart-folders/by-path?path=/gmail/invoices-from-last-week');
    assert.equal(created.status, 200);
    assert.equal(created.body.guidance, 'invoices from last week');
    assert.match((await sh(`ls ${mountPoint}/gmail`)).stdout, /invoices-from-last-week/);
    const folderJson = JSON.parse((await sh(`cat ${mountPoint}/gmail/invoices-from-last-week/.folder.json`)).stdout);
    assert.equal(folderJson.guidance, 'invoices from last week');
    assert.equal(typeof folderJson.explain.readable, 'string', '.folder.json carries the compiled query, as explain shows it');
    assert.equal(folderJson.explain.match_count, 0);
    assert.match((await sh(`mkdir ${mountPoint}/gmail/invoices-from-last-week`)).stderr, /File exists/);
    assert.match((await sh(`mkdir '${mountPoint}/gmail/Not A Slug'`)).stderr, /Invalid argument/);
    assert.match((await sh(`mkdir ${mountPoint}/toplevel`)).stderr, /Operation not permitted/);
    assert.match((await sh(`mkdir ${mountPoint}${folder}/nested`)).stderr, /Operation not permitted/);
  });

  it('refuses writes with EROFS and removing folders with EPERM', async () => {
    const file = `${mountPoint}${folder}/1402_fix-token-refresh.md`;
    const attempts: Array<[string, RegExp]> = [
      [`touch ${mountPoint}/github/new.md`, /Read-only file system/],
      [`echo x > ${file}`, /Read-only file system/],
      [`echo x >> ${file}`, /Read-only file system/],
      [`rm ${file}`, /Read-only file system/],
      [`mv ${file} ${mountPoint}${folder}/renamed.md`, /Read-only file system/],
      [`touch ${file}`, /Read-only file system/],
      [`rmdir ${mountPoint}/gmail/invoices-from-last-week`, /Operation not permitted/],
    ];
    for (const [command, message] of attempts) {
      const result = await sh(command);
      assert.notEqual(result.code, 0, command);
      assert.match(result.stderr, message, command);
    }
    assert.deepEqual(Buffer.from((await sh(`base64 -w0 ${file}`)).stdout, 'base64'), await read(`${folder}/1402_fix-token-refresh.md`), 'unchanged');
  });

  it('shows a change made through the API within a few seconds', async () => {
    const before = (await sh(`ls ${mountPoint}/notion`)).stdout;
    assert.doesNotMatch(before, /meeting-notes/);
    const created = await call(mount, 'POST', `/workspaces/${seeded.workspaceId}/smart-folders`, {
      key: seeded.token, body: { integration: 'notion', name: 'Meeting notes', guidance: 'meeting notes from January' },
    });
    assert.equal(created.status, 201);
    let listing = '';
    for (const deadline = Date.now() + 5000; Date.now() < deadline && !listing.includes('meeting-notes'); ) {
      listing = (await sh(`ls ${mountPoint}/notion`)).stdout;
      if (!listing.includes('meeting-notes')) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(listing, /meeting-notes/);
    assert.match((await sh(`cat ${mountPoint}/notion/README.md`)).stdout, /`meeting-notes\/`: "meeting notes from January"/);
  });

  it('answers ENOENT for names editors and agents probe', async () => {
    for (const name of ['.git', 'CLAUDE.md', '.DS_Store', 'node_modules', 'github/.git', `github/open-prs/.gitignore`]) {
      assert.match((await sh(`stat ${mountPoint}/${name}`)).stderr, /No such file or directory/, name);
    }
  });
});

describe('the mount lifecycle', () => {
  const dirs: string[] = [];
  const fresh = (expiresIn?: number) => {
    const dataDir = tempDataDir();
    const mountPoint = mkdtempSync(join(tmpdir(), 'airstore-mnt-'));
    dirs.push(dataDir, mountPoint);
    return { dataDir, mountPoint, seeded: seedWorkspace(dataDir, { issueCount: 3, tokenExpiresIn: expiresIn }) };
  };
  after(async () => {
    killMounts();
    for (const dir of dirs) {
      await forceUnmount(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers EACCES once the token is revoked, then unmounts and exits 4', async () => {
    const { dataDir, mountPoint, seeded } = fresh();
    const mount = await startMount(dataDir, mountPoint, seeded.token);
    assert.equal((await sh(`ls ${mountPoint}/github`)).code, 0);
    const adminKey = readFileSync(join(dataDir, 'admin.key'), 'utf8').trim();
    const tokens = await call(mount, 'GET', `/workspaces/${seeded.workspaceId}/tokens`, { key: adminKey });
    const revoke = await call(mount, 'DELETE', `/workspaces/${seeded.workspaceId}/tokens/${tokens.body.data[0].external_id}`, { key: adminKey });
    assert.equal(revoke.status, 204);
    assert.match((await sh(`ls ${mountPoint}/github`)).stderr, /Permission denied/);
    assert.equal(await mount.exited, 4);
    assert.match(mount.output(), /revoked or has expired/);
    assert.equal(await isMounted(mountPoint), false);
  });

  it('answers EACCES once the token expires, then unmounts', async () => {
    // Long enough for a loaded CI machine to mount and list before it expires (start-up alone took over 6 s under
    // load); the wait below is what is left.
    const lifetimeMs = 15_000;
    const { dataDir, mountPoint, seeded } = fresh(lifetimeMs / 1000);
    const expiresAt = Date.now() + lifetimeMs;
    const mount = await startMount(dataDir, mountPoint, seeded.token);
    assert.equal((await sh(`ls ${mountPoint}/github`)).code, 0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 200));
    assert.match((await sh(`ls ${mountPoint}/github`)).stderr, /Permission denied/);
    assert.equal(await mount.exited, 4);
    assert.equal(await isMounted(mountPoint), false);
  });

  it('unmounts cleanly on SIGTERM and exits 0', async () => {
    const { dataDir, mountPoint, seeded } = fresh();
    const mount = await startMount(dataDir, mountPoint, seeded.token);
    assert.equal(await isMounted(mountPoint), true);
    mount.child.kill('SIGTERM');
    assert.equal(await mount.exited, 0);
    assert.equal(await isMounted(mountPoint), false);
    assert.equal((await sh(`ls -A ${mountPoint}`)).stdout, '', 'the mount point is an empty directory again');
  });

  it('recovers a mount point left stale by a crash', async () => {
    const { dataDir, mountPoint, seeded } = fresh();
    const crashed = await startMount(dataDir, mountPoint, seeded.token);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    assert.match((await sh(`ls ${mountPoint}`)).stderr, /Transport endpoint is not connected/);
    const mount = await startMount(dataDir, mountPoint, seeded.token);
    assert.match((await sh(`ls ${mountPoint}/github`)).stdout, /open-prs/);
    mount.child.kill('SIGTERM');
    assert.equal(await mount.exited, 0);
  });

  it('refuses a token it does not know, mounting nothing', async () => {
    const { dataDir, mountPoint } = fresh();
    await assert.rejects(startMount(dataDir, mountPoint, 'tok_unknown'), /the API key or token is not valid/);
    assert.equal(await isMounted(mountPoint), false);
  });
});
