import assert from 'node:assert/strict';
import { type TestContext, describe, test } from 'node:test';
import Airstore, { APIConnectionTimeoutError, BadRequestError, ConflictError, InternalServerError, NotFoundError } from '../../src/sdk/index.ts';
import type { APIError } from '../../src/sdk/index.ts';
import { type FakeAgent, type Handler, apiError, json, startAgent } from './server.ts';

const workspace = { external_id: 'ws_1', name: 'acme', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
/** `Retry-After: 0` keeps the suite fast where the delay itself is not under test. */
const now = { 'retry-after': '0' };
/**
 * The timeout of tests whose count of requests needs the timed-out one to have reached the fake agent: this file
 * starts all its servers and requests at once, and under load a request has taken over 500 ms to arrive.
 */
const arrivalMs = 2000;

/** A fake agent of the test's own, so that the tests, mostly waiting on backoff, can run concurrently. */
async function client(t: TestContext, handler: Handler, options: { maxRetries?: number; timeout?: number } = {}): Promise<[Airstore, FakeAgent]> {
  const agent = await startAgent(handler);
  t.after(() => agent.close());
  return [new Airstore({ apiKey: 'adm_key', baseURL: agent.baseURL, ...options }), agent];
}

describe('retries', { concurrency: true }, () => {
  test('retries a 503 and returns the later success', async (t) => {
    const [airstore, agent] = await client(t, (_, index) => (index === 0 ? apiError(503, 'agent_unreachable', 'down') : json(200, workspace)));
    const result = await airstore.workspaces.retrieve('ws_1');
    assert.deepEqual(result, workspace);
    assert.equal(agent.requests.length, 2);
  });

  for (const status of [408, 429, 500, 502, 504]) {
    test(`retries a ${status}`, async (t) => {
      const [airstore, agent] = await client(t, (_, index) => (index === 0 ? apiError(status, 'x', 'transient', now) : json(200, workspace)));
      await airstore.workspaces.retrieve('ws_1');
      assert.equal(agent.requests.length, 2);
    });
  }

  test('waits for the Retry-After the server asks for before retrying', async (t) => {
    const [airstore, agent] = await client(t, (_, index) => (index === 0 ? apiError(429, 'rate_limited', 'slow down', { 'retry-after': '1' }) : json(200, workspace)));
    await airstore.workspaces.retrieve('ws_1');
    const [first, second] = agent.requests;
    assert.ok(first && second);
    // Lower bound only (minus timer slack): a slow machine may wait longer, never shorter.
    assert.ok(second.at - first.at >= 950, `retried after ${second.at - first.at} ms`);
  });

  for (const [status, code, ErrorClass] of [
    [400, 'invalid_request', BadRequestError],
    [404, 'workspace_not_found', NotFoundError],
    [409, 'workspace_exists', ConflictError],
  ] as const) {
    test(`does not retry a ${status} ${code}`, async (t) => {
      const [airstore, agent] = await client(t, () => apiError(status, code, 'permanent', now));
      await assert.rejects(airstore.workspaces.create({ name: 'acme' }), ErrorClass);
      assert.equal(agent.requests.length, 1);
    });
  }

  test('makes exactly one attempt with maxRetries: 0', async (t) => {
    const [airstore, agent] = await client(t, () => apiError(503, 'agent_unreachable', 'down', now), { maxRetries: 0 });
    await assert.rejects(airstore.workspaces.list(), InternalServerError);
    assert.equal(agent.requests.length, 1);
  });

  test('gives up after maxRetries retries and throws the last error', async (t) => {
    const [airstore, agent] = await client(t, (_, index) => apiError(503, 'agent_unreachable', `attempt ${index}`, now), { maxRetries: 3 });
    const error = await airstore.workspaces.list().catch((caught: unknown) => caught as APIError);
    assert.ok(error instanceof InternalServerError);
    assert.equal(error.message, 'attempt 3');
    assert.equal(agent.requests.length, 4);
  });

  test('lets one call override the client maxRetries', async (t) => {
    const [airstore, agent] = await client(t, () => apiError(503, 'agent_unreachable', 'down', now), { maxRetries: 0 });
    await assert.rejects(airstore.workspaces.list({ maxRetries: 2 }), InternalServerError);
    assert.equal(agent.requests.length, 3);
  });

  test('retries a dropped connection, even for a POST', async (t) => {
    const [airstore, agent] = await client(t, (_, index) => (index === 0 ? 'drop' : json(201, workspace)));
    const created = await airstore.workspaces.create({ name: 'acme' });
    assert.equal(created.external_id, 'ws_1');
    assert.equal(agent.requests.length, 2);
  });

  test('retries a GET that timed out', async (t) => {
    const [airstore, agent] = await client(t, (_, index) => (index === 0 ? undefined : json(200, workspace)), { timeout: arrivalMs, maxRetries: 1 });
    await airstore.workspaces.retrieve('ws_1');
    assert.equal(agent.requests.length, 2);
  });

  test('does not retry a POST that timed out, since the agent may have created the object', async (t) => {
    const [airstore, agent] = await client(t, () => undefined, { timeout: arrivalMs, maxRetries: 2 });
    await assert.rejects(airstore.tokens.create('ws_1', { name: 'vm' }), APIConnectionTimeoutError);
    assert.equal(agent.requests.length, 1);
  });

  test('lets one call override the client timeout', async (t) => {
    const [airstore] = await client(t, () => undefined, { maxRetries: 0 });
    await assert.rejects(airstore.workspaces.list({ timeout: 100 }), APIConnectionTimeoutError);
  });

  test('stops at once, without retrying, when the caller aborts', async (t) => {
    const controller = new AbortController();
    // Aborted once the agent holds the request, not after a delay: under load a delay can end before the request arrives.
    const [airstore, agent] = await client(t, () => void controller.abort());
    await assert.rejects(airstore.workspaces.list({ signal: controller.signal }), { name: 'AbortError' });
    assert.equal(agent.requests.length, 1);
  });

  test("rejects with the caller's own abort reason rather than a connection error", async (t) => {
    const [airstore] = await client(t, () => undefined, { maxRetries: 0 });
    const reason = new Error('user cancelled');
    const controller = new AbortController();
    const pending = airstore.workspaces.list({ signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(pending, (error: unknown) => error === reason);
  });
});
