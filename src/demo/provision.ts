import { waitForRuns } from '../cli/commands/sync.ts';
import { note } from '../cli/output.ts';
import type Airstore from '../sdk/index.ts';
import type { IntegrationType } from '../sdk/types.ts';
import type { RunningFake } from './fakes.ts';

export interface DemoFolder {
  path: string;
  guidance: string;
  /** Items matching when the demo started. */
  count: number;
}

export interface DemoWorkspace {
  workspaceId: string;
  name: string;
  /** A workspace token for the mount (and the tour's curl). */
  token: string;
  folders: DemoFolder[];
}

export const demoWorkspaceName = 'sample-data';

/**
 * What a user would do with real accounts, through the API: a workspace, one
 * connection per fake (its made-up credentials never leave 127.0.0.1), a first
 * sync waited for, the demo's smart folders, and a token to mount with.
 */
export async function provision(client: Airstore, fakes: readonly RunningFake[]): Promise<DemoWorkspace> {
  const workspace = await client.workspaces.create({ name: demoWorkspaceName });
  const workspaceId = workspace.external_id;
  const since = Date.now();
  const started = new Set<string>();
  for (const { demo, fake } of fakes) {
    const connection = await client.connections.create(workspaceId, { integrationType: demo.integration as IntegrationType, ...demo.connection(fake) });
    await client.connections.sync(workspaceId, connection.external_id);
    started.add(connection.external_id);
  }
  note(`syncing the sample data of ${fakes.map(({ demo }) => demo.integration).join(', ')}`);
  for (const connection of await waitForRuns(client, workspaceId, started, since)) {
    if (connection.sync.status !== 'ok') note(`${connection.integration_type}: the sync ended ${connection.sync.status}: ${connection.sync.last_error}`);
  }
  const folders: DemoFolder[] = [];
  for (const { demo } of fakes) {
    for (const { name, guidance } of demo.folders) {
      const folder = await client.smartFolders.create(workspaceId, { integration: demo.integration as IntegrationType, name, guidance });
      const { match_count: count } = await client.smartFolders.explain(workspaceId, folder.external_id);
      folders.push({ path: folder.path, guidance, count });
    }
  }
  const { token } = await client.tokens.create(workspaceId, { name: 'demo-mount' });
  return { workspaceId, name: workspace.name, token, folders };
}
