import type { SqliteDatabase, Statement } from './database.ts';

export interface TokenRecord {
  id: number;
  externalId: string;
  workspaceId: number;
  name: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** A token found by its secret's hash, with its workspace's public id (the hot path of every request). */
export interface TokenGrant extends TokenRecord {
  workspaceExternalId: string;
}

const columns = `t.id, t.external_id AS externalId, t.workspace_id AS workspaceId, t.name,
  t.created_at AS createdAt, t.expires_at AS expiresAt, t.last_used_at AS lastUsedAt, t.revoked_at AS revokedAt`;

export class TokenStore {
  readonly #insert: Statement<[string, number, string, Buffer, number, number | null]>;
  readonly #bySecretHash: Statement<[Buffer], TokenGrant>;
  readonly #byExternalId: Statement<[number, string], TokenRecord>;
  readonly #active: Statement<[number], TokenRecord>;
  readonly #revoke: Statement<[number, number]>;
  readonly #touch: Statement<[number, number]>;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare(
      'INSERT INTO tokens (external_id, workspace_id, name, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#bySecretHash = db.prepare(
      `SELECT ${columns}, w.external_id AS workspaceExternalId FROM tokens t JOIN workspaces w ON w.id = t.workspace_id WHERE t.secret_hash = ?`,
    );
    this.#byExternalId = db.prepare(`SELECT ${columns} FROM tokens t WHERE t.workspace_id = ? AND t.external_id = ?`);
    this.#active = db.prepare(`SELECT ${columns} FROM tokens t WHERE t.workspace_id = ? AND t.revoked_at IS NULL ORDER BY t.created_at, t.id`);
    this.#revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.#touch = db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?');
  }

  /** Stores a token by the SHA-256 hash of its secret; the secret itself never reaches the store. */
  create(
    input: { externalId: string; workspaceId: number; name: string; secretHash: Buffer; expiresAt: number | null },
    now = Date.now(),
  ): TokenRecord {
    const { lastInsertRowid } = this.#insert.run(input.externalId, input.workspaceId, input.name, input.secretHash, now, input.expiresAt);
    return {
      id: Number(lastInsertRowid),
      externalId: input.externalId,
      workspaceId: input.workspaceId,
      name: input.name,
      createdAt: now,
      expiresAt: input.expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
  }

  /** An indexed lookup on the unique hash column: no scan, whatever the number of tokens. */
  findBySecretHash(secretHash: Buffer): TokenGrant | undefined {
    return this.#bySecretHash.get(secretHash);
  }

  findByExternalId(workspaceId: number, externalId: string): TokenRecord | undefined {
    return this.#byExternalId.get(workspaceId, externalId);
  }

  /** Tokens not revoked, expired ones included (they show their `expiresAt`). */
  listActive(workspaceId: number): TokenRecord[] {
    return this.#active.all(workspaceId);
  }

  revoke(id: number, now = Date.now()): void {
    this.#revoke.run(now, id);
  }

  touch(id: number, now = Date.now()): void {
    this.#touch.run(now, id);
  }
}
