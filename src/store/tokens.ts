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

/** Past this many cached grants the cache starts over; it only ever holds tokens in use. */
const grantCacheLimit = 10_000;

export class TokenStore {
  /**
   * Grants by secret hash. Every request authenticates, and even an indexed SQLite
   * read costs more than the rest of authentication, so grants are kept in memory.
   * The agent is the store's only writer (the file is opened with exclusive locking),
   * so the cache stays exact: revocation and workspace deletion clear it, `touch`
   * updates it. Unknown hashes are never cached, so guessing cannot fill it.
   */
  readonly #grants = new Map<string, TokenGrant>();
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
      // A correlated subquery rather than a JOIN: SQLite's join set-up (a Bloom filter) costs more than the lookup itself.
      `SELECT ${columns}, (SELECT external_id FROM workspaces WHERE id = t.workspace_id) AS workspaceExternalId
       FROM tokens t WHERE t.secret_hash = ?`,
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
    const key = secretHash.toString('base64');
    const cached = this.#grants.get(key);
    if (cached) return cached;
    const grant = this.#bySecretHash.get(secretHash);
    if (grant) {
      if (this.#grants.size >= grantCacheLimit) this.#grants.clear();
      this.#grants.set(key, grant);
    }
    return grant;
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
    this.forgetGrants();
  }

  /** Records use; `grant` is the object `findBySecretHash` returned, kept current in the cache. */
  touch(grant: TokenGrant, now = Date.now()): void {
    this.#touch.run(now, grant.id);
    grant.lastUsedAt = now;
  }

  /** Called whenever tokens may have gone (revocation, workspace deletion). */
  forgetGrants(): void {
    this.#grants.clear();
  }
}
