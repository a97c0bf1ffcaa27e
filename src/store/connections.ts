import type { ChangeCounter } from './changes.ts';
import type { SqliteDatabase, Statement } from './database.ts';

export interface ConnectionRecord {
  id: number;
  externalId: string;
  workspaceId: number;
  integration: string;
  scope: string | null;
  /** AES-256-GCM sealed JSON of the credentials and `extra` (see src/secrets/cipher.ts). */
  sealedCredentials: Buffer;
  expiresAt: number | null;
  /** JSON of the connected account's identity, once the connector has described it. */
  account: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Who a connection's credentials belong to, as the connector describes them. */
export interface ConnectionAccount {
  /** The provider's handle: a GitHub login, a Slack user id, an email address… */
  id: string;
  name?: string;
  email?: string;
}

export interface NewConnection {
  externalId: string;
  workspaceId: number;
  integration: string;
  scope: string | null;
  sealedCredentials: Buffer;
  expiresAt: number | null;
}

const columns = `id, external_id AS externalId, workspace_id AS workspaceId, integration, scope,
  sealed_credentials AS sealedCredentials, expires_at AS expiresAt, account, created_at AS createdAt, updated_at AS updatedAt`;

export class ConnectionStore {
  readonly #insert: Statement<[string, number, string, string | null, Buffer, number | null, number, number]>;
  readonly #byExternalId: Statement<[number, string], ConnectionRecord>;
  readonly #byId: Statement<[number], ConnectionRecord>;
  readonly #byIntegration: Statement<[number, string], ConnectionRecord>;
  readonly #all: Statement<[number], ConnectionRecord>;
  readonly #updateCredentials: Statement<[Buffer, number | null, number, number]>;
  readonly #setAccount: Statement<[string, number, number]>;
  readonly #replaceCredentials: Statement<[Buffer, number, number]>;
  readonly #delete: Statement<[number]>;
  readonly #changes: ChangeCounter;

  constructor(db: SqliteDatabase, changes: ChangeCounter) {
    this.#changes = changes;
    this.#insert = db.prepare(`INSERT INTO connections
      (external_id, workspace_id, integration, scope, sealed_credentials, expires_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#byExternalId = db.prepare(`SELECT ${columns} FROM connections WHERE workspace_id = ? AND external_id = ?`);
    this.#byId = db.prepare(`SELECT ${columns} FROM connections WHERE id = ?`);
    this.#byIntegration = db.prepare(`SELECT ${columns} FROM connections WHERE workspace_id = ? AND integration = ?`);
    this.#all = db.prepare(`SELECT ${columns} FROM connections WHERE workspace_id = ? ORDER BY created_at, id`);
    this.#updateCredentials = db.prepare('UPDATE connections SET sealed_credentials = ?, expires_at = ?, updated_at = ? WHERE id = ?');
    this.#setAccount = db.prepare('UPDATE connections SET account = ?, updated_at = ? WHERE id = ?');
    this.#replaceCredentials = db.prepare('UPDATE connections SET sealed_credentials = ?, expires_at = NULL, account = NULL, updated_at = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM connections WHERE id = ?');
  }

  create(input: NewConnection, now = Date.now()): ConnectionRecord {
    const { lastInsertRowid } = this.#insert.run(
      input.externalId, input.workspaceId, input.integration, input.scope, input.sealedCredentials, input.expiresAt, now, now,
    );
    this.#changes.bump();
    return { id: Number(lastInsertRowid), ...input, account: null, createdAt: now, updatedAt: now };
  }

  findByExternalId(workspaceId: number, externalId: string): ConnectionRecord | undefined {
    return this.#byExternalId.get(workspaceId, externalId);
  }

  findById(id: number): ConnectionRecord | undefined {
    return this.#byId.get(id);
  }

  findByIntegration(workspaceId: number, integration: string): ConnectionRecord | undefined {
    return this.#byIntegration.get(workspaceId, integration);
  }

  list(workspaceId: number): ConnectionRecord[] {
    return this.#all.all(workspaceId);
  }

  /** Replaces the sealed credentials, e.g. after an OAuth refresh. */
  updateCredentials(id: number, sealedCredentials: Buffer, expiresAt: number | null, now = Date.now()): void {
    this.#updateCredentials.run(sealedCredentials, expiresAt, now, id);
  }

  /** New credentials from the user: whom they belong to is learnt again at the next sync. */
  replaceCredentials(id: number, sealedCredentials: Buffer, now = Date.now()): void {
    this.#replaceCredentials.run(sealedCredentials, now, id);
    this.#changes.bump();
  }

  setAccount(id: number, account: ConnectionAccount, now = Date.now()): void {
    this.#setAccount.run(JSON.stringify(account), now, id);
    this.#changes.bump();
  }

  /** Deletes the connection and, by cascade, its items and sync state. */
  delete(id: number): void {
    this.#delete.run(id);
    this.#changes.bump();
  }
}
