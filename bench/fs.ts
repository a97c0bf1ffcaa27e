/**
 * bench:fs — a smart folder of 10,000 files (4 KiB each, realistic names) read
 * through airstore's mount with `ls -l`, `cat` of every file and `grep -r`, cold
 * (right after mounting, kernel caches empty) and warm, beside the same commands
 * on a copy of the files on the local disk and on a bare fuse-native filesystem
 * serving the same names and bytes from memory (the floor of this stack), all in
 * one run. Also reports the mount process's peak memory.
 *
 *   npm run bench:fs [-- --files 10000 --size 4096 --warm-runs 3]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataFiles } from '../src/config.ts';
import { loadAgentKeys } from '../src/secrets/agent-keys.ts';
import { createServices } from '../src/services/index.ts';
import { openStore } from '../src/store/index.ts';
import { forceUnmount, sh, startMount } from '../test/fs/mount-process.ts';
import { memoryOf } from './processes.ts';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    size: { type: 'string', default: '4096' },
    'warm-runs': { type: 'string', default: '3' },
  },
});
const fileCount = Number(values.files);
const fileSize = Number(values.size);
const warmRuns = Number(values['warm-runs']);

const words = ['fix', 'token', 'refresh', 'sync', 'cursor', 'page', 'retry', 'cache', 'mount', 'folder', 'invoice', 'review', 'deploy', 'flaky', 'test', 'login', 'oauth', 'webhook', 'api', 'schema'];
const pick = (n: number, salt: number) => words[(n * 7 + salt * 13) % words.length]!;

/** A GitHub-issue-like Markdown file of exactly `fileSize` bytes. */
function fileFor(n: number): { name: string; content: Buffer } {
  const title = `${pick(n, 1)} ${pick(n, 2)} ${pick(n, 3)} in ${pick(n, 4)}`;
  const header = `---\nnumber: ${n}\ntitle: ${title}\nstate: open\nauthor: dev${n % 37}\n---\n\n`;
  const needle = n % 1000 === 0 ? 'NEEDLE-42 ' : '';
  let body = `${needle}${title}. `;
  while (Buffer.byteLength(header + body) < fileSize) body += `${pick(n + body.length, 5)} `;
  return { name: `${n}_${title.replace(/\W+/g, '-')}.md`, content: Buffer.from((header + body).slice(0, fileSize)) };
}

function seed(dataDir: string, localCopy: string): string {
  const admin = { kind: 'admin' } as const;
  const store = openStore(dataFiles(dataDir).database);
  const services = createServices(store, loadAgentKeys(dataDir, {}));
  const workspace = services.workspaces.create(admin, { name: 'bench' });
  // Nothing listens at this base URL: the sync engine gives up at once rather than reaching for the real GitHub.
  const connection = services.connections.create(admin, workspace.externalId, {
    integrationType: 'github', accessToken: 'ghp_bench', extra: { baseUrl: 'http://127.0.0.1:9' },
  });
  const folder = services.smartFolders.create(admin, workspace.externalId, { integration: 'github', name: 'issues', filter: { type: 'issues' } });
  const ids: number[] = [];
  store.db.transaction(() => {
    for (let n = 1; n <= fileCount; n++) {
      const { name, content } = fileFor(n);
      writeFileSync(join(localCopy, name), content);
      store.items.upsert({
        connectionId: connection.id, kind: 'issue', externalId: `acme/api#${n}`, title: name, fileName: name, body: '',
        metadata: {}, content, createdAt: Date.UTC(2026, 0, 1), updatedAt: Date.UTC(2026, 0, 1) + n * 1000,
      });
      ids.push(store.items.find(connection.id, 'issue', `acme/api#${n}`)!.id);
    }
  })();
  store.folderItems.replace(folder.id, ids);
  const { token } = services.tokens.create(admin, workspace.externalId, { name: 'bench' });
  store.close();
  return token;
}

const commands = {
  'ls -l': (dir: string) => `ls -l ${dir} > /dev/null`,
  'cat *': (dir: string) => `cd ${dir} && cat -- *.md > /dev/null`,
  'grep -r': (dir: string) => `grep -rl NEEDLE-42 ${dir} > /dev/null`,
} as const;
type CommandName = keyof typeof commands;

async function timed(command: string): Promise<number> {
  const started = process.hrtime.bigint();
  const result = await sh(command);
  if (result.code !== 0) throw new Error(`${command}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (numbers: number[]) => numbers.toSorted((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

interface Target {
  label: string;
  /** Mounts afresh (empty kernel caches) and answers the directory to read, or just answers it for the disk. */
  prepare(): Promise<string>;
  release(): Promise<void>;
}

async function measure(target: Target): Promise<Record<CommandName, { cold: number; warm: number }>> {
  const figures = {} as Record<CommandName, { cold: number; warm: number }>;
  for (const name of Object.keys(commands) as CommandName[]) {
    const dir = await target.prepare();
    const cold = await timed(commands[name](dir));
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push(await timed(commands[name](dir)));
    figures[name] = { cold, warm: median(warm) };
    await target.release();
  }
  return figures;
}

async function dropPageCache(): Promise<boolean> {
  return (await sh('sync && echo 3 > /proc/sys/vm/drop_caches')).code === 0;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve();
    });
    child.once('exit', () => reject(new Error(`exited before ${pattern}: ${output}`)));
  });
}

const root = mkdtempSync(join(tmpdir(), 'airstore-bench-fs-'));
const dataDir = join(root, 'data');
const localCopy = join(root, 'local');
const airstoreMount = join(root, 'airstore');
const floorMount = join(root, 'floor');
for (const dir of [dataDir, localCopy, airstoreMount, floorMount]) mkdirSync(dir, { recursive: true });

try {
  const token = seed(dataDir, localCopy);
  let peakMb = 0;
  let canDropCaches = true;
  let mountProcess: Awaited<ReturnType<typeof startMount>> | undefined;
  let floorProcess: ChildProcess | undefined;

  const targets: Target[] = [
    {
      label: 'local disk',
      prepare: async () => {
        canDropCaches = (await dropPageCache()) && canDropCaches;
        return localCopy;
      },
      release: async () => undefined,
    },
    {
      label: 'bare fuse-native (floor)',
      prepare: async () => {
        floorProcess = spawn(process.execPath, [join(import.meta.dirname, 'fs-floor.ts'), localCopy, floorMount], { stdio: ['ignore', 'pipe', 'inherit'] });
        await waitForLine(floorProcess, /mounted/);
        return floorMount;
      },
      release: async () => {
        floorProcess!.kill('SIGTERM');
        await new Promise((resolve) => floorProcess!.once('exit', resolve));
        await forceUnmount(floorMount);
      },
    },
    {
      label: 'airstore mount',
      prepare: async () => {
        mountProcess = await startMount(dataDir, airstoreMount, token);
        return join(airstoreMount, 'github', 'issues');
      },
      release: async () => {
        peakMb = Math.max(peakMb, memoryOf(mountProcess!.child.pid!).peak);
        mountProcess!.child.kill('SIGTERM');
        await mountProcess!.exited;
        await forceUnmount(airstoreMount);
      },
    },
  ];

  const results: Array<Record<CommandName, { cold: number; warm: number }>> = [];
  for (const target of targets) results.push(await measure(target));
  const [disk, floor, ours] = results as [typeof results[0], typeof results[0], typeof results[0]];

  console.log(`\nbench:fs: ${fileCount} files of ${fileSize} bytes; warm = median of ${warmRuns} runs; times in ms.`);
  console.log(canDropCaches ? 'The local disk\'s page cache was dropped before each cold run.\n' : 'The page cache could not be dropped: "cold" on the local disk is warm.\n');
  console.log('| command | local disk | bare fuse-native | airstore | airstore / disk | airstore / bare |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const name of Object.keys(commands) as CommandName[]) {
    for (const phase of ['cold', 'warm'] as const) {
      const a = ours[name][phase];
      console.log(`| ${name} (${phase}) | ${disk[name][phase].toFixed(1)} | ${floor[name][phase].toFixed(1)} | ${a.toFixed(1)} | ${(a / disk[name][phase]).toFixed(2)}× | ${(a / floor[name][phase]).toFixed(2)}× |`);
    }
  }
  console.log(`\nairstore mount process peak memory (VmHWM): ${peakMb.toFixed(0)} MB (aim: under 200 MB).`);
  console.log('Aims: warm ls -l within 2× the disk; warm cat and grep -r within 1.3× the bare floor; cold grep -r within 3× the bare floor.');
} finally {
  await forceUnmount(airstoreMount);
  await forceUnmount(floorMount);
  rmSync(root, { recursive: true, force: true });
}
