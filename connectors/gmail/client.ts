import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';
import { classifyGoogle, googleOAuth } from '../../src/sync/google.ts';

/**
 * The Gmail client of a connection: the connection's OAuth2 client (refreshing
 * tokens through `extra.tokenUrl`), the API's root from `extra.baseUrl`. The
 * SDK's own retries are off: the engine retries.
 */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl' | 'saveAccessToken'>): gmail_v1.Gmail {
  return gmail({ version: 'v1', auth: googleOAuth(auth.OAuth2, ctx), retry: false, ...(ctx.baseUrl ? { rootUrl: ctx.baseUrl } : {}) });
}

export function classify(error: unknown): ProviderFailure {
  return classifyGoogle('Gmail', error);
}
