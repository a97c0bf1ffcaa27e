import { setTimeout as delay } from 'node:timers/promises';
import type { ProviderFailure } from './connector.ts';
import { SyncFailure } from './failure.ts';
import type { TokenBucket } from './rate-limiter.ts';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number;
  /** First backoff; each retry doubles it, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** The longest Retry-After waited out inside a run; a longer one ends the run as rate limited. */
  maxWaitMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 6, baseMs: 1000, maxMs: 60_000, maxWaitMs: 120_000 };

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return step / 2 + random() * (step / 2);
}

/** A little jitter on top of Retry-After, so connections paused together do not resume together. */
function retryAfterDelay(retryAfterMs: number, random: () => number): number {
  return retryAfterMs + random() * Math.min(1000, retryAfterMs / 10);
}

export interface CallOptions {
  limiter: TokenBucket;
  classify(error: unknown): ProviderFailure;
  policy: RetryPolicy;
  signal: AbortSignal;
  /** The provider asked us to wait; the connection shows `rate_limited` meanwhile. */
  onRateLimited(waitMs: number): void;
  /** A request succeeded again after a rate limit. */
  onRecovered(): void;
  random?: () => number;
}

/**
 * One provider request under the connection's token bucket. 429s wait out
 * Retry-After (or back off when the provider gives none), 5xx and network
 * failures back off exponentially with jitter; other failures, and retries
 * exhausted, end in a SyncFailure that says which state the connection is in.
 */
export async function callWithRetries<T>(request: () => Promise<T>, options: CallOptions): Promise<T> {
  const random = options.random ?? Math.random;
  let limited = false;
  for (let attempt = 0; ; attempt++) {
    await options.limiter.take(options.signal);
    try {
      const result = await request();
      if (limited) options.onRecovered();
      return result;
    } catch (error) {
      options.signal.throwIfAborted();
      const failure = options.classify(error);
      const last = attempt + 1 >= options.policy.attempts;
      if (failure.kind === 'rate_limited') {
        const wait = failure.retryAfterMs === undefined ? backoffDelay(attempt, options.policy, random) : retryAfterDelay(failure.retryAfterMs, random);
        if (last || wait > options.policy.maxWaitMs) throw new SyncFailure(failure, Date.now() + wait);
        options.limiter.pauseUntil(Date.now() + wait);
        limited = true;
        options.onRateLimited(wait);
      } else if (failure.kind === 'unavailable') {
        if (last) throw new SyncFailure(failure);
        await delay(backoffDelay(attempt, options.policy, random), undefined, { signal: options.signal });
      } else {
        throw new SyncFailure(failure);
      }
    }
  }
}
