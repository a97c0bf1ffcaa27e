import { hash } from 'node:crypto';
import { AirstoreError } from '../errors.ts';
import { newExternalId, newSecret } from '../ids.ts';
import type { Store } from '../store/index.ts';
import type { TokenRecord } from '../store/tokens.ts';
import { type Principal, requireAdmin, resolveWorkspace } from './access.ts';

export interface MintedToken {
  /** The raw `tok_…` value: returned here once and never again. */
  token: string;
  info: TokenRecord;
}

export function hashTokenSecret(secret: string): Buffer {
  return hash('sha256', secret, 'buffer');
}

export class TokenService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** `expiresIn` in seconds; 0 or absent means the token never expires. */
  create(principal: Principal, workspaceId: string, input: { name: string; expiresIn?: number }, now = Date.now()): MintedToken {
    requireAdmin(principal, 'create tokens');
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const token = newSecret('tok');
    const info = this.#store.tokens.create({
      externalId: newExternalId('tkn'),
      workspaceId: workspace.id,
      name: input.name,
      secretHash: hashTokenSecret(token),
      expiresAt: input.expiresIn ? now + input.expiresIn * 1000 : null,
    }, now);
    return { token, info };
  }

  list(principal: Principal, workspaceId: string): TokenRecord[] {
    requireAdmin(principal, 'list tokens');
    return this.#store.tokens.listActive(resolveWorkspace(this.#store, principal, workspaceId).id);
  }

  /** Takes effect on the very next request: authentication reads the store every time. */
  revoke(principal: Principal, workspaceId: string, tokenId: string): void {
    requireAdmin(principal, 'revoke tokens');
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const token = this.#store.tokens.findByExternalId(workspace.id, tokenId);
    if (!token || token.revokedAt !== null) throw new AirstoreError('token_not_found', tokenId);
    this.#store.tokens.revoke(token.id);
  }
}
