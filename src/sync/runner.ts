import { isAirstoreError } from '../errors.ts';
import type { ConnectionRecord } from '../store/connections.ts';
import type { Store } from '../store/index.ts';
import type { RunSummary, SyncStateRecord, SyncStatus } from '../store/sync-state.ts';
import type { ConnectorDefinition, ProviderFailure, SyncCredentials, SyncCursor, SyncDefinition } from './connector.ts';
import { declaredMetadata } from './declared-metadata.ts';
import { SyncFailure } from './failure.ts';
import type { TokenBucket } from './rate-limiter.ts';
import type { RetryPolicy } from './retry.ts';
import { RunContext } from './run-context.ts';


/** The decrypted credentials of a connection, as the connection service opens them. */
export interface StoredCredentials {
  accessToken?: string;
  refreshToken?: string;
  apiKey?: string;
  extra?: Record<string, string>;
}

export interface SyncLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface RunDeps {
  store: Store;
  credentialsOf(connection: ConnectionRecord): StoredCredentials;
  limiterFor(connectionId: number, definition: SyncDefinition, extra: Readonly<Record<string, string>>): TokenBucket;
  policy: RetryPolicy;
  log: SyncLog;
  /** Seals and stores a connection's credentials after a token refresh. */
  saveCredentials?(connection: ConnectionRecord, credentials: StoredCredentials, expiresAt: number | null): void;
  /** After each committed page: the items it added, changed or deleted. */
  onItemsChanged?(connectionId: number, itemIds: readonly number[]): void;
}

const statusOf: Record<ProviderFailure['kind'], Exclude<SyncStatus, 'pending' | 'syncing' | 'ok'>> = {
  rate_limited: 'rate_limited',
  auth_failed: 'auth_failed',
  unavailable: 'error',
  fatal: 'error',
};

/** The time between incremental syncs: `extra.syncInterval` (seconds), else the connector's default. */
export function intervalOf(definition: SyncDefinition, extra: Readonly<Record<string, string>>): number {
  const seconds = Number(extra.syncInterval);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : definition.intervalMs;
}

/**
 * One sync of one connection: mark it syncing, describe the account when it is
 * unknown (or was refused last time), run the connector from the committed
 * cursor, and record how it ended. Items already synced are never touched by a
 * failure: they stay readable whatever the provider does.
 */
export async function runSync(
  deps: RunDeps, connection: ConnectionRecord, connector: ConnectorDefinition, options: { full: boolean; signal: AbortSignal },
): Promise<void> {
  const { store } = deps;
  const id = connection.id;
  const previous = store.syncState.get(id);
  store.syncState.start(id);
  let context: RunContext | undefined;
  let credentials: SyncCredentials = { extra: {} };
  try {
    const stored = deps.credentialsOf(connection);
    credentials = {
      accessToken: stored.accessToken, refreshToken: stored.refreshToken, apiKey: stored.apiKey, extra: stored.extra ?? {},
      ...(connection.expiresAt !== null ? { expiresAt: connection.expiresAt } : {}),
    };
    const runtime = await connector.sync.load();
    const cursor = previous?.cursor ? (JSON.parse(previous.cursor) as SyncCursor) : undefined;
    context = new RunContext({
      connectionId: id,
      syncState: store.syncState,
      blobs: store.blobs,
      declared: declaredMetadata(connector),
      credentials,
      baseUrl: credentials.extra.baseUrl || undefined,
      cursor,
      full: options.full || cursor === undefined || reconcileDue(previous, connector.sync),
      signal: options.signal,
      call: {
        limiter: deps.limiterFor(id, connector.sync, credentials.extra),
        classify: (error) => runtime.classify(error),
        policy: deps.policy,
        onRateLimited: (waitMs) => {
          store.syncState.setStatus(id, 'rate_limited');
          deps.log.info(`sync ${connection.externalId}: rate limited, waiting ${Math.ceil(waitMs / 1000)} s`);
        },
        onRecovered: () => store.syncState.setStatus(id, 'syncing'),
      },
      log: (message) => deps.log.info(`sync ${connection.externalId}: ${message}`),
      onItemsChanged: (itemIds) => deps.onItemsChanged?.(id, itemIds),
      saveAccessToken: (accessToken, expiresAt) => {
        credentials = { ...credentials, accessToken };
        deps.saveCredentials?.(connection, { ...stored, accessToken }, expiresAt ?? null);
      },
    });
    if (connection.account === null || previous?.status === 'auth_failed') {
      store.connections.setAccount(id, await runtime.describeAccount(context));
    }
    await runtime.sync(context);
    if (options.signal.aborted) return;
    store.syncState.finish(id, {
      status: 'ok', errorCode: null, error: null, nextRunAt: Date.now() + intervalOf(connector.sync, credentials.extra),
      reconciled: context.listingEnded, summary: context.summary,
    });
    deps.log.info(`sync ${connection.externalId}: ok ${JSON.stringify(context.summary)}`);
    const swept = await store.blobs.sweep(store.items.blobHashes());
    if (swept > 0) deps.log.info(`sync ${connection.externalId}: removed ${swept} unused blob files`);
  } catch (error) {
    if (options.signal.aborted) return;
    const status = error instanceof SyncFailure ? statusOf[error.failure.kind] : 'error';
    const code = isAirstoreError(error) ? error.code : 'provider_error';
    const message = redact(error instanceof Error ? error.message : String(error), credentials);
    const retryAt = error instanceof SyncFailure ? error.retryAt : undefined;
    store.syncState.finish(id, {
      status, errorCode: code, error: message,
      nextRunAt: retryAt ?? Date.now() + intervalOf(connector.sync, credentials.extra),
      reconciled: false, summary: context?.summary ?? emptySummary(),
    });
    deps.log.warn(`sync ${connection.externalId}: ${status}: ${message}`);
  }
}

function reconcileDue(state: SyncStateRecord | undefined, definition: SyncDefinition): boolean {
  return state?.lastReconcileAt != null && Date.now() - state.lastReconcileAt >= definition.reconcileMs;
}

function emptySummary(): RunSummary {
  return { added: 0, updated: 0, unchanged: 0, deleted: 0 };
}

/** Provider messages should not echo credentials, but a status line must never show one even if they do. */
function redact(message: string, credentials: SyncCredentials): string {
  let clean = message;
  const secrets = [credentials.accessToken, credentials.refreshToken, credentials.apiKey, ...Object.values(credentials.extra)];
  for (const secret of secrets) if (secret && secret.length >= 8) clean = clean.split(secret).join('[redacted]');
  return clean.slice(0, 500);
}
