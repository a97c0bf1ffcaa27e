import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderFailure } from '../../src/sync/connector.ts';
import { SyncFailure } from '../../src/sync/failure.ts';
import { TokenBucket } from '../../src/sync/rate-limiter.ts';
import { backoffDelay, callWithRetries } from '../../src/sync/retry.ts';

const policy = { attempts: 4, baseMs: 1, maxMs: 8, maxWaitMs: 1000 };

function options(failures: ProviderFailure[], events: string[] = []) {
  const limiter = new TokenBucket(0, 1);
  return {
    limiter,
    policy,
    signal: new AbortController().signal,
    classify: () => failures.shift() ?? { kind: 'fatal' as const, message: 'unexpected' },
    onRateLimited: (wait: number) => events.push(`limited ${Math.floor(wait / 10) * 10}`),
    onRecovered: () => events.push('recovered'),
    random: () => 0,
  };
}

/** A request that fails `times` times, then answers. */
function flaky(times: number) {
  let calls = 0;
  return {
    request: async () => {
      calls++;
      if (calls <= times) throw new Error(`failure ${calls}`);
      return 'answer';
    },
    calls: () => calls,
  };
}

describe('provider calls with retries', () => {
  it('retries 5xx with backoff until the provider answers', async () => {
    const call = flaky(2);
    const unavailable = { kind: 'unavailable', message: 'HTTP 503' } as const;
    assert.equal(await callWithRetries(call.request, options([unavailable, unavailable])), 'answer');
    assert.equal(call.calls(), 3);
  });

  it('waits out Retry-After, shows the connection rate limited, then recovered', async () => {
    const call = flaky(1);
    const events: string[] = [];
    assert.equal(await callWithRetries(call.request, options([{ kind: 'rate_limited', retryAfterMs: 50, message: '429' }], events)), 'answer');
    assert.deepEqual(events, ['limited 50', 'recovered']);
  });

  it('gives up at once, with the retry time, when Retry-After is longer than a run waits', async () => {
    const before = Date.now();
    const error = await callWithRetries(flaky(5).request, options([{ kind: 'rate_limited', retryAfterMs: 3_600_000, message: '429' }])).catch((e: unknown) => e);
    assert.ok(error instanceof SyncFailure);
    assert.equal(error.code, 'provider_rate_limited');
    assert.ok(error.retryAt! >= before + 3_600_000);
  });

  it('ends unavailable when 5xx outlasts every attempt', async () => {
    const call = flaky(10);
    const down = { kind: 'unavailable', message: 'HTTP 500' } as const;
    const error = await callWithRetries(call.request, options([down, down, down, down])).catch((e: unknown) => e);
    assert.ok(error instanceof SyncFailure);
    assert.equal(error.code, 'provider_unavailable');
    assert.equal(call.calls(), policy.attempts);
  });

  it('does not retry a refused credential', async () => {
    const call = flaky(10);
    const error = await callWithRetries(call.request, options([{ kind: 'auth_failed', message: 'Bad credentials' }])).catch((e: unknown) => e);
    assert.ok(error instanceof SyncFailure);
    assert.equal(error.code, 'provider_auth_failed');
    assert.equal(error.message, 'the provider refused the credentials: Bad credentials');
    assert.equal(call.calls(), 1);
  });

  it('backs off exponentially with jitter between half and all of each step, up to the cap', () => {
    const steps = { attempts: 10, baseMs: 100, maxMs: 1000, maxWaitMs: 0 };
    assert.equal(backoffDelay(0, steps, () => 0), 50);
    assert.equal(backoffDelay(0, steps, () => 1), 100);
    assert.equal(backoffDelay(3, steps, () => 0.5), 600);
    assert.equal(backoffDelay(9, steps, () => 1), 1000);
  });
});
