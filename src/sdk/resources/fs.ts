import type {
  FsPathParams,
  FsReadParams,
  FsSearchHit,
  FsSearchParams,
  FsTreePage,
  FsTreeParams,
  RequestOptions,
  VirtualFile,
  WithResponse,
} from '../types.ts';
import { APIResource, path } from './resource.ts';

/** Query values as the API reads them: only the ones given, as text. */
function query(params: object): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
}

/** `airstore.fs`: the workspace's tree, the same one the mount shows; read-only. */
export class Fs extends APIResource {
  async list(workspaceId: string, params: FsPathParams = {}, options?: RequestOptions): Promise<WithResponse<VirtualFile[]>> {
    return this.requestList(path`/workspaces/${workspaceId}/fs/list`, options, query({ path: params.path ?? '/' }));
  }

  async stat(workspaceId: string, params: { path: string }, options?: RequestOptions): Promise<WithResponse<VirtualFile>> {
    return this.requestObject({ method: 'GET', path: path`/workspaces/${workspaceId}/fs/stat`, query: query(params), options });
  }

  /** The file's contents as UTF-8 text; `offset` and `length` read a byte range. */
  async read(workspaceId: string, params: FsReadParams, options?: RequestOptions): Promise<string> {
    return (await this.readBytes(workspaceId, params, options)).toString('utf8');
  }

  /** The file's exact bytes, for binary files. */
  async readBytes(workspaceId: string, params: FsReadParams, options?: RequestOptions): Promise<Buffer> {
    return this.requestBytes({ method: 'GET', path: path`/workspaces/${workspaceId}/fs/read`, query: query(params), options });
  }

  /** Everything under a path, depth first; page with `maxKeys` and `continuation_token`. */
  async tree(workspaceId: string, params: FsTreeParams = {}, options?: RequestOptions): Promise<WithResponse<FsTreePage>> {
    return this.requestObject({ method: 'GET', path: path`/workspaces/${workspaceId}/fs/tree`, query: query(params), options });
  }

  /** Full-text search over the workspace's items, answered as up to `limit` files that show them, best match first. */
  async search(workspaceId: string, params: FsSearchParams, options?: RequestOptions): Promise<WithResponse<FsSearchHit[]>> {
    return this.requestList(path`/workspaces/${workspaceId}/fs/search`, options, query(params));
  }
}
