import { Octokit } from '@octokit/rest';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Octokit for the connection: its token, `extra.baseUrl` (GitHub Enterprise Server or a fake), the run's abort signal. */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl' | 'signal'>): Octokit {
  return new Octokit({
    auth: ctx.credentials.accessToken,
    ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl.replace(/\/+$/, '') } : {}),
    userAgent: 'airstore',
    request: { signal: ctx.signal },
    log: quiet,
  });
}

interface HttpFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? (error as HttpFailure).status : undefined;
}

/**
 * Octokit's RequestError → what the engine does. GitHub signals rate limits as
 * 429, or 403 with `x-ratelimit-remaining: 0` (primary limit, until
 * `x-ratelimit-reset`) or with `retry-after` (secondary limit).
 */
export function classify(error: unknown): ProviderFailure {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as HttpFailure;
  const status = failure.status;
  const headers = failure.response?.headers ?? {};
  const message = `GitHub: ${failure.message ?? String(error)}`;
  const retryAfter = Number(headers['retry-after']);
  if (status === 429 || (status === 403 && (headers['retry-after'] !== undefined || String(headers['x-ratelimit-remaining']) === '0'))) {
    const reset = Number(headers['x-ratelimit-reset']);
    const retryAfterMs = Number.isFinite(retryAfter) && headers['retry-after'] !== undefined
      ? retryAfter * 1000
      : Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
    return { kind: 'rate_limited', retryAfterMs, message };
  }
  if (status === 401 || status === 403) return { kind: 'auth_failed', message };
  if (status === undefined || status >= 500) return { kind: 'unavailable', message };
  return { kind: 'fatal', message };
}
