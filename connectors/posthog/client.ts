import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';
import type { HogQLResponse, Page, PostHogErrorBody } from './types.ts';

/** PostHog Cloud US; `extra.baseUrl` selects EU (`https://eu.posthog.com`) or a self-hosted instance. */
export const defaultBaseUrl = 'https://us.posthog.com';

/** A refused request, with PostHog's `{ type, code, detail, attr }` body when it sent one. */
export class PostHogError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(status: number, body: Partial<PostHogErrorBody> | undefined, retryAfterMs: number | undefined) {
    super(`PostHog: ${status}${body?.code ? ` ${body.code}` : ''}: ${body?.detail ?? 'request failed'}`);
    this.name = 'PostHogError';
    this.status = status;
    this.type = body?.type;
    this.code = body?.code;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Retry-After as seconds or an HTTP date (RFC 9110), in ms. */
function retryAfterOf(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * PostHog's HTTP API with the global fetch: a personal API key as Bearer, the
 * host from `extra.baseUrl` (or `extra.host`). Every request runs through
 * `ctx.call`, so the engine's limiter and retries apply.
 */
export class PostHogClient {
  readonly baseUrl: string;
  readonly #ctx: SyncContext;

  constructor(ctx: SyncContext) {
    this.#ctx = ctx;
    this.baseUrl = (ctx.baseUrl || ctx.credentials.extra.host || defaultBaseUrl).replace(/\/+$/, '');
  }

  get<T>(path: string, params: Record<string, string> = {}): Promise<T> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return this.#request<T>(url, { method: 'GET' });
  }

  /** A list page: the first from `path`, the next ones from the absolute `next` URL PostHog returns. */
  page<T>(pathOrNext: string, params: Record<string, string> = {}): Promise<Page<T>> {
    if (!pathOrNext.startsWith('http')) return this.get<Page<T>>(pathOrNext, params);
    const next = new URL(pathOrNext);
    // The API key goes only to the configured host, whatever a `next` link says.
    if (next.origin !== new URL(this.baseUrl).origin) throw new PostHogError(400, { detail: `next page on another host: ${next.origin}` }, undefined);
    return this.#request<Page<T>>(next, { method: 'GET' });
  }

  query(projectId: string, hogql: string): Promise<HogQLResponse> {
    const body = JSON.stringify({ query: { kind: 'HogQLQuery', query: hogql } });
    return this.#request<HogQLResponse>(new URL(`${this.baseUrl}/api/projects/${projectId}/query/`), {
      method: 'POST', body, headers: { 'content-type': 'application/json' },
    });
  }

  #request<T>(url: URL, init: RequestInit): Promise<T> {
    return this.#ctx.call(async () => {
      const response = await fetch(url, {
        ...init,
        headers: { ...init.headers as Record<string, string>, authorization: `Bearer ${this.#ctx.credentials.apiKey ?? ''}`, accept: 'application/json' },
        signal: this.#ctx.signal,
      });
      const text = await response.text();
      if (!response.ok) {
        let body: Partial<PostHogErrorBody> | undefined;
        try {
          body = JSON.parse(text) as Partial<PostHogErrorBody>;
        } catch {
          body = undefined;
        }
        throw new PostHogError(response.status, body, retryAfterOf(response.headers.get('retry-after')));
      }
      return JSON.parse(text) as T;
    });
  }
}

/** HTTP status → what the engine does: 429 waits, 401/403 end as auth_failed, 5xx and network failures retry. */
export function classify(error: unknown): ProviderFailure {
  if (error instanceof PostHogError) {
    if (error.status === 429) return { kind: 'rate_limited', retryAfterMs: error.retryAfterMs, message: error.message };
    if (error.status === 401 || error.status === 403) return { kind: 'auth_failed', message: error.message };
    if (error.status >= 500) return { kind: 'unavailable', message: error.message };
    return { kind: 'fatal', message: error.message };
  }
  // fetch itself failed: the host is down or unreachable.
  if (error instanceof TypeError) return { kind: 'unavailable', message: `PostHog: ${error.message}` };
  return { kind: 'fatal', message: `PostHog: ${error instanceof Error ? error.message : String(error)}` };
}
