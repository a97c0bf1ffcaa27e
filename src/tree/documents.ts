import type { ConnectorDefinition } from '../sync/connector.ts';
import type { ConnectionRecord } from '../store/connections.ts';
import type { SmartFolderRecord } from '../store/smart-folders.ts';
import type { Workspace } from '../store/workspaces.ts';

/**
 * The generated files of the tree: each integration's README.md, /.airstore/status.json
 * and each smart folder's .folder.json. Pure functions of what the store holds; never
 * a credential.
 */
export interface IntegrationView {
  connector: ConnectorDefinition;
  connection: ConnectionRecord | undefined;
  itemCount: number;
  folders: Array<{ folder: SmartFolderRecord; count: number }>;
}

const iso = (ms: number) => new Date(ms).toISOString();

function accountLabel(connection: ConnectionRecord): string {
  if (!connection.account) return 'not described yet (it is, after the first sync)';
  const account = JSON.parse(connection.account) as { id: string; name?: string; email?: string };
  return [account.name, account.email, account.id].filter(Boolean).join(' · ');
}

export function integrationReadme(view: IntegrationView): string {
  const { connector, connection } = view;
  const lines = [`# ${connector.displayName}`, ''];
  if (connection) {
    lines.push(
      `Connected as ${accountLabel(connection)} (connection \`${connection.externalId}\`, since ${iso(connection.createdAt)}).`,
      `Items synced: ${view.itemCount}.`,
    );
  } else {
    lines.push(
      'Not connected. Connect it with the admin key:',
      '',
      '```sh',
      `airstore connection add <workspace> ${connector.id} --${connector.credentials[0] === 'apiKey' ? 'api-key' : 'access-token'} -`,
      '```',
    );
  }
  lines.push('', '## Smart folders', '');
  if (view.folders.length === 0) lines.push('None yet.');
  for (const { folder, count } of view.folders) {
    const definition = folder.guidance === null ? `filter \`${folder.filter}\`` : `"${folder.guidance}"`;
    lines.push(`- \`${folder.slug}/\`: ${definition}, ${count} file${count === 1 ? '' : 's'}`);
  }
  lines.push(
    '',
    'Add one by making a directory whose name says what you want, for example:',
    '',
    '```sh',
    `mkdir ${kindExample(connector)}`,
    '```',
    '',
    `or with \`airstore folder create <workspace> --integration ${connector.id} --name … --guidance …\`.`,
    `Filters may use: ${Object.keys(connector.fields).join(', ')}.`,
    '',
  );
  return lines.join('\n');
}

function kindExample(connector: ConnectorDefinition): string {
  const kind = connector.kinds[0]?.aliases[0] ?? connector.kinds[0]?.name ?? 'items';
  return `${connector.id}/recent-${kind.replace(/_/g, '-')}`;
}

export function statusJson(workspace: Workspace, views: readonly IntegrationView[], generatedAt: number): string {
  const status = {
    workspace: { id: workspace.externalId, name: workspace.name },
    generated_at: iso(generatedAt),
    integrations: views.map((view) => ({
      integration: view.connector.id,
      connected: view.connection !== undefined,
      connection_id: view.connection?.externalId ?? null,
      items: view.itemCount,
      smart_folders: view.folders.map(({ folder, count }) => ({ path: `/${folder.integration}/${folder.slug}`, files: count })),
    })),
  };
  return `${JSON.stringify(status, null, 2)}\n`;
}

export function folderJson(folder: SmartFolderRecord, workspace: Workspace, count: number): string {
  const document = {
    id: folder.externalId,
    workspace_id: workspace.externalId,
    name: folder.name,
    integration: folder.integration,
    path: `/${folder.integration}/${folder.slug}`,
    guidance: folder.guidance,
    filter: folder.filter === null ? null : JSON.parse(folder.filter),
    files: count,
    updated_at: iso(folder.updatedAt),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
