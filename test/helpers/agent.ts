import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { cliEntry, shebangFlags } from '../../build/shebang.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');
export { cliEntry };
/** The Node flags of the CLI's shebang, so that tests run the agent as `airstore` runs. */
export const runtimeFlags = shebangFlags();
/** The command that runs `airstore` from source; tests of the single executable use `build/airstore` instead. */
export const sourceCli: readonly string[] = [process.execPath, ...runtimeFlags, cliEntry];

export interface TestAgent {
  apiUrl: string;
  dataDir: string;
  adminKey: string;
  /** Everything the agent wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: the agent gets no chance to clean up, as in a crash. */
  kill(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'airstore-test-'));
}

/**
 * Starts the real agent (`airstore serve --port 0`) as a child process on a data directory. Unless `autoSync`,
 * it syncs only on request: tests whose connections carry made-up credentials never reach for a real provider.
 */
export async function startAgent(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; args?: string[]; autoSync?: boolean; command?: readonly string[] } = {},
): Promise<TestAgent> {
  const dataDir = options.dataDir ?? tempDataDir();
  const syncArgs = options.autoSync ? [] : ['--manual-sync'];
  const [program, ...cli] = options.command ?? sourceCli;
  const child = spawn(program!, [...cli, 'serve', '--port', '0', ...syncArgs, ...(options.args ?? [])], {
    env: { ...process.env, AIRSTORE_HOME: dataDir, AIRSTORE_ADMIN_KEY: '', AIRSTORE_SECRET_KEY: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const apiUrl = await waitForListening(child, () => output);
  const adminKey = options.env?.AIRSTORE_ADMIN_KEY || readFileSync(join(dataDir, 'admin.key'), 'utf8').trim();
  return {
    apiUrl,
    dataDir,
    adminKey,
    output: () => output,
    stop: () => stopChild(child),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const closed = once(child, 'close');
      child.kill('SIGKILL');
      await closed;
    },
  };
}

async function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const match = /listening on (\S+)/.exec(output());
    if (match) return match[1]!;
    if (child.exitCode !== null) throw new Error(`agent exited with ${child.exitCode}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`agent did not start:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // 'close', not 'exit': the last output may still be in flight when the process exits.
  const exited = once(child, 'close');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

export interface ApiReply {
  status: number;
  headers: Headers;
  /** Whatever JSON the agent sent; tests assert its shape. */
  body: any;
}

/** A raw HTTP call to the agent, for asserting exact statuses and bodies. */
export async function call(
  agent: Pick<TestAgent, 'apiUrl'>,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${agent.apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
