import { LinearClient, LinearError, RatelimitedLinearError } from '@linear/sdk';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';

/**
 * The SDK's client for the connection: an API key (sent as is) or an OAuth
 * token (as Bearer); `extra.baseUrl` sets `apiUrl`. Its GraphQL client sends
 * the connector's own documents, so one request fetches a whole page.
 */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl' | 'signal'>): LinearClient {
  const { apiKey, accessToken } = ctx.credentials;
  return new LinearClient({
    ...(apiKey ? { apiKey } : { accessToken }),
    ...(ctx.baseUrl ? { apiUrl: ctx.baseUrl } : {}),
    signal: ctx.signal,
  });
}

/** One GraphQL request through the rate limiter; its data, typed by the caller's query. */
export async function query<T>(client: LinearClient, ctx: SyncContext, document: string, variables: Record<string, unknown>): Promise<T> {
  const response = await ctx.call(() => client.client.rawRequest<T, Record<string, unknown>>(document, variables));
  return response.data as T;
}

/** The SDK's typed errors → what the engine does. */
export function classify(error: unknown): ProviderFailure {
  if (error instanceof RatelimitedLinearError) {
    return { kind: 'rate_limited', retryAfterMs: error.retryAfter === undefined ? undefined : error.retryAfter * 1000, message: `Linear: ${error.message}` };
  }
  if (error instanceof LinearError) {
    const message = `Linear: ${error.message}`;
    const type = String(error.type);
    if (type === 'AuthenticationError' || type === 'Forbidden') return { kind: 'auth_failed', message };
    if (type === 'NetworkError' || type === 'InternalError' || type === 'LockTimeout' || (error.status ?? 0) >= 500) return { kind: 'unavailable', message };
    return { kind: 'fatal', message };
  }
  // fetch itself failed: the host is down or unreachable.
  if (error instanceof TypeError) return { kind: 'unavailable', message: `Linear: ${error.message}` };
  return { kind: 'fatal', message: `Linear: ${error instanceof Error ? error.message : String(error)}` };
}
