import type { RequestOptions, Token, TokenCreateParams, TokenCreateResponse, WithResponse } from '../types.ts';
import { APIResource, path } from './resource.ts';

/** `airstore.tokens`: workspace tokens for mounts; admin key only. */
export class Tokens extends APIResource {
  /** The raw token is in the answer this once; store it, it cannot be retrieved again. */
  async create(workspaceId: string, params: TokenCreateParams, options?: RequestOptions): Promise<WithResponse<TokenCreateResponse>> {
    return this.requestObject({ method: 'POST', path: path`/workspaces/${workspaceId}/tokens`, body: params, options });
  }

  /** Metadata only; revoked tokens are not listed. */
  async list(workspaceId: string, options?: RequestOptions): Promise<WithResponse<Token[]>> {
    return this.requestList(path`/workspaces/${workspaceId}/tokens`, options);
  }

  /** The token fails from the next request on. */
  async revoke(workspaceId: string, tokenId: string, options?: RequestOptions): Promise<void> {
    return this.requestDelete(path`/workspaces/${workspaceId}/tokens/${tokenId}`, options);
  }
}
