import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { sourceCli } from '../helpers/agent.ts';

const execFileAsync = promisify(execFile);

/** An `airstore` command that mounts, in its own process: the test never blocks the mount's event loop. */
export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended and its output is read. */
  exited: Promise<number | null>;
}

/** A foreground `airstore mount`. */
export interface MountProcess extends CliProcess {
  mountPoint: string;
  apiUrl: string;
}

const running = new Set<ChildProcess>();

/** Kills whatever mount a failed test left running, so the test process can exit. */
export function killMounts(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Starts `<command…> <args…>` (`sourceCli`, or the single executable) and waits until its output matches `ready`. */
export async function startCli(command: readonly string[], args: readonly string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 20_000): Promise<CliProcess & { ready: RegExpExecArray }> {
  const [program, ...cli] = command;
  const child = spawn(program!, [...cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('close', () => running.delete(child));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'close').then(() => child.exitCode);
  const deadline = Date.now() + timeoutMs;
  while (!ready.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`airstore ${args.join(' ')} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { child, output: () => output, exited, ready: ready.exec(output)! };
}

export async function startMount(
  dataDir: string, mountPoint: string, token: string, args: string[] = [], options: { command?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<MountProcess> {
  const env = { ...process.env, AIRSTORE_HOME: dataDir, ...options.env };
  const mount = await startCli(options.command ?? sourceCli, ['mount', mountPoint, '--token', token, '--port', '0', ...args], env, /API at (\S+)/);
  return { ...mount, mountPoint, apiUrl: mount.ready[1]! };
}

/** Runs a shell command against the mount from another process; never throws, returns what happened. */
export async function sh(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('bash', ['-c', command], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Always leaves the mount point detached, whatever state a failed test left it in. */
export async function forceUnmount(mountPoint: string): Promise<void> {
  await sh(`fusermount -uz '${mountPoint}' 2>/dev/null || umount -l '${mountPoint}' 2>/dev/null || true`);
}

export async function isMounted(mountPoint: string): Promise<boolean> {
  return (await sh(`grep -qs ' ${mountPoint} ' /proc/mounts`)).code === 0;
}
