import type { WorkspaceTree } from '../tree/nodes.ts';
import { mountTree } from './mount.ts';
import { type MountState, removeMountState, saveMountState } from './mount-state.ts';

export type MountEnd = 'stopped' | 'unauthorized';

export interface MountSessionOptions {
  dataDir: string;
  mountPoint: string;
  tree: WorkspaceTree;
  workspaceId: string;
  mode: MountState['mode'];
  server: string;
  /** Checked on every filesystem call, besides what the server says. */
  isAuthorized: () => boolean;
  /** Runs after the unmount: closing the agent of a local mount. */
  cleanup: () => Promise<void>;
}

export interface MountSession {
  /** Settles once unmounted: `stopped` by `stop()`, `unauthorized` when the token was refused. */
  ended: Promise<MountEnd>;
  stop(): void;
  /** The token was refused: calls answer EACCES from now on and the mount comes down. */
  revoke(): void;
  setOnline(online: boolean): void;
}

/** A mounted tree and its lifecycle: the state file `status` reads, the end, the cleanup. */
export async function startMountSession(options: MountSessionOptions): Promise<MountSession> {
  let finish: (reason: MountEnd) => void = () => undefined;
  const requested = new Promise<MountEnd>((resolve) => (finish = resolve));
  let revoked = false;
  const mount = await mountTree({
    mountPoint: options.mountPoint,
    tree: options.tree,
    isAuthorized: () => !revoked && options.isAuthorized(),
    onUnauthorized: () => finish('unauthorized'),
  });
  const state: MountState = {
    pid: process.pid,
    mountPoint: options.mountPoint,
    workspaceId: options.workspaceId,
    mode: options.mode,
    server: options.server,
    online: true,
    startedAt: new Date().toISOString(),
  };
  saveMountState(options.dataDir, state);
  const ended = requested.then(async (reason) => {
    try {
      await mount.unmount();
    } finally {
      removeMountState(options.dataDir, process.pid);
      await options.cleanup();
    }
    return reason;
  });
  return {
    ended,
    stop: () => finish('stopped'),
    revoke: () => {
      revoked = true;
      finish('unauthorized');
    },
    setOnline: (online) => {
      state.online = online;
      saveMountState(options.dataDir, state);
    },
  };
}
