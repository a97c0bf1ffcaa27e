import { setTimeout as sleep } from 'node:timers/promises';
import pkg from '../../package.json' with { type: 'json' };
import { AirstoreError, APIConnectionError, APIConnectionTimeoutError, APIError, apiErrorFor } from './errors.ts';
import { type Method, isRetryableFailure, isRetryableStatus, retryDelayMs } from './retry.ts';
import type { ClientOptions, LastResponse, RequestOptions } from './types.ts';

export interface RequestSpec {
  method: Method;
  /** Relative to the base URL, segments already encoded (see `path` in resources/resource.ts). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  options?: RequestOptions | undefined;
  /** `bytes` answers the raw body as a Buffer (file contents); default JSON. */
  responseType?: 'json' | 'bytes';
}

export interface Answer {
  /** Parsed JSON, or undefined for an empty answer (204). */
  body: unknown;
  lastResponse: LastResponse;
}

const defaultBaseURL = 'http://127.0.0.1:1994/api/v1';

/** The HTTP core every resource goes through: URL, headers, timeout, retries and error mapping. */
export class HttpClient {
  // Private fields: util.inspect and JSON.stringify never show the key.
  readonly #apiKey: string;
  readonly #baseURL: string;
  readonly #timeout: number;
  readonly #maxRetries: number;
  readonly #defaultHeaders: Record<string, string>;

  constructor(options: ClientOptions) {
    const apiKey = options.apiKey ?? process.env.AIRSTORE_API_KEY;
    if (!apiKey) {
      throw new AirstoreError('missing API key: pass { apiKey } to new Airstore() or set AIRSTORE_API_KEY');
    }
    const baseURL = options.baseURL ?? process.env.AIRSTORE_BASE_URL ?? defaultBaseURL;
    if (!/^https?:$/.test(URL.parse(baseURL)?.protocol ?? '')) {
      // The value is not echoed: a swapped argument could be the API key.
      throw new AirstoreError('baseURL must be an http:// or https:// URL, such as http://127.0.0.1:1994/api/v1');
    }
    this.#apiKey = apiKey;
    this.#baseURL = baseURL.replace(/\/+$/, '');
    this.#timeout = options.timeout ?? 60_000;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#defaultHeaders = options.defaultHeaders ?? {};
  }

  async request(spec: RequestSpec): Promise<Answer> {
    const maxRetries = spec.options?.maxRetries ?? this.#maxRetries;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(spec);
      } catch (error) {
        if (attempt >= maxRetries || !isRetryable(error, spec.method)) throw error;
        const headers = error instanceof APIError ? error.headers : undefined;
        await sleep(retryDelayMs(attempt, headers), undefined, { signal: spec.options?.signal });
      }
    }
  }

  async #attempt(spec: RequestSpec): Promise<Answer> {
    const timeoutMs = spec.options?.timeout ?? this.#timeout;
    const timeout = AbortSignal.timeout(timeoutMs);
    const callerSignal = spec.options?.signal;
    const url = new URL(this.#baseURL + spec.path);
    if (spec.query) url.search = new URLSearchParams(spec.query).toString();
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let response: Response;
    let raw: Buffer;
    try {
      response = await fetch(url, {
        method: spec.method,
        headers: this.#headers(body !== undefined, spec.options?.headers),
        body,
        signal: callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout,
      });
      // Read inside the try so that the timeout covers the whole answer, not only its headers.
      raw = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      // A caller's own abort is theirs to handle: rethrow their reason, never retry it.
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (timeout.aborted) throw new APIConnectionTimeoutError(`no answer from ${url.origin} within ${timeoutMs} ms`);
      throw new APIConnectionError(this.#redact(`cannot reach ${url.origin}: ${failureReason(error)}`), { cause: error });
    }
    const headers = Object.fromEntries(response.headers);
    const text = spec.responseType === 'bytes' && response.ok ? '' : raw.toString('utf8');
    if (!response.ok) throw this.#apiError(response, text, headers);
    const lastResponse = { statusCode: response.status, headers, requestId: headers['x-request-id'] };
    if (spec.responseType === 'bytes') return { body: raw, lastResponse };
    try {
      return { body: text === '' ? undefined : JSON.parse(text), lastResponse };
    } catch {
      throw new APIError(response.status, undefined, `the agent answered ${response.status} with a body that is not JSON`, headers);
    }
  }

  #headers(hasBody: boolean, requestHeaders: Record<string, string> = {}): Headers {
    const headers = new Headers({
      accept: 'application/json',
      authorization: `Bearer ${this.#apiKey}`,
      'user-agent': `airstore-sdk/${pkg.version}`,
    });
    if (hasBody) headers.set('content-type', 'application/json');
    // Later sources win: client defaults, then the call's own headers.
    for (const [name, value] of [...Object.entries(this.#defaultHeaders), ...Object.entries(requestHeaders)]) {
      headers.set(name, value);
    }
    return headers;
  }

  #apiError(response: Response, text: string, headers: Record<string, string>): APIError {
    const { code, message } = parseErrorBody(text);
    const fallback = `the agent answered ${response.status} ${response.statusText}`.trim();
    return apiErrorFor(response.status, code, this.#redact(message ?? fallback), headers);
  }

  /** Belt and braces: even a server or proxy that echoes the key must not leak it into an error message. */
  #redact(text: string): string {
    return text.replaceAll(this.#apiKey, '[redacted]');
  }
}

function isRetryable(error: unknown, method: Method): boolean {
  if (error instanceof APIError) return isRetryableStatus(error.status);
  return error instanceof APIConnectionError && isRetryableFailure(method, error instanceof APIConnectionTimeoutError);
}

/** `{ error: { code, message } }` as docs/api.md defines it; anything else yields no code and no message. */
function parseErrorBody(text: string): { code: string | undefined; message: string | undefined } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = isRecord(parsed) ? parsed.error : undefined;
  return {
    code: isRecord(error) && typeof error.code === 'string' ? error.code : undefined,
    message: isRecord(error) && typeof error.message === 'string' ? error.message : undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** fetch throws a bare "fetch failed"; the useful part (ECONNREFUSED…) is in its cause. */
function failureReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  if (cause.message) return cause.message;
  return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.name;
}
