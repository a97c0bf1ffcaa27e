import { setTimeout as delay } from 'node:timers/promises';
import type { ConnectionRecord } from '../store/connections.ts';
import type { Store } from '../store/index.ts';
import type { ConnectorDefinition, SyncDefinition } from './connector.ts';
import { TokenBucket } from './rate-limiter.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry.ts';
import { type StoredCredentials, type SyncLog, runSync } from './runner.ts';

export interface SchedulerOptions {
  store: Store;
  connectors: readonly ConnectorDefinition[];
  credentialsOf(connection: ConnectionRecord): StoredCredentials;
  /** Seals and stores credentials a connector refreshed. */
  saveCredentials?(connection: ConnectionRecord, credentials: StoredCredentials, expiresAt: number | null): void;
  /** After each committed page: the items it added, changed or deleted (smart folders follow them). */
  onItemsChanged?(connectionId: number, itemIds: readonly number[]): void;
  log: SyncLog;
  retry?: Partial<RetryPolicy>;
  /** How often due connections are looked for; on-demand syncs start at once. */
  tickMs?: number;
  /** Connections syncing at the same time. */
  maxConcurrent?: number;
  /** Sync only what is asked for (`request`), never on a schedule. */
  manual?: boolean;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Runs each connection's sync at start, then every interval (per connection),
 * and on demand; one run per connection at a time. When a run is due is kept in
 * the store (`sync_state.next_run_at`), so a rate limit's retry time survives a
 * restart. Each connection keeps one token bucket across its runs.
 */
export class SyncScheduler {
  readonly #options: SchedulerOptions;
  readonly #policy: RetryPolicy;
  readonly #running = new Map<number, Running>();
  readonly #requested = new Map<number, { full: boolean }>();
  readonly #ranSinceStart = new Set<number>();
  readonly #limiters = new Map<number, TokenBucket>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#policy = { ...defaultRetryPolicy, ...options.retry };
  }

  start(): void {
    this.#timer = setInterval(() => this.#tick(), this.#options.tickMs ?? 1000);
    this.#timer.unref();
    this.#tick();
  }

  /**
   * Aborts the runs in progress (their last committed page stays) and stops
   * scheduling. Waits a little for them to wind down, not for a provider that
   * does not answer: an aborted run writes nothing more.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    for (const run of this.#running.values()) run.controller.abort();
    const settled = Promise.all([...this.#running.values()].map((run) => run.done));
    await Promise.race([settled, delay(2000, undefined, { ref: false })]);
  }

  /** Asks for a sync now (after the current one, if one runs); `full` asks for a full listing. */
  request(connectionId: number, options: { full: boolean }): void {
    const pending = this.#requested.get(connectionId);
    this.#requested.set(connectionId, { full: options.full || (pending?.full ?? false) });
    this.#tick();
  }

  isRunning(connectionId: number): boolean {
    return this.#running.has(connectionId);
  }

  #tick(): void {
    if (this.#stopped) return;
    const now = Date.now();
    const rows = this.#options.store.syncState.schedule();
    // A connection deleted while it syncs: stop its run (its rows went with it).
    const present = new Set(rows.map((row) => row.connectionId));
    for (const [id, run] of this.#running) if (!present.has(id)) run.controller.abort();
    for (const row of rows) {
      if (this.#running.size >= (this.#options.maxConcurrent ?? 4)) return;
      const id = row.connectionId;
      if (this.#running.has(id)) continue;
      const connector = this.#options.connectors.find((candidate) => candidate.id === row.integration);
      if (!connector) continue;
      const requested = this.#requested.get(id);
      const waitingOnProvider = row.status === 'rate_limited' && (row.nextRunAt ?? 0) > now;
      const scheduled = !this.#options.manual && ((!this.#ranSinceStart.has(id) && !waitingOnProvider) || (row.nextRunAt ?? 0) <= now);
      const due = requested !== undefined || scheduled;
      if (due) this.#launch(id, connector, requested?.full ?? false);
    }
  }

  #launch(id: number, connector: ConnectorDefinition, full: boolean): void {
    const connection = this.#options.store.connections.findById(id);
    if (!connection) return;
    this.#requested.delete(id);
    this.#ranSinceStart.add(id);
    const controller = new AbortController();
    const done = runSync({
      store: this.#options.store,
      credentialsOf: this.#options.credentialsOf,
      saveCredentials: this.#options.saveCredentials,
      onItemsChanged: this.#options.onItemsChanged,
      limiterFor: (connectionId, definition, extra) => this.#limiterFor(connectionId, definition, extra),
      policy: this.#policy,
      log: this.#options.log,
    }, connection, connector, { full, signal: controller.signal })
      .catch((error: unknown) => this.#options.log.warn(`sync ${connection.externalId}: ${String(error)}`))
      .finally(() => {
        this.#running.delete(id);
        setImmediate(() => this.#tick());
      });
    this.#running.set(id, { controller, done });
  }

  #limiterFor(connectionId: number, definition: SyncDefinition, extra: Readonly<Record<string, string>>): TokenBucket {
    let limiter = this.#limiters.get(connectionId);
    if (!limiter) {
      const override = extra.requestsPerSecond === undefined ? undefined : Number(extra.requestsPerSecond);
      const perSecond = override !== undefined && Number.isFinite(override) && override >= 0 ? override : definition.rateLimit.perSecond;
      limiter = new TokenBucket(perSecond, definition.rateLimit.burst);
      this.#limiters.set(connectionId, limiter);
    }
    return limiter;
  }
}
