import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PostHogError, classify } from './client.ts';

describe('posthog classify', () => {
  it('maps 429 with Retry-After to rate_limited, 401 and 403 to auth_failed, 5xx and network failures to unavailable', () => {
    const throttled = { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled. Expected available in 30 seconds.', attr: null };
    assert.deepEqual(classify(new PostHogError(429, throttled, 30_000)), { kind: 'rate_limited', retryAfterMs: 30_000, message: 'PostHog: 429 throttled: Request was throttled. Expected available in 30 seconds.' });
    assert.equal(classify(new PostHogError(401, { type: 'authentication_error', code: 'authentication_failed', detail: 'x', attr: null }, undefined)).kind, 'auth_failed');
    assert.equal(classify(new PostHogError(403, { type: 'authentication_error', code: 'permission_denied', detail: "API key missing required scope 'query:read'", attr: null }, undefined)).kind, 'auth_failed');
    assert.equal(classify(new PostHogError(502, undefined, undefined)).kind, 'unavailable');
    assert.equal(classify(new TypeError('fetch failed')).kind, 'unavailable');
  });

  it('ends other refusals as fatal, with PostHog\'s detail in the message', () => {
    const failure = classify(new PostHogError(400, { type: 'validation_error', code: 'invalid_input', detail: 'Unknown table `persons`.', attr: null }, undefined));
    assert.deepEqual(failure, { kind: 'fatal', message: 'PostHog: 400 invalid_input: Unknown table `persons`.' });
  });
});
