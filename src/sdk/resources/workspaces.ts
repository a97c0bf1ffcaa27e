import type { RequestOptions, WithResponse, Workspace, WorkspaceCreateParams } from '../types.ts';
import { APIResource, path } from './resource.ts';

/** `airstore.workspaces`: creating and deleting need the admin key. */
export class Workspaces extends APIResource {
  async create(params: WorkspaceCreateParams, options?: RequestOptions): Promise<WithResponse<Workspace>> {
    return this.requestObject({ method: 'POST', path: '/workspaces', body: params, options });
  }

  /** All workspaces for the admin key; only its own for a workspace token. */
  async list(options?: RequestOptions): Promise<WithResponse<Workspace[]>> {
    return this.requestList('/workspaces', options);
  }

  async retrieve(workspaceId: string, options?: RequestOptions): Promise<WithResponse<Workspace>> {
    return this.requestObject({ method: 'GET', path: path`/workspaces/${workspaceId}`, options });
  }

  /** Deletes everything in the workspace too. */
  async del(workspaceId: string, options?: RequestOptions): Promise<void> {
    return this.requestDelete(path`/workspaces/${workspaceId}`, options);
  }
}
