import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type TestAgent, call, removeDataDir, startAgent } from '../helpers/agent.ts';

/** A request with a Host header of our choosing (fetch will not forge Host). */
function rawGet(agent: TestAgent, path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const url = new URL(`${agent.apiUrl}${path}`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bad input', () => {
  let agent: TestAgent;
  let workspace: string;

  before(async () => {
    agent = await startAgent();
    workspace = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'main' } })).body.external_id;
  });
  after(async () => {
    await agent.stop();
    removeDataDir(agent.dataDir);
  });

  /** Everything a bad request could have changed, to compare before and after. */
  async function snapshot() {
    const key = agent.adminKey;
    return JSON.stringify([
      (await call(agent, 'GET', '/workspaces', { key })).body,
      (await call(agent, 'GET', `/workspaces/${workspace}/connections`, { key })).body,
      (await call(agent, 'GET', `/workspaces/${workspace}/smart-folders`, { key })).body,
      (await call(agent, 'GET', `/workspaces/${workspace}/tokens`, { key })).body,
    ]);
  }

  async function expectRefused(
    attempt: () => Promise<{ status: number; body: any }>,
    status: number,
    code: string,
    messagePart?: RegExp,
  ): Promise<void> {
    const before = await snapshot();
    const reply = await attempt();
    assert.equal(reply.status, status, JSON.stringify(reply.body));
    assert.equal(reply.body.error.code, code);
    assert.equal(typeof reply.body.error.message, 'string');
    if (messagePart) assert.match(reply.body.error.message, messagePart);
    assert.equal(await snapshot(), before, 'a refused request must change nothing');
  }

  it('answers 400 invalid_json for malformed JSON', async () => {
    await expectRefused(() => call(agent, 'POST', '/workspaces', { key: agent.adminKey, rawBody: '{"name": "x"' }), 400, 'invalid_json');
  });

  it('answers 415 for a body that is not JSON', async () => {
    await expectRefused(
      () => call(agent, 'POST', '/workspaces', { key: agent.adminKey, rawBody: 'name=x', headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported_media_type',
    );
  });

  it('answers 400 naming the field for an unknown integration type', async () => {
    await expectRefused(
      () => call(agent, 'POST', `/workspaces/${workspace}/connections`, { key: agent.adminKey, body: { integrationType: 'myspace', accessToken: 'x' } }),
      400,
      'invalid_request',
      /integrationType must be one of gmail, gdrive, github, notion, linear, slack, posthog/,
    );
  });

  it('answers 400 naming the missing field', async () => {
    await expectRefused(() => call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: {} }), 400, 'invalid_request', /body\.name is required/);
    await expectRefused(
      () => call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, { key: agent.adminKey, body: { integration: 'github', guidance: 'open prs' } }),
      400,
      'invalid_request',
      /body\.name is required/,
    );
    await expectRefused(
      () => call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, { key: agent.adminKey, body: { integration: 'github', name: 'x' } }),
      400,
      'invalid_request',
      /guidance.*filter/,
    );
  });

  it('answers 400 for a field of the wrong type or one it does not know', async () => {
    await expectRefused(() => call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 42 } }), 400, 'invalid_request', /body\.name must be string/);
    await expectRefused(() => call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'x', colour: 'red' } }), 400, 'invalid_request', /colour/);
    await expectRefused(
      () => call(agent, 'POST', `/workspaces/${workspace}/tokens`, { key: agent.adminKey, body: { name: 'x', expiresIn: -5 } }),
      400,
      'invalid_request',
      /expiresIn/,
    );
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const reply = await call(agent, 'GET', '/workspaces?colour=red', { key: agent.adminKey });
    assert.equal(reply.status, 400);
    assert.match(reply.body.error.message, /query\.colour is not a known field/);
    const byPath = await call(agent, 'GET', `/workspaces/${workspace}/smart-folders/by-path?path=/github/x&deep=1`, { key: agent.adminKey });
    assert.equal(byPath.status, 400);
  });

  it('answers 422 when a connection lacks the credential its integration needs', async () => {
    await expectRefused(
      () => call(agent, 'POST', `/workspaces/${workspace}/connections`, { key: agent.adminKey, body: { integrationType: 'posthog', accessToken: 'x' } }),
      422,
      'missing_credentials',
      /PostHog connection needs apiKey/,
    );
  });

  it('answers 413 for an oversized body', async () => {
    await expectRefused(
      () => call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'x'.repeat(300 * 1024) } }),
      413,
      'body_too_large',
    );
  });

  it('answers 403 for a Host that is not loopback, even with the admin key', async () => {
    const before = await snapshot();
    for (const host of ['evil.example.com', 'evil.example.com:1994', '10.0.0.5']) {
      const reply = await rawGet(agent, '/api/v1/workspaces'.replace('/api/v1', ''), { host, authorization: `Bearer ${agent.adminKey}` });
      assert.equal(reply.status, 403, host);
      assert.equal(reply.body.error.code, 'host_not_allowed');
    }
    const ok = await rawGet(agent, '/workspaces', { host: `localhost:${new URL(agent.apiUrl).port}`, authorization: `Bearer ${agent.adminKey}` });
    assert.equal(ok.status, 200);
    assert.equal(await snapshot(), before);
  });

  it('answers 403 for a foreign Origin and accepts a loopback one', async () => {
    await expectRefused(
      () => call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'from-a-web-page' }, headers: { origin: 'https://evil.example.com' } }),
      403,
      'origin_not_allowed',
    );
    const local = await call(agent, 'GET', '/workspaces', { key: agent.adminKey, headers: { origin: 'http://localhost:3000' } });
    assert.equal(local.status, 200);
  });

  it('answers 404 with a code for unknown routes and ids', async () => {
    const unknownRoute = await call(agent, 'GET', '/nothing-here', { key: agent.adminKey });
    assert.equal(unknownRoute.status, 404);
    assert.equal(unknownRoute.body.error.code, 'route_not_found');
    const cases: Array<[string, string]> = [
      ['/workspaces/ws_missing', 'workspace_not_found'],
      [`/workspaces/${workspace}/smart-folders/sq_missing`, 'smart_folder_not_found'],
      [`/workspaces/${workspace}/smart-folders/by-path?path=/github/none`, 'smart_folder_not_found'],
    ];
    for (const [path, code] of cases) {
      const reply = await call(agent, 'GET', path, { key: agent.adminKey });
      assert.equal(reply.status, 404, path);
      assert.equal(reply.body.error.code, code);
    }
    const deletes: Array<[string, string]> = [
      [`/workspaces/${workspace}/connections/conn_missing`, 'connection_not_found'],
      [`/workspaces/${workspace}/tokens/tkn_missing`, 'token_not_found'],
    ];
    for (const [path, code] of deletes) {
      const reply = await call(agent, 'DELETE', path, { key: agent.adminKey });
      assert.equal(reply.status, 404, path);
      assert.equal(reply.body.error.code, code);
    }
  });

  it('carries an x-request-id on every reply, errors included', async () => {
    const ok = await call(agent, 'GET', '/health');
    const failed = await call(agent, 'GET', '/workspaces');
    assert.match(ok.headers.get('x-request-id') ?? '', /^req_/);
    assert.match(failed.headers.get('x-request-id') ?? '', /^req_/);
  });
});
