import type { Connection, ConnectionCreateParams, RequestOptions, WithResponse } from '../types.ts';
import { APIResource, path } from './resource.ts';

/** `airstore.connections`: credentials go in, never come back out. */
export class Connections extends APIResource {
  async create(workspaceId: string, params: ConnectionCreateParams, options?: RequestOptions): Promise<WithResponse<Connection>> {
    return this.requestObject({ method: 'POST', path: path`/workspaces/${workspaceId}/connections`, body: params, options });
  }

  async list(workspaceId: string, options?: RequestOptions): Promise<WithResponse<Connection[]>> {
    return this.requestList(path`/workspaces/${workspaceId}/connections`, options);
  }

  async del(workspaceId: string, connectionId: string, options?: RequestOptions): Promise<void> {
    return this.requestDelete(path`/workspaces/${workspaceId}/connections/${connectionId}`, options);
  }
}
