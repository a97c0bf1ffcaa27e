import type { ProviderFailure, SyncContext } from './connector.ts';

/**
 * What the Google connectors (Gmail, Drive) share: the OAuth2 client of a
 * connection and the reading of Google's errors. The OAuth2 class comes from
 * the connector's own SDK package (`auth.OAuth2` of `@googleapis/*`).
 */

interface GoogleTokens {
  access_token?: string | null;
  expiry_date?: number | null;
}

interface OAuthClient {
  setCredentials(credentials: { access_token: string | null; refresh_token: string | null; expiry_date: number | null }): void;
  on(event: 'tokens', listener: (tokens: GoogleTokens) => void): unknown;
}

interface OAuthOptions {
  clientId?: string;
  clientSecret?: string;
  endpoints?: { oauth2TokenUrl: string };
  forceRefreshOnFailure: boolean;
}

/**
 * An OAuth2 client with the connection's tokens and `extra.clientId` /
 * `extra.clientSecret`, its token endpoint from `extra.tokenUrl`. It refreshes
 * an access token that expires within five minutes before using it, and one
 * the API refuses (401) once; each new token goes to `ctx.saveAccessToken`.
 */
export function googleOAuth<Client extends OAuthClient>(
  OAuth2: new (options: OAuthOptions) => Client, ctx: Pick<SyncContext, 'credentials' | 'saveAccessToken'>,
): Client {
  const { credentials } = ctx;
  const { clientId, clientSecret, tokenUrl } = credentials.extra;
  const client = new OAuth2({
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(tokenUrl ? { endpoints: { oauth2TokenUrl: tokenUrl } } : {}),
    forceRefreshOnFailure: true,
  });
  client.setCredentials({
    access_token: credentials.accessToken ?? null,
    refresh_token: credentials.refreshToken ?? null,
    expiry_date: credentials.expiresAt ?? null,
  });
  client.on('tokens', (tokens) => {
    if (tokens.access_token) ctx.saveAccessToken(tokens.access_token, tokens.expiry_date ?? undefined);
  });
  return client;
}

interface GoogleFailure {
  status?: number;
  message?: string;
  response?: { status?: number; headers?: { get(name: string): string | null }; data?: unknown };
}

/** The HTTP status of a gaxios error. */
export function googleStatus(error: unknown): number | undefined {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as GoogleFailure;
  return failure.status ?? failure.response?.status;
}

/** Google's error reasons (`rateLimitExceeded`…) and an OAuth error (`invalid_grant`) from a response body. */
function reasonsOf(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const body = data as { error?: string | { errors?: { reason?: string }[] } };
  if (typeof body.error === 'string') return [body.error];
  return (body.error?.errors ?? []).map((entry) => entry.reason ?? '');
}

const rateReasons = ['rateLimitExceeded', 'userRateLimitExceeded'];
const grantErrors = ['invalid_grant', 'invalid_client', 'unauthorized_client'];

/**
 * A gaxios error → what the engine does. Google signals limits as 429 (with
 * Retry-After) or 403 with a rate reason; a refused token is 401, a revoked
 * grant the token endpoint's 400 `invalid_grant`.
 */
export function classifyGoogle(provider: string, error: unknown): ProviderFailure {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as GoogleFailure;
  const status = googleStatus(error);
  const reasons = reasonsOf(failure.response?.data);
  const message = `${provider}: ${failure.message ?? String(error)}`;
  if (status === 429 || (status === 403 && reasons.some((reason) => rateReasons.includes(reason)))) {
    const retryAfter = Number(failure.response?.headers?.get('retry-after') ?? Number.NaN);
    return { kind: 'rate_limited', ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}), message };
  }
  if (status === 401 || status === 403 || reasons.some((reason) => grantErrors.includes(reason))) return { kind: 'auth_failed', message };
  if (status === undefined || status >= 500) return { kind: 'unavailable', message };
  return { kind: 'fatal', message };
}
