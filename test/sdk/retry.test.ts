import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRetryableFailure, isRetryableStatus, retryDelayMs } from '../../src/sdk/retry.ts';

describe('retryDelayMs', () => {
  test('backs off exponentially from 500 ms with at most 25 % jitter', () => {
    for (const [attempt, full] of [[0, 500], [1, 1000], [2, 2000], [3, 4000]] as const) {
      const delay = retryDelayMs(attempt);
      assert.ok(delay > full * 0.75 - 1 && delay <= full, `attempt ${attempt}: ${delay} ms`);
    }
  });

  test('caps the backoff at 8 s', () => {
    assert.ok(retryDelayMs(10) <= 8000);
    assert.ok(retryDelayMs(10) >= 6000);
  });

  test('honours Retry-After in seconds, fractions included', () => {
    assert.equal(retryDelayMs(0, { 'retry-after': '3' }), 3000);
    assert.equal(retryDelayMs(5, { 'retry-after': '0.25' }), 250);
    assert.equal(retryDelayMs(0, { 'retry-after': '0' }), 0);
  });

  test('honours Retry-After as an HTTP date', () => {
    const delay = retryDelayMs(0, { 'retry-after': new Date(Date.now() + 10_000).toUTCString() });
    // HTTP dates have whole seconds, so up to a second less than asked.
    assert.ok(delay > 8_500 && delay <= 10_000, `${delay} ms`);
    assert.equal(retryDelayMs(0, { 'retry-after': new Date(Date.now() - 10_000).toUTCString() }), 0);
  });

  test('caps Retry-After at 60 s', () => {
    assert.equal(retryDelayMs(0, { 'retry-after': '3600' }), 60_000);
  });

  test('falls back to backoff when Retry-After is unreadable or negative', () => {
    for (const value of ['soon', '-5', '']) {
      const delay = retryDelayMs(0, { 'retry-after': value });
      assert.ok(delay > 300 && delay <= 500, `${JSON.stringify(value)}: ${delay} ms`);
    }
  });
});

describe('what is retried', () => {
  test('retries 408, 429 and 500, 502, 503, 504 only', () => {
    const retried = [200, 400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 501, 502, 503, 504].filter(isRetryableStatus);
    assert.deepEqual(retried, [408, 429, 500, 502, 503, 504]);
  });

  test('retries connection failures for every method but timeouts only for GET, PATCH and DELETE', () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE'] as const) {
      assert.equal(isRetryableFailure(method, false), true);
      assert.equal(isRetryableFailure(method, true), method !== 'POST');
    }
  });
});
