import { auth, drive, type drive_v3 } from '@googleapis/drive';
import type { ProviderFailure, SyncContext } from '../../src/sync/connector.ts';
import { classifyGoogle, googleOAuth } from '../../src/sync/google.ts';

/**
 * The Drive client of a connection: the connection's OAuth2 client (refreshing
 * tokens through `extra.tokenUrl`), the API's root from `extra.baseUrl`. The
 * SDK's own retries are off: the engine retries.
 */
export function createClient(ctx: Pick<SyncContext, 'credentials' | 'baseUrl' | 'saveAccessToken'>): drive_v3.Drive {
  return drive({ version: 'v3', auth: googleOAuth(auth.OAuth2, ctx), retry: false, ...(ctx.baseUrl ? { rootUrl: ctx.baseUrl } : {}) });
}

export function classify(error: unknown): ProviderFailure {
  return classifyGoogle('Google Drive', error);
}
