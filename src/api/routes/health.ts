import { Type } from 'typebox';
import pkg from '../../../package.json' with { type: 'json' };
import type { Api } from '../server.ts';

export function healthRoutes(api: Api): void {
  api.get('/health', {
    config: { public: true },
    schema: { response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) } },
  }, async () => ({ status: 'ok' as const, version: pkg.version }));
}
