import { AirstoreError } from '../errors.ts';
import type { ConnectionRecord } from '../store/connections.ts';
import type { Store } from '../store/index.ts';
import type { SyncStateRecord } from '../store/sync-state.ts';
import { type Principal, resolveWorkspace } from './access.ts';

/** The part of the sync scheduler that services need: ask for a run. */
export interface SyncTrigger {
  request(connectionId: number, options: { full: boolean }): void;
}

/** A connection's sync state as the API shows it. */
export interface ConnectionSync {
  state: SyncStateRecord | undefined;
  /** Live items stored for the connection. */
  items: number;
}

export class SyncService {
  readonly #store: Store;
  readonly #trigger: SyncTrigger | undefined;

  constructor(store: Store, trigger: SyncTrigger | undefined) {
    this.#store = store;
    this.#trigger = trigger;
  }

  /** Starts a sync of the connection now (a full listing with `full`); it runs in the background. */
  request(principal: Principal, workspaceId: string, connectionId: string, options: { full: boolean }): ConnectionRecord {
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const connection = this.#store.connections.findByExternalId(workspace.id, connectionId);
    if (!connection) throw new AirstoreError('connection_not_found', connectionId);
    if (!this.#trigger) throw new AirstoreError('sync_not_supported');
    this.#trigger.request(connection.id, options);
    return connection;
  }

  /** A connection's sync state and stored item count. */
  describe(connection: ConnectionRecord): ConnectionSync {
    return { state: this.#store.syncState.get(connection.id), items: this.#store.items.countLive(connection.id) };
  }
}
