import type {
  RequestOptions,
  SmartFolder,
  SmartFolderCreateParams,
  SmartFolderExplanation,
  SmartFolderUpdateParams,
  WithResponse,
} from '../types.ts';
import { APIResource, path } from './resource.ts';

/** `airstore.smartFolders`: usable with the admin key and with the workspace's own tokens. */
export class SmartFolders extends APIResource {
  async create(workspaceId: string, params: SmartFolderCreateParams, options?: RequestOptions): Promise<WithResponse<SmartFolder>> {
    return this.requestObject({ method: 'POST', path: path`/workspaces/${workspaceId}/smart-folders`, body: params, options });
  }

  async list(workspaceId: string, options?: RequestOptions): Promise<WithResponse<SmartFolder[]>> {
    return this.requestList(path`/workspaces/${workspaceId}/smart-folders`, options);
  }

  /** By id (`sq_…`) or by its path in the mount (`/github/open-prs`): ids never contain '/'. */
  async retrieve(workspaceId: string, idOrPath: string, options?: RequestOptions): Promise<WithResponse<SmartFolder>> {
    if (idOrPath.includes('/')) {
      const byPath = path`/workspaces/${workspaceId}/smart-folders/by-path`;
      return this.requestObject({ method: 'GET', path: byPath, query: { path: idOrPath }, options });
    }
    return this.requestObject({ method: 'GET', path: path`/workspaces/${workspaceId}/smart-folders/${idOrPath}`, options });
  }

  /** Setting guidance replaces a filter and the other way round; renaming moves the directory. */
  async update(workspaceId: string, folderId: string, changes: SmartFolderUpdateParams, options?: RequestOptions): Promise<WithResponse<SmartFolder>> {
    const folderPath = path`/workspaces/${workspaceId}/smart-folders/${folderId}`;
    return this.requestObject({ method: 'PATCH', path: folderPath, body: changes, options });
  }

  /** How the folder's guidance was understood and what it matches; by id or by path. */
  async explain(workspaceId: string, idOrPath: string, options?: RequestOptions): Promise<WithResponse<SmartFolderExplanation>> {
    const folderId = idOrPath.includes('/') ? (await this.retrieve(workspaceId, idOrPath, options)).external_id : idOrPath;
    return this.requestObject({ method: 'GET', path: path`/workspaces/${workspaceId}/smart-folders/${folderId}/explain`, options });
  }

  async del(workspaceId: string, folderId: string, options?: RequestOptions): Promise<void> {
    return this.requestDelete(path`/workspaces/${workspaceId}/smart-folders/${folderId}`, options);
  }
}
