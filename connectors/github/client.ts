import { Octokit } from '@octokit/rest';
import { bufferedFetch } from '../../src/sync/buffered-fetch.ts';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * Octokit for the connection: its token, `extra.baseUrl` (GitHub Enterprise
 * Server or a fake), the run's abort signal. Two costs of a 50,000-issue sync
 * are avoided here: Node's fetch, replaced by `bufferedFetch` (undici without
 * WHATWG streams), and Octokit's BigInt-safe JSON parser (a reviver call per
 * value; GitHub's ids fit in a double), replaced by JSON.parse.
 */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl' | 'signal'>): Octokit {
  const octokit = new Octokit({
    auth: ctx.credentials.accessToken,
    ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl.replace(/\/+$/, '') } : {}),
    userAgent: 'airstore',
    request: { fetch: bufferedFetch, parseSuccessResponseBody: false, signal: ctx.signal },
    log: quiet,
  });
  octokit.hook.wrap('request', async (request, options) => {
    const response = await request(options);
    const body = response.data as unknown;
    if (!Buffer.isBuffer(body)) return response;
    return { ...response, data: body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined };
  });
  return octokit;
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
