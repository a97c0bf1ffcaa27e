import { type RunningAgent, startAgent } from '../agent.ts';
import { AirstoreError } from '../errors.ts';
import type { Workspace } from '../store/workspaces.ts';
import { LocalTree } from '../tree/local-tree.ts';
import { type Mount, mountTree } from './mount.ts';

export interface LocalMountOptions {
  dataDir: string;
  mountPoint: string;
  token: string;
  host: string;
  port: number;
}

export interface LocalMount {
  agent: RunningAgent;
  workspace: Workspace;
  /** Settles when the mount ends: `stopped` by `stop()`, `unauthorized` when its token was revoked or expired. */
  ended: Promise<'stopped' | 'unauthorized'>;
  stop(): void;
}

/** Guidance from a directory name: `invoices-from-last-week` reads as "invoices from last week". */
function guidanceFromName(name: string): string {
  return name.replace(/[-_]+/g, ' ').trim();
}

/**
 * Runs the agent in this process and mounts the token's workspace: the
 * foreground `airstore mount`. Every filesystem call re-checks the token
 * (a memoised hash and an in-memory grant), so revocation or expiry stops the
 * mount at once: calls answer EACCES, then the mount is taken down.
 */
export async function mountWithLocalAgent(options: LocalMountOptions): Promise<LocalMount> {
  const agent = await startAgent({ dataDir: options.dataDir, host: options.host, port: options.port });
  let mount: Mount | undefined;
  try {
    const { authenticator, workspaces, smartFolders } = agent.services;
    const authorization = `Bearer ${options.token}`;
    const principal = authenticator.authenticate(authorization);
    if (principal.kind !== 'token') throw new AirstoreError('invalid_token');
    const workspace = workspaces.get(principal, principal.token.workspaceExternalId);
    const tree = new LocalTree(agent.store, workspace, (integration, name) =>
      smartFolders.create(principal, workspace.externalId, { integration, name, guidance: guidanceFromName(name) }));

    let finish: (reason: 'stopped' | 'unauthorized') => void = () => undefined;
    const requested = new Promise<'stopped' | 'unauthorized'>((resolve) => (finish = resolve));
    mount = await mountTree({
      mountPoint: options.mountPoint,
      tree,
      isAuthorized: () => {
        try {
          authenticator.authenticate(authorization);
          return true;
        } catch {
          return false;
        }
      },
      onUnauthorized: () => finish('unauthorized'),
    });
    const active = mount;
    const ended = requested.then(async (reason) => {
      await active.unmount();
      await agent.close();
      return reason;
    });
    return { agent, workspace, ended, stop: () => finish('stopped') };
  } catch (error) {
    await mount?.unmount();
    await agent.close();
    throw error;
  }
}
