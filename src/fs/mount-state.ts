import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running mount publishes in the data directory, for `airstore status`. */
export interface MountState {
  pid: number;
  mountPoint: string;
  workspaceId: string;
  /** `local`: this process runs the agent; `remote`: it reads an agent's HTTP API at `server`. */
  mode: 'local' | 'remote';
  server: string;
  online: boolean;
  startedAt: string;
}

const mountsDir = (dataDir: string) => join(dataDir, 'mounts');

export function saveMountState(dataDir: string, state: MountState): void {
  mkdirSync(mountsDir(dataDir), { recursive: true, mode: 0o700 });
  writeFileSync(join(mountsDir(dataDir), `${state.pid}.json`), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function removeMountState(dataDir: string, pid: number): void {
  rmSync(join(mountsDir(dataDir), `${pid}.json`), { force: true });
}

/** Mounts whose process is alive; files a crash left behind are skipped. */
export function runningMounts(dataDir: string): MountState[] {
  let names: string[];
  try {
    names = readdirSync(mountsDir(dataDir));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      const state = JSON.parse(readFileSync(join(mountsDir(dataDir), name), 'utf8')) as MountState;
      process.kill(state.pid, 0);
      return [state];
    } catch {
      return [];
    }
  });
}
