import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import Airstore, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AirstoreError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/sdk/index.ts';
import { type FakeAgent, type Reply, apiError, closedPort, startAgent } from './server.ts';

const apiKey = 'adm_very_secret_key';

const statuses: Array<[number, string, typeof APIError]> = [
  [400, 'invalid_request', BadRequestError],
  [401, 'invalid_token', AuthenticationError],
  [403, 'forbidden', PermissionDeniedError],
  [404, 'workspace_not_found', NotFoundError],
  [409, 'workspace_exists', ConflictError],
  [413, 'body_too_large', PayloadTooLargeError],
  [415, 'unsupported_media_type', APIError],
  [422, 'missing_credentials', UnprocessableEntityError],
  [429, 'rate_limited', RateLimitError],
  [500, 'internal_error', InternalServerError],
  [503, 'agent_unreachable', InternalServerError],
];

describe('errors', () => {
  let agent: FakeAgent;
  let next: Reply;
  let airstore: Airstore;

  before(async () => {
    agent = await startAgent(() => next);
    // No retries here: retries.test.ts covers them, and every status must surface at once.
    airstore = new Airstore({ apiKey, baseURL: agent.baseURL, maxRetries: 0 });
  });
  after(() => agent.close());

  for (const [status, code, ErrorClass] of statuses) {
    test(`turns a ${status} ${code} answer into ${ErrorClass.name} with its status, code, message and request id`, async () => {
      next = apiError(status, code, `the ${code} message`, { 'x-request-id': `req_${status}` });
      const error = await airstore.workspaces.retrieve('ws_1').catch((caught: unknown) => caught);
      assert.ok(error instanceof ErrorClass, `expected ${ErrorClass.name}, got ${inspect(error)}`);
      assert.equal(error.constructor, ErrorClass);
      assert.ok(error instanceof APIError && error instanceof AirstoreError);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.status, status);
      assert.equal(error.code, code);
      assert.equal(error.message, `the ${code} message`);
      assert.equal(error.requestId, `req_${status}`);
      assert.equal(error.headers['x-request-id'], `req_${status}`);
    });
  }

  test('gives an error answer that is not JSON no code and a message naming the status', async () => {
    next = { status: 502, raw: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } };
    const error = await airstore.workspaces.list().catch((caught: unknown) => caught);
    assert.ok(error instanceof InternalServerError);
    assert.equal(error.code, undefined);
    assert.match(error.message, /502 Bad Gateway/);
  });

  test('rejects a success answer whose body is not JSON with an APIError', async () => {
    next = { status: 200, raw: 'plain text', headers: { 'content-type': 'text/plain' } };
    const error = await airstore.workspaces.retrieve('ws_1').catch((caught: unknown) => caught);
    assert.ok(error instanceof APIError);
    assert.equal(error.status, 200);
  });

  test('rejects a success answer that is JSON but not an object', async () => {
    next = { status: 200, body: 'just a string' };
    const error = await airstore.workspaces.retrieve('ws_1').catch((caught: unknown) => caught);
    assert.ok(error instanceof AirstoreError && !(error instanceof APIError));
  });

  test('never puts the API key in an error message, even when the server echoes it', async () => {
    const echo = await startAgent((request) => apiError(401, 'invalid_token', `bad key: ${request.headers.authorization}`));
    try {
      const error = await new Airstore({ apiKey, baseURL: echo.baseURL }).workspaces.list().catch((caught: unknown) => caught);
      assert.ok(error instanceof AuthenticationError);
      assert.match(error.message, /bad key: Bearer \[redacted\]/);
      assert.ok(!inspect(error).includes(apiKey));
    } finally {
      await echo.close();
    }
  });

  test('throws APIConnectionError, without the API key, when nothing listens on the port', async () => {
    const port = await closedPort();
    const refused = new Airstore({ apiKey, baseURL: `http://127.0.0.1:${port}/api/v1`, maxRetries: 0 });
    const error = await refused.workspaces.list().catch((caught: unknown) => caught);
    assert.ok(error instanceof APIConnectionError);
    assert.ok(!(error instanceof APIConnectionTimeoutError));
    assert.match(error.message, /ECONNREFUSED/);
    assert.ok(!inspect(error).includes(apiKey));
  });

  test('throws APIConnectionTimeoutError when no answer comes within the timeout', async () => {
    const silent = await startAgent(() => undefined);
    try {
      const slow = new Airstore({ apiKey, baseURL: silent.baseURL, timeout: 100, maxRetries: 0 });
      const error = await slow.workspaces.list().catch((caught: unknown) => caught);
      assert.ok(error instanceof APIConnectionTimeoutError);
      assert.ok(error instanceof APIConnectionError);
      assert.ok(!inspect(error).includes(apiKey));
    } finally {
      await silent.close();
    }
  });
});
