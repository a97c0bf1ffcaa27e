import { maxReadLength } from '../../config.ts';
import { Type } from 'typebox';
import mime from 'mime-types';
import { AirstoreError } from '../../errors.ts';
import type { Services } from '../../services/index.ts';
import type { TreeNode } from '../../tree/nodes.ts';
import { listOf, workspaceParams } from '../schemas.ts';
import type { Api } from '../server.ts';

/** The workspace's tree over HTTP: the same tree the mount shows, so the two cannot disagree. */
const virtualFileSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  path: Type.String(),
  type: Type.String({ description: 'MIME type; inode/directory for directories' }),
  is_folder: Type.Boolean(),
  size: Type.Integer(),
  modified_at: Type.String(),
});

const pathQuery = Type.String({ minLength: 1, maxLength: 4096 });
const maxTreeKeys = 10_000;

function presentNode(node: TreeNode) {
  return {
    id: node.path,
    name: node.name,
    path: node.path,
    type: node.type === 'directory' ? 'inode/directory' : mime.lookup(node.name) || 'application/octet-stream',
    is_folder: node.type === 'directory',
    size: node.size,
    modified_at: new Date(node.mtime).toISOString(),
  };
}

export function fsRoutes(api: Api, { trees }: Services): void {
  api.get('/workspaces/:workspaceId/fs/list', {
    schema: {
      params: workspaceParams,
      querystring: Type.Object({ path: Type.Optional(pathQuery) }, { additionalProperties: false }),
      response: { 200: listOf(virtualFileSchema) },
    },
  }, async (request) => {
    const path = request.query.path ?? '/';
    const children = await trees.treeFor(request.principal, request.params.workspaceId).list(path);
    if (!children) throw new AirstoreError('path_not_found', path);
    return { data: children.map(presentNode) };
  });

  api.get('/workspaces/:workspaceId/fs/stat', {
    schema: {
      params: workspaceParams,
      querystring: Type.Object({ path: pathQuery }, { additionalProperties: false }),
      response: { 200: virtualFileSchema },
    },
  }, async (request) => {
    const node = await trees.treeFor(request.principal, request.params.workspaceId).stat(request.query.path);
    if (!node) throw new AirstoreError('path_not_found', request.query.path);
    return presentNode(node);
  });

  api.get('/workspaces/:workspaceId/fs/read', {
    schema: {
      params: workspaceParams,
      querystring: Type.Object({
        path: pathQuery,
        offset: Type.Optional(Type.Integer({ minimum: 0 })),
        length: Type.Optional(Type.Integer({ minimum: 0, maximum: maxReadLength })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const { path, offset = 0, length = maxReadLength } = request.query;
    const bytes = await trees.treeFor(request.principal, request.params.workspaceId).read(path, offset, length);
    if (!bytes) throw new AirstoreError('path_not_found', path);
    return reply.type(mime.lookup(path) || 'application/octet-stream').send(bytes);
  });

  api.get('/workspaces/:workspaceId/fs/tree', {
    schema: {
      params: workspaceParams,
      querystring: Type.Object({
        path: Type.Optional(pathQuery),
        maxKeys: Type.Optional(Type.Integer({ minimum: 1, maximum: maxTreeKeys })),
        continuationToken: Type.Optional(Type.String({ maxLength: 4096 })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({ entries: Type.Array(virtualFileSchema), truncated: Type.Boolean(), continuation_token: Type.Union([Type.String(), Type.Null()]) }),
      },
    },
  }, async (request) => {
    const { path = '/', maxKeys = 1000, continuationToken } = request.query;
    const tree = trees.treeFor(request.principal, request.params.workspaceId);
    const entries: TreeNode[] = [];
    // Depth-first in path order, so a continuation token (the last path sent) resumes exactly after it.
    const walk = async (directory: string): Promise<boolean> => {
      const children = (await tree.list(directory)) ?? [];
      for (const child of children.toSorted((a, b) => (a.path < b.path ? -1 : 1))) {
        if (continuationToken === undefined || child.path > continuationToken) {
          if (entries.length === maxKeys) return true;
          entries.push(child);
        }
        if (child.type === 'directory' && (await walk(child.path))) return true;
      }
      return false;
    };
    if (!(await tree.stat(path))) throw new AirstoreError('path_not_found', path);
    const truncated = await walk(path);
    return { entries: entries.map(presentNode), truncated, continuation_token: truncated ? entries.at(-1)!.path : null };
  });

  api.get('/workspaces/:workspaceId/fs/search', {
    schema: {
      params: workspaceParams,
      querystring: Type.Object({
        q: Type.String({ minLength: 1, maxLength: 500 }),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      }, { additionalProperties: false }),
      response: { 200: listOf(Type.Object({ ...virtualFileSchema.properties, title: Type.String() })) },
    },
  }, async (request) => {
    const hits = await trees.search(request.principal, request.params.workspaceId, request.query.q, request.query.limit ?? 50);
    return { data: hits.map((hit) => ({ ...presentNode(hit.node), title: hit.title })) };
  });
}
