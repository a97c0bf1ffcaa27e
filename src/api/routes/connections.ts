import { Type } from 'typebox';
import type { Services } from '../../services/index.ts';
import { presentConnection } from '../presenters.ts';
import { connectionSchema, integrationTypeSchema, listOf, workspaceParams } from '../schemas.ts';
import type { Api } from '../server.ts';

const secret = Type.String({ minLength: 1, maxLength: 8192 });

/** What a connection holds in secret, as a request gives it. */
const credentialFields = {
  accessToken: Type.Optional(secret),
  refreshToken: Type.Optional(secret),
  apiKey: Type.Optional(secret),
  extra: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 8192 }))),
};

const newConnectionBody = Type.Object({
  integrationType: integrationTypeSchema,
  ...credentialFields,
  scope: Type.Optional(Type.String({ maxLength: 4096 })),
}, { additionalProperties: false });

const connectionUpdateBody = Type.Object(credentialFields, { additionalProperties: false, minProperties: 1 });

const connectionParams = Type.Object({ ...workspaceParams.properties, connectionId: Type.String({ minLength: 1, maxLength: 100 }) });

const syncBody = Type.Union([Type.Object({ full: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), Type.Null()]);

export function connectionRoutes(api: Api, { connections, sync }: Services): void {
  api.post('/workspaces/:workspaceId/connections', {
    schema: { params: workspaceParams, body: newConnectionBody, response: { 201: connectionSchema } },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const connection = connections.create(request.principal, workspaceId, request.body);
    return reply.code(201).send(presentConnection(connection, workspaceId, sync.describe(connection)));
  });

  api.get('/workspaces/:workspaceId/connections', {
    schema: { params: workspaceParams, response: { 200: listOf(connectionSchema) } },
  }, async (request) => {
    const { workspaceId } = request.params;
    return { data: connections.list(request.principal, workspaceId).map((c) => presentConnection(c, workspaceId, sync.describe(c))) };
  });

  // Starts a sync in the background and answers at once with the connection, its sync state now `syncing`.
  api.post('/workspaces/:workspaceId/connections/:connectionId/sync', {
    schema: { params: connectionParams, body: syncBody, response: { 202: connectionSchema } },
  }, async (request, reply) => {
    const { workspaceId, connectionId } = request.params;
    const connection = sync.request(request.principal, workspaceId, connectionId, { full: request.body?.full ?? false });
    return reply.code(202).send(presentConnection(connection, workspaceId, sync.describe(connection)));
  });

  // New credentials take effect at once: a sync starts with them, and its state answers whether they work.
  api.patch('/workspaces/:workspaceId/connections/:connectionId', {
    schema: { params: connectionParams, body: connectionUpdateBody, response: { 200: connectionSchema } },
  }, async (request) => {
    const { workspaceId, connectionId } = request.params;
    connections.update(request.principal, workspaceId, connectionId, request.body);
    const connection = sync.request(request.principal, workspaceId, connectionId, { full: false });
    return presentConnection(connection, workspaceId, sync.describe(connection));
  });

  api.delete('/workspaces/:workspaceId/connections/:connectionId', {
    schema: { params: connectionParams },
  }, async (request, reply) => {
    connections.delete(request.principal, request.params.workspaceId, request.params.connectionId);
    return reply.code(204).send();
  });
}
