import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenBucket } from '../../src/sync/rate-limiter.ts';

describe('token bucket', () => {
  it('lets a burst through, then spaces requests at the sustained rate', () => {
    let now = 1_000_000;
    const bucket = new TokenBucket(2, 2, () => now);
    assert.deepEqual([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()], [0, 0, 500, 1000]);
    now += 2000;
    assert.equal(bucket.reserve(), 0, 'two seconds refill the debt and more');
  });

  it('holds every request while paused by a Retry-After', () => {
    let now = 0;
    const bucket = new TokenBucket(100, 10, () => now);
    bucket.pauseUntil(3000);
    assert.equal(bucket.reserve(), 3000);
    now = 2500;
    assert.equal(bucket.reserve(), 500);
    now = 3000;
    assert.equal(bucket.reserve(), 0);
  });

  it('does not limit a rate of 0 (no limit), except for pauses', () => {
    const bucket = new TokenBucket(0, 1, () => 0);
    for (let i = 0; i < 1000; i++) assert.equal(bucket.reserve(), 0);
    bucket.pauseUntil(10);
    assert.equal(bucket.reserve(), 10);
  });
});
