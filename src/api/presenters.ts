import type { Static } from 'typebox';
import { smartFolderPath } from '../services/smart-folders.ts';
import type { ConnectionSync } from '../services/sync.ts';
import type { ConnectionRecord } from '../store/connections.ts';
import type { SmartFolderRecord } from '../store/smart-folders.ts';
import type { TokenRecord } from '../store/tokens.ts';
import type { Workspace } from '../store/workspaces.ts';
import type { connectionSchema, connectionSyncSchema, smartFolderSchema, tokenSchema, workspaceSchema } from './schemas.ts';

/** Store records → the snake_case JSON the seeds' SDK shows. */
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function presentWorkspace(workspace: Workspace): Static<typeof workspaceSchema> {
  return {
    external_id: workspace.externalId,
    name: workspace.name,
    created_at: iso(workspace.createdAt),
    updated_at: iso(workspace.updatedAt),
  };
}

export function presentConnection(connection: ConnectionRecord, workspaceId: string, sync: ConnectionSync): Static<typeof connectionSchema> {
  return {
    external_id: connection.externalId,
    workspace_id: workspaceId,
    integration_type: connection.integration,
    scope: connection.scope,
    expires_at: isoOrNull(connection.expiresAt),
    created_at: iso(connection.createdAt),
    updated_at: iso(connection.updatedAt),
    account: connection.account === null ? null : JSON.parse(connection.account),
    sync: presentSync(sync),
  };
}

function presentSync({ state, items }: ConnectionSync): Static<typeof connectionSyncSchema> {
  return {
    status: state?.status ?? 'pending',
    last_error_code: state?.lastErrorCode ?? null,
    last_error: state?.lastError ?? null,
    items,
    progress: { synced: state?.itemsSynced ?? 0, total: state?.itemsTotal ?? null },
    last_run: state?.runSummary ? JSON.parse(state.runSummary) : null,
    last_started_at: isoOrNull(state?.lastStartedAt ?? null),
    last_finished_at: isoOrNull(state?.lastFinishedAt ?? null),
    last_success_at: isoOrNull(state?.lastSuccessAt ?? null),
    next_run_at: isoOrNull(state?.nextRunAt ?? null),
  };
}

export function presentSmartFolder(folder: SmartFolderRecord, workspaceId: string): Static<typeof smartFolderSchema> {
  return {
    external_id: folder.externalId,
    workspace_id: workspaceId,
    integration: folder.integration,
    name: folder.name,
    path: smartFolderPath(folder),
    guidance: folder.guidance,
    filter: folder.filter === null ? null : JSON.parse(folder.filter),
    created_at: iso(folder.createdAt),
    updated_at: iso(folder.updatedAt),
  };
}

export function presentToken(token: TokenRecord, workspaceId: string): Static<typeof tokenSchema> {
  return {
    external_id: token.externalId,
    workspace_id: workspaceId,
    name: token.name,
    created_at: iso(token.createdAt),
    expires_at: isoOrNull(token.expiresAt),
    last_used_at: isoOrNull(token.lastUsedAt),
  };
}
