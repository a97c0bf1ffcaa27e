import type { FolderExplanation } from '../guidance/explain.ts';
import type { ConnectorDefinition } from '../sync/connector.ts';
import type { ConnectionRecord } from '../store/connections.ts';
import type { SmartFolderRecord } from '../store/smart-folders.ts';
import type { SyncStateRecord } from '../store/sync-state.ts';
import type { Workspace } from '../store/workspaces.ts';

/**
 * The generated files of the tree: each integration's README.md, /.airstore/status.json
 * and each smart folder's .folder.json. Pure functions of what the store holds; never
 * a credential.
 */
export interface IntegrationView {
  connector: ConnectorDefinition;
  connection: ConnectionRecord | undefined;
  sync: SyncStateRecord | undefined;
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
      ...syncLines(view.sync),
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

function syncLines(sync: SyncStateRecord | undefined): string[] {
  if (!sync) return ['Sync: not started yet.'];
  const progress = sync.status === 'syncing' ? ` (${sync.itemsSynced}${sync.itemsTotal === null ? '' : ` of about ${sync.itemsTotal}`} items so far)` : '';
  const lines = [`Sync: ${sync.status}${progress}; last success ${sync.lastSuccessAt === null ? 'never' : iso(sync.lastSuccessAt)}.`];
  if (sync.lastError) lines.push(`Last error: ${sync.lastError}. What was synced before stays readable here.`);
  return lines;
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
      sync: view.sync
        ? {
            status: view.sync.status,
            last_success_at: view.sync.lastSuccessAt === null ? null : iso(view.sync.lastSuccessAt),
            last_error: view.sync.lastError,
          }
        : null,
      smart_folders: view.folders.map(({ folder, count }) => ({ path: `/${folder.integration}/${folder.slug}`, files: count })),
    })),
  };
  return `${JSON.stringify(status, null, 2)}\n`;
}

/** `explanation` is what `airstore folder explain` shows: the compiled query, how each word was read, the match count. */
export function folderJson(folder: SmartFolderRecord, workspace: Workspace, count: number, explanation: FolderExplanation | null): string {
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
    last_evaluated: explanation?.evaluated_at ?? null,
    explain: explanation,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
