import type { HttpClient, RequestSpec } from '../client.ts';
import { AirstoreError } from '../errors.ts';
import type { LastResponse, RequestOptions, WithResponse } from '../types.ts';

/**
 * A URL path whose interpolated values are percent-encoded, so an id can never
 * add a path segment or a query. Empty, `.` and `..` are refused because URL
 * parsing would resolve them (even encoded) into another route. Resource methods
 * are `async`, so this throw reaches callers as a rejection like any other error.
 */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new AirstoreError(`invalid id ${JSON.stringify(segment)}`);
    }
  }
  return String.raw({ raw: strings }, ...segments.map(encodeURIComponent));
}

/** What each resource class shares: the HTTP core and the three answer shapes of docs/api.md. */
export abstract class APIResource {
  readonly #client: HttpClient;

  constructor(client: HttpClient) {
    this.#client = client;
  }

  /** An answer that is one object. */
  protected async requestObject<T extends object>(spec: RequestSpec): Promise<WithResponse<T>> {
    const { body, lastResponse } = await this.#client.request(spec);
    return withResponse<T>(body, lastResponse);
  }

  /** A `{ data: [...] }` answer, unwrapped to the array. */
  protected async requestList<T>(
    listPath: string,
    options: RequestOptions | undefined,
    query?: Record<string, string>,
  ): Promise<WithResponse<T[]>> {
    const { body, lastResponse } = await this.#client.request({ method: 'GET', path: listPath, query, options });
    const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : undefined;
    if (!Array.isArray(data)) throw new AirstoreError(`the agent answered ${listPath} without a "data" array`);
    return withResponse<T[]>(data, lastResponse);
  }

  /** An answer that is raw bytes (file contents). */
  protected async requestBytes(spec: RequestSpec): Promise<Buffer> {
    const { body } = await this.#client.request({ ...spec, responseType: 'bytes' });
    return body as Buffer;
  }

  /** A 204 answer. */
  protected async requestDelete(deletePath: string, options: RequestOptions | undefined): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: deletePath, options });
  }
}

function withResponse<T extends object>(body: unknown, lastResponse: LastResponse): WithResponse<T> {
  if (typeof body !== 'object' || body === null) throw new AirstoreError('the agent answered without a JSON object');
  // Non-enumerable, so JSON.stringify, spreads and deepEqual see only the API's fields.
  Object.defineProperty(body, 'lastResponse', { value: lastResponse, enumerable: false });
  // The API contract (docs/api.md) fixes the shape; the SDK trusts the agent rather than re-validating it.
  return body as WithResponse<T>;
}
