import { AirstoreError } from '../errors.ts';
import { newExternalId } from '../ids.ts';
import type { Store } from '../store/index.ts';
import type { Workspace } from '../store/workspaces.ts';
import { type Principal, requireAdmin, resolveWorkspace } from './access.ts';

export class WorkspaceService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  create(principal: Principal, input: { name: string }): Workspace {
    requireAdmin(principal, 'create workspaces');
    if (this.#store.workspaces.findByName(input.name)) throw new AirstoreError('workspace_exists', input.name);
    return this.#store.workspaces.create({ externalId: newExternalId('ws'), name: input.name });
  }

  /** The admin sees every workspace; a token sees its own. */
  list(principal: Principal): Workspace[] {
    if (principal.kind === 'admin') return this.#store.workspaces.list();
    return [resolveWorkspace(this.#store, principal, principal.token.workspaceExternalId)];
  }

  get(principal: Principal, externalId: string): Workspace {
    return resolveWorkspace(this.#store, principal, externalId);
  }

  /** Deletes the workspace with its connections, credentials, smart folders, items and tokens. */
  delete(principal: Principal, externalId: string): void {
    requireAdmin(principal, 'delete workspaces');
    this.#store.workspaces.delete(resolveWorkspace(this.#store, principal, externalId).id);
  }
}
