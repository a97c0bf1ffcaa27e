import { Type } from 'typebox';
import type { Services } from '../../services/index.ts';
import { presentConnection } from '../presenters.ts';
import { connectionSchema, integrationTypeSchema, listOf, workspaceParams } from '../schemas.ts';
import type { Api } from '../server.ts';

const secret = Type.String({ minLength: 1, maxLength: 8192 });

const newConnectionBody = Type.Object({
  integrationType: integrationTypeSchema,
  accessToken: Type.Optional(secret),
  refreshToken: Type.Optional(secret),
  apiKey: Type.Optional(secret),
  scope: Type.Optional(Type.String({ maxLength: 4096 })),
  extra: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 8192 }))),
}, { additionalProperties: false });

export function connectionRoutes(api: Api, { connections }: Services): void {
  api.post('/workspaces/:workspaceId/connections', {
    schema: { params: workspaceParams, body: newConnectionBody, response: { 201: connectionSchema } },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const connection = connections.create(request.principal, workspaceId, request.body);
    return reply.code(201).send(presentConnection(connection, workspaceId));
  });

  api.get('/workspaces/:workspaceId/connections', {
    schema: { params: workspaceParams, response: { 200: listOf(connectionSchema) } },
  }, async (request) => {
    const { workspaceId } = request.params;
    return { data: connections.list(request.principal, workspaceId).map((c) => presentConnection(c, workspaceId)) };
  });

  api.delete('/workspaces/:workspaceId/connections/:connectionId', {
    schema: { params: Type.Object({ ...workspaceParams.properties, connectionId: Type.String({ minLength: 1, maxLength: 100 }) }) },
  }, async (request, reply) => {
    connections.delete(request.principal, request.params.workspaceId, request.params.connectionId);
    return reply.code(204).send();
  });
}
