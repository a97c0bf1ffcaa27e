import type { Identity, RequestOptions, WithResponse } from '../types.ts';
import { APIResource } from './resource.ts';

/** Who the client's key is (`GET /whoami`); a mount learns its workspace this way. */
export class Identities extends APIResource {
  async retrieve(options?: RequestOptions): Promise<WithResponse<Identity>> {
    return this.requestObject({ method: 'GET', path: '/whoami', options });
  }
}
