import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isSea } from 'node:sea';
import { dataFiles, defaultPort, resolveDataDir } from '../../config.ts';
import { AirstoreError } from '../../errors.ts';
import { runningMounts } from '../../fs/mount-state.ts';
import { note } from '../output.ts';
import { parsePort } from '../parse.ts';

const startTimeoutMs = 30_000;
const stopTimeoutMs = 15_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The daemon's pid, if its pid file names a live process. */
export function daemonPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(dataFiles(dataDir).daemonPid, 'utf8'));
    return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function registerDaemon(program: Command): void {
  program
    .command('start')
    .description('mount a workspace in the background (pid and log file in the data directory)')
    .option('--token <token>', 'workspace token (default: AIRSTORE_TOKEN)')
    .option('--mount <dir>', 'where to mount', join(homedir(), 'airstore'))
    .option('--port <port>', 'port of the API of the agent the daemon runs (0 picks a free one)', parsePort, defaultPort)
    .action(async (options: { token?: string; mount: string; port: number }, command: Command) => {
      const token = options.token || process.env.AIRSTORE_TOKEN;
      if (!token) throw new AirstoreError('token_required');
      const dataDir = resolveDataDir();
      const running = daemonPid(dataDir);
      if (running) throw new AirstoreError('agent_running', running, dataDir, 'as a daemon; "airstore stop" ends it');
      const files = dataFiles(dataDir);
      const mountPoint = resolve(options.mount);
      const server = command.optsWithGlobals<{ server?: string }>().server;
      const log = openSync(files.daemonLog, 'a', 0o600);
      // The token goes through the environment, not the command line, so `ps` never shows it.
      const args = ['mount', mountPoint, '--port', String(options.port), ...(server ? ['--server', server] : [])];
      // The single executable (build/) is the whole command: its Node flags and script are built in.
      const self = isSea() ? [] : [...process.execArgv, process.argv[1]!];
      const child = spawn(process.execPath, [...self, ...args], {
        detached: true,
        stdio: ['ignore', log, log],
        env: { ...process.env, AIRSTORE_TOKEN: token, AIRSTORE_HOME: dataDir },
      });
      closeSync(log);
      child.unref();
      writeFileSync(files.daemonPid, `${child.pid}\n`, { mode: 0o600 });
      const deadline = Date.now() + startTimeoutMs;
      while (!runningMounts(dataDir).some((mount) => mount.pid === child.pid)) {
        if (!isAlive(child.pid!) || Date.now() > deadline) {
          rmSync(files.daemonPid, { force: true });
          const tail = readFileSync(files.daemonLog, 'utf8').trim().split('\n').slice(-3).join('\n');
          throw new AirstoreError('mount_failed', mountPoint, `the daemon stopped; ${files.daemonLog} ends with:\n${tail}`);
        }
        await sleep(100);
      }
      process.stdout.write(`started (pid ${child.pid}): mounted at ${mountPoint}\n`);
      note(`log: ${files.daemonLog}; "airstore stop" unmounts and ends it`);
    });

  program
    .command('stop')
    .description('end the background mount started by "airstore start", unmounting cleanly')
    .action(async () => {
      const dataDir = resolveDataDir();
      const pid = daemonPid(dataDir);
      if (!pid) {
        note('airstore is not running in the background');
        return;
      }
      process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + stopTimeoutMs;
      while (isAlive(pid)) {
        if (Date.now() > deadline) throw new AirstoreError('mount_failed', `pid ${pid}`, 'did not stop within 15 s');
        await sleep(100);
      }
      rmSync(dataFiles(dataDir).daemonPid, { force: true });
      note(`stopped (pid ${pid})`);
    });
}
