import type { Connection, ConnectionCreateParams, ConnectionSyncParams, ConnectionUpdateParams, RequestOptions, WithResponse } from '../types.ts';
import { APIResource, path } from './resource.ts';

/** `airstore.connections`: credentials go in, never come back out. */
export class Connections extends APIResource {
  async create(workspaceId: string, params: ConnectionCreateParams, options?: RequestOptions): Promise<WithResponse<Connection>> {
    return this.requestObject({ method: 'POST', path: path`/workspaces/${workspaceId}/connections`, body: params, options });
  }

  async list(workspaceId: string, options?: RequestOptions): Promise<WithResponse<Connection[]>> {
    return this.requestList(path`/workspaces/${workspaceId}/connections`, options);
  }

  /** Replaces some credentials (a rotated token), keeping the synced data; a sync starts with them. */
  async update(workspaceId: string, connectionId: string, params: ConnectionUpdateParams, options?: RequestOptions): Promise<WithResponse<Connection>> {
    return this.requestObject({ method: 'PATCH', path: path`/workspaces/${workspaceId}/connections/${connectionId}`, body: params, options });
  }

  /** Starts a sync now; answers at once with the connection, its sync `syncing`. */
  async sync(workspaceId: string, connectionId: string, params: ConnectionSyncParams = {}, options?: RequestOptions): Promise<WithResponse<Connection>> {
    return this.requestObject({ method: 'POST', path: path`/workspaces/${workspaceId}/connections/${connectionId}/sync`, body: params, options });
  }

  async del(workspaceId: string, connectionId: string, options?: RequestOptions): Promise<void> {
    return this.requestDelete(path`/workspaces/${workspaceId}/connections/${connectionId}`, options);
  }
}
