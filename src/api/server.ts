import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import { apiPrefix } from '../config.ts';
import { AirstoreError } from '../errors.ts';
import type { Principal } from '../services/access.ts';
import type { Services } from '../services/index.ts';
import { createErrorHandler, sendError } from './error-handler.ts';
import { createHostGuard } from './host-guard.ts';
import { connectionRoutes } from './routes/connections.ts';
import { folderExplainRoutes } from './routes/folder-explain.ts';
import { fsRoutes } from './routes/fs.ts';
import { healthRoutes } from './routes/health.ts';
import { smartFolderRoutes } from './routes/smart-folders.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { whoamiRoutes } from './routes/whoami.ts';
import { workspaceRoutes } from './routes/workspaces.ts';
import { validatorCompiler } from './validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** Routes that answer without credentials. */
    public?: boolean;
  }
}

export type Api = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface ApiOptions {
  services: Services;
  /** Host names besides loopback that clients may use to reach the agent (e.g. a hub's name). */
  allowedHosts?: readonly string[];
  logLevel?: string;
}

export const bodyLimit = 256 * 1024;

const noQuery = Type.Object({}, { additionalProperties: false });

export function buildApi(options: ApiOptions): Api {
  const app = Fastify({
    bodyLimit,
    // Logs go to stderr so stdout stays for what the command prints. Pino's request
    // serialiser logs method, URL and addresses, never headers, so keys stay out of logs.
    logger: { level: options.logLevel ?? 'warn', stream: process.stderr },
    genReqId: () => `req_${randomBytes(8).toString('hex')}`,
    requestIdHeader: false,
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // JSON only: a text/plain body is refused with 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(createErrorHandler(bodyLimit));
  app.setNotFoundHandler((request, reply) => sendError(reply, new AirstoreError('route_not_found', `${request.method} ${request.url.split('?')[0]}`)));

  const guardHost = createHostGuard(options.allowedHosts ?? []);
  const { authenticator } = options.services;
  // Every non-public route sets it in onRequest before any handler can read it.
  app.decorateRequest('principal', null as never);
  // Runs before the body is read, so a refused request never gets parsed or validated.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    guardHost(request.headers.host, request.headers.origin);
    if (!request.routeOptions.config.public) {
      request.principal = authenticator.authenticate(request.headers.authorization);
    }
  });

  // Routes that take no query still validate it, so a mistyped parameter is refused rather than ignored.
  app.addHook('onRoute', (route) => {
    route.schema = { querystring: noQuery, ...route.schema };
  });

  app.register(async (api) => {
    healthRoutes(api);
    whoamiRoutes(api);
    workspaceRoutes(api, options.services);
    connectionRoutes(api, options.services);
    smartFolderRoutes(api, options.services);
    folderExplainRoutes(api, options.services);
    tokenRoutes(api, options.services);
    fsRoutes(api, options.services);
  }, { prefix: apiPrefix });

  return app;
}
