import { startAgent } from '../agent.ts';
import { AirstoreError } from '../errors.ts';
import type { Workspace } from '../store/workspaces.ts';
import { LocalTree } from '../tree/local-tree.ts';
import { type MountSession, startMountSession } from './session.ts';

export interface LocalMountOptions {
  dataDir: string;
  mountPoint: string;
  token: string;
  host: string;
  port: number;
}

export interface StartedMount {
  session: MountSession;
  workspace: Pick<Workspace, 'externalId' | 'name'>;
  /** The API of the agent behind the mount. */
  apiUrl: string;
}

/**
 * Runs the agent in this process and mounts the token's workspace from its
 * store. Every filesystem call re-checks the token (a memoised hash and an
 * in-memory grant), so revocation or expiry stops the mount at once.
 */
export async function mountWithLocalAgent(options: LocalMountOptions): Promise<StartedMount> {
  const agent = await startAgent({ dataDir: options.dataDir, host: options.host, port: options.port });
  try {
    const { authenticator, workspaces, smartFolders } = agent.services;
    const authorization = `Bearer ${options.token}`;
    const principal = authenticator.authenticate(authorization);
    if (principal.kind !== 'token') throw new AirstoreError('invalid_token');
    const workspace = workspaces.get(principal, principal.token.workspaceExternalId);
    const tree = new LocalTree(agent.store, workspace, (request) => smartFolders.create(principal, workspace.externalId, request));
    const session = await startMountSession({
      dataDir: options.dataDir,
      mountPoint: options.mountPoint,
      tree,
      workspaceId: workspace.externalId,
      mode: 'local',
      server: agent.apiUrl,
      isAuthorized: () => {
        try {
          authenticator.authenticate(authorization);
          return true;
        } catch {
          return false;
        }
      },
      cleanup: () => agent.close(),
    });
    return { session, workspace, apiUrl: agent.apiUrl };
  } catch (error) {
    await agent.close();
    throw error;
  }
}
