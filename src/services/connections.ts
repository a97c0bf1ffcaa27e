import { type IntegrationType, connectorFor } from '../../connectors/index.ts';
import { AirstoreError } from '../errors.ts';
import { newExternalId } from '../ids.ts';
import type { CredentialCipher } from '../secrets/cipher.ts';
import type { ConnectionRecord } from '../store/connections.ts';
import type { Store } from '../store/index.ts';
import { type Principal, requireAdmin, resolveWorkspace } from './access.ts';

/** What a connection holds in secret. Sealed as one value; never returned by the API. */
export interface ConnectionCredentials {
  accessToken?: string;
  refreshToken?: string;
  apiKey?: string;
  /** Provider-specific settings; may hold secrets (an OAuth client secret), so it is sealed too. */
  extra?: Record<string, string>;
}

export interface NewConnectionRequest extends ConnectionCredentials {
  integrationType: IntegrationType;
  scope?: string;
}

export class ConnectionService {
  readonly #store: Store;
  readonly #cipher: CredentialCipher;

  constructor(store: Store, cipher: CredentialCipher) {
    this.#store = store;
    this.#cipher = cipher;
  }

  create(principal: Principal, workspaceId: string, input: NewConnectionRequest): ConnectionRecord {
    requireAdmin(principal, 'create connections');
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const connector = connectorFor(input.integrationType);
    if (!connector.credentials.some((field) => input[field])) {
      throw new AirstoreError('missing_credentials', connector.displayName, connector.credentials.join(' or '));
    }
    if (this.#store.connections.findByIntegration(workspace.id, connector.id)) {
      throw new AirstoreError('connection_exists', workspace.externalId, connector.id);
    }
    const externalId = newExternalId('conn');
    const credentials: ConnectionCredentials = {
      accessToken: input.accessToken,
      refreshToken: input.refreshToken,
      apiKey: input.apiKey,
      extra: input.extra,
    };
    return this.#store.connections.create({
      externalId,
      workspaceId: workspace.id,
      integration: connector.id,
      scope: input.scope ?? null,
      sealedCredentials: this.#cipher.seal(JSON.stringify(credentials), externalId),
      expiresAt: null,
    });
  }

  /**
   * Replaces some of a connection's credentials (a rotated token, a new `extra`, which replaces the old one whole),
   * keeping what it synced; the others stay as they were.
   */
  update(principal: Principal, workspaceId: string, connectionId: string, changes: ConnectionCredentials): ConnectionRecord {
    requireAdmin(principal, 'update connections');
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const connection = this.#store.connections.findByExternalId(workspace.id, connectionId);
    if (!connection) throw new AirstoreError('connection_not_found', connectionId);
    const credentials = { ...this.credentialsOf(connection), ...changes };
    const connector = connectorFor(connection.integration as IntegrationType);
    if (!connector.credentials.some((field) => credentials[field])) {
      throw new AirstoreError('missing_credentials', connector.displayName, connector.credentials.join(' or '));
    }
    this.#store.connections.replaceCredentials(connection.id, this.#cipher.seal(JSON.stringify(credentials), connection.externalId));
    return this.#store.connections.findById(connection.id)!;
  }

  list(principal: Principal, workspaceId: string): ConnectionRecord[] {
    return this.#store.connections.list(resolveWorkspace(this.#store, principal, workspaceId).id);
  }

  delete(principal: Principal, workspaceId: string, connectionId: string): void {
    requireAdmin(principal, 'delete connections');
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const connection = this.#store.connections.findByExternalId(workspace.id, connectionId);
    if (!connection) throw new AirstoreError('connection_not_found', connectionId);
    this.#store.connections.delete(connection.id);
  }

  /** For the sync engine only: seals credentials a connector refreshed (a new access token) and when they expire. */
  saveCredentials(connection: ConnectionRecord, credentials: ConnectionCredentials, expiresAt: number | null): void {
    this.#store.connections.updateCredentials(connection.id, this.#cipher.seal(JSON.stringify(credentials), connection.externalId), expiresAt);
  }

  /** For the sync engine only: the decrypted credentials of a connection. */
  credentialsOf(connection: ConnectionRecord): ConnectionCredentials {
    return JSON.parse(this.#cipher.open(connection.sealedCredentials, connection.externalId)) as ConnectionCredentials;
  }
}
