/**
 * The single executable, built as `npm run build` builds it and run with no
 * Node on PATH: its version, the demo, and the seed examples' flow (serve, the
 * SDK from another process, `mount --token`).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import Airstore from 'airstore/sdk';
import { binaryFile } from '../../build/paths.ts';
import { githubDemo } from '../../connectors/github/fake/demo.ts';
import { waitForRuns } from '../../src/cli/commands/sync.ts';
import pkg from '../../package.json' with { type: 'json' };
import { repoRoot, startAgent } from '../helpers/agent.ts';
import { forceUnmount, isMounted, killMounts, sh, startMount } from '../fs/mount-process.ts';
import { startDemo } from '../demo/demo-process.ts';

const run = promisify(execFile);

/** A PATH directory with every program of /usr/bin and /bin but Node's (the system may have a Node 20 there). */
function pathWithoutNode(dir: string): string {
  mkdirSync(dir);
  for (const source of ['/usr/bin', '/bin']) {
    for (const name of readdirSync(source)) {
      if (/^(node|nodejs|npm|npx|corepack)$/.test(name)) continue;
      try {
        symlinkSync(join(source, name), join(dir, name));
      } catch {
        // Merged /usr: /bin holds the same names.
      }
    }
  }
  return dir;
}

describe('build/airstore, the single executable', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  const cacheDir = () => join(home, 'cache', 'airstore');

  before(async () => {
    await run(process.execPath, [join(repoRoot, 'build', 'binary.ts')], { cwd: repoRoot });
    home = mkdtempSync(join(tmpdir(), 'airstore-binary-'));
    env = { PATH: pathWithoutNode(join(home, 'bin')), HOME: home, XDG_CACHE_HOME: join(home, 'cache'), AIRSTORE_HOME: join(home, 'data') };
  });
  after(async () => {
    killMounts();
    for (const dir of ['demo', 'mnt']) await forceUnmount(join(home, dir));
    rmSync(home, { recursive: true, force: true });
  });

  it('answers --version with no Node on PATH', async () => {
    assert.equal((await sh(`PATH=${env.PATH} command -v node`)).code, 1, 'no node on the test PATH');
    const { stdout } = await run(binaryFile, ['--version'], { env });
    assert.equal(stdout, `${pkg.version}\n`);
  });

  it('runs the demo: the mount lists and reads files, and stops cleanly', async () => {
    const mountPoint = join(home, 'demo');
    const demo = await startDemo([binaryFile], mountPoint, env);
    const listed = await sh(`ls ${mountPoint}/*/*`);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^\d+_[\w-]+\.md$/m);
    const file = await sh(`cat "$(ls -d ${mountPoint}/github/open-prs/* | head -1)"`);
    assert.match(file.stdout, /^type: pull_request$/m);
    demo.child.kill('SIGTERM');
    assert.equal(await demo.exited, 0, demo.output());
    assert.equal(await isMounted(mountPoint), false);
  });

  it('runs the seed examples\' flow: serve, the SDK from this process, then mount --token', async () => {
    const fake = githubDemo.fake();
    await fake.listen();
    const agent = await startAgent({ dataDir: env.AIRSTORE_HOME, env, command: [binaryFile] });
    const mountPoint = join(home, 'mnt');
    try {
      const airstore = new Airstore({ apiKey: agent.adminKey, baseURL: agent.apiUrl });
      const ws = await airstore.workspaces.create({ name: 'vm-alice' });
      const connection = await airstore.connections.create(ws.external_id, { integrationType: 'github', ...githubDemo.connection(fake) });
      await airstore.smartFolders.create(ws.external_id, { integration: 'github', name: 'Open PRs', guidance: 'open pull requests that need review' });
      const { token } = await airstore.tokens.create(ws.external_id, { name: 'vm-mount' });
      const since = Date.now();
      await airstore.connections.sync(ws.external_id, connection.external_id);
      const [synced] = await waitForRuns(airstore, ws.external_id, new Set([connection.external_id]), since);
      assert.equal(synced!.sync.status, 'ok');

      const mount = await startMount(env.AIRSTORE_HOME!, mountPoint, token, [], { command: [binaryFile], env });
      const members = (await sh(`ls ${mountPoint}/github/open-prs`)).stdout.trim().split('\n').filter(Boolean);
      assert.ok(members.length > 0, mount.output());
      assert.match((await sh(`cat ${mountPoint}/github/open-prs/${members[0]}`)).stdout, /^state: open$/m);
      mount.child.kill('SIGTERM');
      assert.equal(await mount.exited, 0, mount.output());
      assert.equal(await isMounted(mountPoint), false);
    } finally {
      await agent.stop();
      await fake.close();
    }
  });

  it('mounts where the system has no libfuse2, with the copy fuse-native ships', async () => {
    // In a mount namespace of its own, the system's libfuse.so.2 is an empty file; the demo runs and is read there.
    const mountPoint = join(home, 'nolibfuse');
    const systemLibfuse = /=> (\S+\/libfuse\.so\.2)$/m.exec((await sh('ldconfig -p')).stdout)?.[1];
    const script = [
      'set -e',
      ...(systemLibfuse ? [`mount --bind /dev/null ${systemLibfuse}`] : []),
      `${binaryFile} demo ${mountPoint} > ${home}/nolibfuse.log 2>&1 & pid=$!`,
      'trap "kill -KILL $pid 2>/dev/null || true" EXIT',
      `for i in $(seq 1 600); do grep -q "Ctrl-C stops" ${home}/nolibfuse.log && break; sleep 0.1; done`,
      `ls ${mountPoint}/github/open-prs | wc -l`,
      'grep -o "/[^ ]*libfuse[^ ]*" /proc/$pid/maps | sort -u',
      'kill -TERM $pid; wait $pid',
    ].join('\n');
    const result = await sh(`unshare -m env PATH=${env.PATH} HOME=${home} XDG_CACHE_HOME=${env.XDG_CACHE_HOME} bash -c '${script}'`);
    assert.equal(result.code, 0, `${result.stderr}${(await sh(`cat ${home}/nolibfuse.log`)).stdout}`);
    const [files, ...libraries] = result.stdout.trim().split('\n');
    assert.ok(Number(files) > 0);
    assert.deepEqual(libraries.map((path) => path.startsWith(cacheDir())), [true]);
  });

  it('unpacks its native modules once, into a directory private to the user', () => {
    const [hash, ...others] = readdirSync(cacheDir());
    assert.equal(others.length, 0, 'one directory, no staging left: every start after the first reused it');
    const dir = join(cacheDir(), hash!);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(readdirSync(dir).sort(), ['better_sqlite3.node', 'fuse.node', 'libfuse.so.2']);
  });
});
