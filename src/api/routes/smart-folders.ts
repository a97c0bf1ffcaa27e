import { Type } from 'typebox';
import type { Services } from '../../services/index.ts';
import { presentSmartFolder } from '../presenters.ts';
import { filterSchema, integrationTypeSchema, listOf, nameSchema, smartFolderSchema, workspaceParams } from '../schemas.ts';
import type { Api } from '../server.ts';

const definitionFields = {
  guidance: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  filter: Type.Optional(filterSchema),
};

const folderParams = Type.Object({ ...workspaceParams.properties, folderId: Type.String({ minLength: 1, maxLength: 100 }) });

export function smartFolderRoutes(api: Api, { smartFolders }: Services): void {
  api.post('/workspaces/:workspaceId/smart-folders', {
    schema: {
      params: workspaceParams,
      body: Type.Object({ integration: integrationTypeSchema, name: nameSchema, ...definitionFields }, { additionalProperties: false }),
      response: { 201: smartFolderSchema },
    },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const folder = smartFolders.create(request.principal, workspaceId, request.body);
    return reply.code(201).send(presentSmartFolder(folder, workspaceId));
  });

  api.get('/workspaces/:workspaceId/smart-folders', {
    schema: { params: workspaceParams, response: { 200: listOf(smartFolderSchema) } },
  }, async (request) => {
    const { workspaceId } = request.params;
    return { data: smartFolders.list(request.principal, workspaceId).map((folder) => presentSmartFolder(folder, workspaceId)) };
  });

  api.get('/workspaces/:workspaceId/smart-folders/by-path', {
    schema: {
      params: workspaceParams,
      querystring: Type.Object({ path: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
      response: { 200: smartFolderSchema },
    },
  }, async (request) => {
    const { workspaceId } = request.params;
    return presentSmartFolder(smartFolders.getByPath(request.principal, workspaceId, request.query.path), workspaceId);
  });

  api.get('/workspaces/:workspaceId/smart-folders/:folderId', {
    schema: { params: folderParams, response: { 200: smartFolderSchema } },
  }, async (request) => {
    const { workspaceId, folderId } = request.params;
    return presentSmartFolder(smartFolders.get(request.principal, workspaceId, folderId), workspaceId);
  });

  api.patch('/workspaces/:workspaceId/smart-folders/:folderId', {
    schema: {
      params: folderParams,
      body: Type.Object({ name: Type.Optional(nameSchema), ...definitionFields }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: smartFolderSchema },
    },
  }, async (request) => {
    const { workspaceId, folderId } = request.params;
    return presentSmartFolder(smartFolders.update(request.principal, workspaceId, folderId, request.body), workspaceId);
  });

  api.delete('/workspaces/:workspaceId/smart-folders/:folderId', {
    schema: { params: folderParams },
  }, async (request, reply) => {
    smartFolders.delete(request.principal, request.params.workspaceId, request.params.folderId);
    return reply.code(204).send();
  });
}
