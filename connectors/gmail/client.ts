import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';
import { bufferedFetch } from '../../src/sync/buffered-fetch.ts';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';
import { classifyGoogle, googleOAuth } from '../../src/sync/google.ts';

/**
 * The Gmail client of a connection: the connection's OAuth2 client (refreshing
 * tokens through `extra.tokenUrl`), the API's root from `extra.baseUrl`. The
 * SDK's own retries are off: the engine retries. Requests go through
 * `bufferedFetch` (a quarter less CPU per message than fetch, one request per
 * message). gaxios types its fetch as returning a `Response`; of one it reads
 * the status, the headers and `text()` or `json()`, which a BufferedResponse
 * has. It would hand `body` back only for `responseType: 'stream'`, which
 * Gmail's requests never use (Drive's downloads do: Drive keeps fetch).
 */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl' | 'saveAccessToken'>): gmail_v1.Gmail {
  return gmail({
    version: 'v1', auth: googleOAuth(auth.OAuth2, ctx), retry: false, fetchImplementation: bufferedFetch as unknown as typeof fetch,
    ...(ctx.baseUrl ? { rootUrl: ctx.baseUrl } : {}),
  });
}

export function classify(error: unknown): ProviderFailure {
  return classifyGoogle('Gmail', error);
}
