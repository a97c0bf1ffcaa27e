import { Type } from 'typebox';
import type { Services } from '../../services/index.ts';
import { presentToken } from '../presenters.ts';
import { listOf, nameSchema, tokenSchema, workspaceParams } from '../schemas.ts';
import type { Api } from '../server.ts';

const tenYears = 10 * 365 * 24 * 3600;

export function tokenRoutes(api: Api, { tokens }: Services): void {
  api.post('/workspaces/:workspaceId/tokens', {
    schema: {
      params: workspaceParams,
      body: Type.Object({
        name: nameSchema,
        expiresIn: Type.Optional(Type.Integer({ minimum: 0, maximum: tenYears, description: 'seconds; 0 means never' })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ token: Type.String(), info: tokenSchema }) },
    },
  }, async (request, reply) => {
    const { workspaceId } = request.params;
    const minted = tokens.create(request.principal, workspaceId, request.body);
    return reply.code(201).send({ token: minted.token, info: presentToken(minted.info, workspaceId) });
  });

  api.get('/workspaces/:workspaceId/tokens', {
    schema: { params: workspaceParams, response: { 200: listOf(tokenSchema) } },
  }, async (request) => {
    const { workspaceId } = request.params;
    return { data: tokens.list(request.principal, workspaceId).map((token) => presentToken(token, workspaceId)) };
  });

  api.delete('/workspaces/:workspaceId/tokens/:tokenId', {
    schema: { params: Type.Object({ ...workspaceParams.properties, tokenId: Type.String({ minLength: 1, maxLength: 100 }) }) },
  }, async (request, reply) => {
    tokens.revoke(request.principal, request.params.workspaceId, request.params.tokenId);
    return reply.code(204).send();
  });
}
