import { AirstoreError } from '../errors.ts';
import Airstore from '../sdk/index.ts';
import { MountCache } from '../tree/mount-cache.ts';
import { RemoteTree } from '../tree/remote-tree.ts';
import type { StartedMount } from './local-mount.ts';
import { type MountSession, startMountSession } from './session.ts';

export interface RemoteMountOptions {
  dataDir: string;
  mountPoint: string;
  token: string;
  /** API base URL of the agent holding the workspace, e.g. `http://hub:1994/api/v1`. */
  server: string;
}

/**
 * Mounts a workspace held by another agent (a hub, or the agent already running
 * on this data directory) through its HTTP fs routes, with a disk cache that
 * keeps what was read available offline. The token's expiry, learnt at mount
 * time, is enforced locally too, so an offline mount still ends when it should.
 */
export async function mountRemote(options: RemoteMountOptions): Promise<StartedMount> {
  const client = new Airstore({ apiKey: options.token, baseURL: options.server, maxRetries: 0, timeout: 10_000 });
  const identity = await client.whoami();
  if (identity.kind !== 'token') throw new AirstoreError('invalid_token');
  const workspace = await client.workspaces.retrieve(identity.workspace_id);
  const expiresAt = identity.expires_at === null ? Number.POSITIVE_INFINITY : Date.parse(identity.expires_at);
  let session: MountSession | undefined;
  const tree = new RemoteTree(client, workspace.external_id, new MountCache(options.dataDir, options.server, workspace.external_id), {
    onConnectivity: (online) => session?.setOnline(online),
    onUnauthorized: () => session?.revoke(),
  });
  session = await startMountSession({
    dataDir: options.dataDir,
    mountPoint: options.mountPoint,
    tree,
    workspaceId: workspace.external_id,
    mode: 'remote',
    server: options.server,
    isAuthorized: () => Date.now() < expiresAt,
    cleanup: async () => undefined,
  });
  return { session, workspace: { externalId: workspace.external_id, name: workspace.name }, apiUrl: options.server };
}
