import { LogLevel, WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient } from '@slack/web-api';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';

/**
 * The SDK's WebClient for the connection: its token, `extra.baseUrl` as
 * `slackApiUrl` (GovSlack, a fake). Its own retries are off and rate-limited
 * calls reject at once, so the engine alone retries and waits out Retry-After.
 */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl'>): WebClient {
  const base = ctx.baseUrl ? (ctx.baseUrl.endsWith('/') ? ctx.baseUrl : `${ctx.baseUrl}/`) : undefined;
  return new WebClient(ctx.credentials.accessToken, {
    ...(base ? { slackApiUrl: base } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 30_000,
    logLevel: LogLevel.ERROR,
  });
}

/** Slack answers a refused token with HTTP 200 and one of these `error`s. */
const authErrors = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'missing_scope', 'no_permission']);

export function classify(error: unknown): ProviderFailure {
  if (error instanceof WebAPIRateLimitedError) return { kind: 'rate_limited', retryAfterMs: error.retryAfter * 1000, message: 'Slack: ratelimited' };
  if (error instanceof WebAPIPlatformError) {
    const message = `Slack: ${error.data.error}`;
    if (authErrors.has(error.data.error)) return { kind: 'auth_failed', message };
    if (error.data.error === 'ratelimited') return { kind: 'rate_limited', message };
    if (['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'].includes(error.data.error)) return { kind: 'unavailable', message };
    return { kind: 'fatal', message };
  }
  if (error instanceof WebAPIHTTPError) {
    const message = `Slack: HTTP ${error.statusCode}`;
    return error.statusCode >= 500 ? { kind: 'unavailable', message } : { kind: 'fatal', message };
  }
  if (error instanceof WebAPIRequestError) return { kind: 'unavailable', message: `Slack: ${error.message}` };
  return { kind: 'fatal', message: `Slack: ${error instanceof Error ? error.message : String(error)}` };
}
