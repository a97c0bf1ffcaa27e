import { Type } from 'typebox';
import type { Services } from '../../services/index.ts';
import { presentWorkspace } from '../presenters.ts';
import { listOf, nameSchema, workspaceParams, workspaceSchema } from '../schemas.ts';
import type { Api } from '../server.ts';

export function workspaceRoutes(api: Api, { workspaces }: Services): void {
  api.post('/workspaces', {
    schema: {
      body: Type.Object({ name: nameSchema }, { additionalProperties: false }),
      response: { 201: workspaceSchema },
    },
  }, async (request, reply) => reply.code(201).send(presentWorkspace(workspaces.create(request.principal, request.body))));

  api.get('/workspaces', {
    schema: { response: { 200: listOf(workspaceSchema) } },
  }, async (request) => ({ data: workspaces.list(request.principal).map(presentWorkspace) }));

  api.get('/workspaces/:workspaceId', {
    schema: { params: workspaceParams, response: { 200: workspaceSchema } },
  }, async (request) => presentWorkspace(workspaces.get(request.principal, request.params.workspaceId)));

  api.delete('/workspaces/:workspaceId', {
    schema: { params: workspaceParams },
  }, async (request, reply) => {
    workspaces.delete(request.principal, request.params.workspaceId);
    return reply.code(204).send();
  });
}
