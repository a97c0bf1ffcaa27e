import { APIErrorCode, Client, LogLevel, RequestTimeoutError, UnknownHTTPResponseError, isNotionClientError } from '@notionhq/client';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';

/**
 * The SDK's client for the connection: an internal integration secret
 * (`apiKey`) or an OAuth access token, both sent as Bearer; `extra.baseUrl`
 * sets `baseUrl`. The SDK's own retries are off: the engine retries. The
 * Notion-Version is the SDK's default (2025-09-03), the one the fake speaks.
 */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl'>): Client {
  const { apiKey, accessToken } = ctx.credentials;
  // Failed requests are the engine's to log (with the connection's name); the SDK would also print each to the console.
  return new Client({ auth: apiKey ?? accessToken, retry: false, logLevel: LogLevel.ERROR, ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl } : {}) });
}

/** A response header from an SDK error, whatever `fetch` built the headers. */
function header(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (headers && typeof headers === 'object') {
    const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
    return found ? String(found[1]) : undefined;
  }
  return undefined;
}

const unavailable = new Set<string>([
  APIErrorCode.InternalServerError, APIErrorCode.ServiceUnavailable, APIErrorCode.ServiceOverload, APIErrorCode.GatewayTimeout,
]);

/**
 * Notion's code for a failed request, for the few a sync handles itself:
 * `object_not_found` (deleted, or not shared with the integration),
 * `validation_error` (an expired start cursor), `restricted_resource` (a
 * capability the integration lacks).
 */
export function errorCode(error: unknown): string | undefined {
  return isNotionClientError(error) ? error.code : undefined;
}

/** The SDK's errors → what the engine does. */
export function classify(error: unknown): ProviderFailure {
  if (error instanceof RequestTimeoutError) return { kind: 'unavailable', message: `Notion: ${error.message}` };
  if (isNotionClientError(error)) {
    const message = `Notion: ${error.message}`;
    if (error.code === APIErrorCode.RateLimited) {
      const seconds = Number(header('headers' in error ? error.headers : undefined, 'retry-after'));
      return { kind: 'rate_limited', retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined, message };
    }
    // A revoked secret is `unauthorized`; an integration without a capability it needs is `restricted_resource`.
    if (error.code === APIErrorCode.Unauthorized || error.code === APIErrorCode.RestrictedResource) return { kind: 'auth_failed', message };
    if (unavailable.has(error.code) || (error instanceof UnknownHTTPResponseError && error.status >= 500)) return { kind: 'unavailable', message };
    return { kind: 'fatal', message };
  }
  // fetch itself failed: the host is down or unreachable.
  if (error instanceof TypeError) return { kind: 'unavailable', message: `Notion: ${error.message}` };
  return { kind: 'fatal', message: `Notion: ${error instanceof Error ? error.message : String(error)}` };
}
