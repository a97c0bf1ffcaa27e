import { AirstoreError } from '../errors.ts';
import type { Store } from '../store/index.ts';
import type { TokenGrant } from '../store/tokens.ts';
import type { Workspace } from '../store/workspaces.ts';

/** Who is making a request: the admin key, or a workspace token confined to its workspace. */
export type Principal = { kind: 'admin' } | { kind: 'token'; token: TokenGrant };

/** Admin-only operations; `action` completes "a workspace token cannot …". */
export function requireAdmin(principal: Principal, action: string): void {
  if (principal.kind !== 'admin') throw new AirstoreError('forbidden', action);
}

/**
 * The workspace a request names, if the principal may reach it. A token asking
 * for another workspace gets the same 404 as for a missing one, so tokens
 * cannot probe which workspaces exist.
 */
export function resolveWorkspace(store: Store, principal: Principal, externalId: string): Workspace {
  if (principal.kind === 'token' && principal.token.workspaceExternalId !== externalId) {
    throw new AirstoreError('workspace_not_found', externalId);
  }
  const workspace = store.workspaces.findByExternalId(externalId);
  if (!workspace) throw new AirstoreError('workspace_not_found', externalId);
  return workspace;
}
