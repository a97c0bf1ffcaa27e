import { Type } from 'typebox';
import { nullableString } from '../schemas.ts';
import type { Api } from '../server.ts';

/** Who the caller's key is: the admin, or a token and its workspace (how a mount learns its workspace). */
export function whoamiRoutes(api: Api): void {
  api.get('/whoami', {
    schema: {
      response: {
        200: Type.Object({
          kind: Type.Enum(['admin', 'token']),
          workspace_id: Type.Optional(Type.String()),
          token_id: Type.Optional(Type.String()),
          expires_at: Type.Optional(nullableString),
        }),
      },
    },
  }, async ({ principal }) => {
    if (principal.kind === 'admin') return { kind: 'admin' as const };
    const { token } = principal;
    return {
      kind: 'token' as const,
      workspace_id: token.workspaceExternalId,
      token_id: token.externalId,
      expires_at: token.expiresAt === null ? null : new Date(token.expiresAt).toISOString(),
    };
  });
}
