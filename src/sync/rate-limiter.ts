import { setTimeout as delay } from 'node:timers/promises';

/**
 * A token bucket per connection: `perSecond` requests sustained, `burst` at once.
 * Tokens may go negative: each caller reserves its slot and waits out the debt,
 * so concurrent callers queue fairly without a lock. A provider's Retry-After
 * pauses the whole bucket, since every request of the connection shares the budget.
 */
export class TokenBucket {
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #clock: () => number;
  #tokens: number;
  #refilledAt: number;
  #pausedUntil = 0;

  /** `perSecond` of 0 or Infinity means no limit (a provider that has none, or a local fake). */
  constructor(perSecond: number, burst: number, clock: () => number = Date.now) {
    this.#perSecond = perSecond > 0 ? perSecond : Infinity;
    this.#burst = Math.max(1, burst);
    this.#clock = clock;
    this.#tokens = this.#burst;
    this.#refilledAt = clock();
  }

  /** Milliseconds the caller must wait before its request; reserves the token. */
  reserve(): number {
    const now = this.#clock();
    const paused = Math.max(0, this.#pausedUntil - now);
    if (this.#perSecond === Infinity) return paused;
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#refilledAt) * this.#perSecond) / 1000);
    this.#refilledAt = now;
    this.#tokens -= 1;
    const owed = this.#tokens < 0 ? (-this.#tokens * 1000) / this.#perSecond : 0;
    return Math.max(owed, paused);
  }

  async take(signal?: AbortSignal): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await delay(wait, undefined, { signal });
  }

  /** Holds every request until `time` (ms since the epoch). */
  pauseUntil(time: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, time);
  }
}
