import { timingSafeEqual } from 'node:crypto';
import { AirstoreError } from '../errors.ts';
import type { Store } from '../store/index.ts';
import type { Principal } from './access.ts';
import { hashTokenSecret } from './tokens.ts';

/** `last_used_at` is written at most this often per token, so reads stay reads. */
const lastUsedResolutionMs = 1000;

/** Past this many remembered secrets the memo starts over, so unknown keys sprayed at the agent cannot fill it. */
const hashMemoLimit = 10_000;

export class Authenticator {
  readonly #store: Store;
  readonly #adminKeyHash: Buffer;
  /**
   * Presented secret → its SHA-256. Hashing is most of the cost of authenticating a
   * request, and clients repeat the same key; the secrets live only in this process's
   * memory, which already holds the admin key and the data key.
   */
  readonly #hashes = new Map<string, Buffer>();

  constructor(store: Store, adminKey: string) {
    this.#store = store;
    this.#adminKeyHash = hashTokenSecret(adminKey);
  }

  /** Resolves an `Authorization` header to a principal, or throws a 401 error naming what is wrong. */
  authenticate(authorization: string | undefined, now = Date.now()): Principal {
    const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!secret) throw new AirstoreError('auth_required');
    const secretHash = this.#hashOf(secret);
    if (timingSafeEqual(secretHash, this.#adminKeyHash)) return { kind: 'admin' };

    const grant = secret.startsWith('tok_') ? this.#store.tokens.findBySecretHash(secretHash) : undefined;
    if (!grant) throw new AirstoreError('invalid_token');
    if (grant.revokedAt !== null) throw new AirstoreError('token_revoked');
    if (grant.expiresAt !== null && grant.expiresAt <= now) throw new AirstoreError('token_expired');
    if (grant.lastUsedAt === null || now - grant.lastUsedAt >= lastUsedResolutionMs) this.#store.tokens.touch(grant, now);
    return { kind: 'token', token: grant };
  }

  #hashOf(secret: string): Buffer {
    let secretHash = this.#hashes.get(secret);
    if (!secretHash) {
      if (this.#hashes.size >= hashMemoLimit) this.#hashes.clear();
      secretHash = hashTokenSecret(secret);
      this.#hashes.set(secret, secretHash);
    }
    return secretHash;
  }
}
