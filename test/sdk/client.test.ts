import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { inspect } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import Airstore, { AirstoreError } from '../../src/sdk/index.ts';
import { type FakeAgent, json, startAgent } from './server.ts';

const workspace = { external_id: 'ws_1', name: 'acme', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };

describe('new Airstore()', () => {
  let agent: FakeAgent | undefined;
  const savedEnv = { key: process.env.AIRSTORE_API_KEY, url: process.env.AIRSTORE_BASE_URL };

  afterEach(async () => {
    await agent?.close();
    agent = undefined;
    restoreEnv('AIRSTORE_API_KEY', savedEnv.key);
    restoreEnv('AIRSTORE_BASE_URL', savedEnv.url);
  });

  test('throws AirstoreError when no API key is given and AIRSTORE_API_KEY is unset', () => {
    delete process.env.AIRSTORE_API_KEY;
    assert.throws(() => new Airstore(), (error: unknown) => error instanceof AirstoreError && /AIRSTORE_API_KEY/.test(error.message));
  });

  test('takes the API key and base URL from AIRSTORE_API_KEY and AIRSTORE_BASE_URL', async () => {
    agent = await startAgent(() => json(200, workspace));
    process.env.AIRSTORE_API_KEY = 'adm_from_env';
    process.env.AIRSTORE_BASE_URL = agent.baseURL;
    await new Airstore().workspaces.retrieve('ws_1');
    assert.equal(agent.requests[0]?.headers.authorization, 'Bearer adm_from_env');
    assert.equal(agent.requests[0]?.url, '/api/v1/workspaces/ws_1');
  });

  test('prefers explicit options over the environment', async () => {
    agent = await startAgent(() => json(200, workspace));
    process.env.AIRSTORE_API_KEY = 'adm_from_env';
    process.env.AIRSTORE_BASE_URL = 'http://127.0.0.1:1/not-used';
    await new Airstore({ apiKey: 'adm_explicit', baseURL: `${agent.baseURL}/` }).workspaces.retrieve('ws_1');
    assert.equal(agent.requests[0]?.headers.authorization, 'Bearer adm_explicit');
    assert.equal(agent.requests[0]?.url, '/api/v1/workspaces/ws_1', 'a trailing slash on baseURL is not doubled');
  });

  test('refuses a baseURL that is not an http(s) URL', () => {
    assert.throws(() => new Airstore({ apiKey: 'adm_x', baseURL: 'localhost:1994/api/v1' }), AirstoreError);
    assert.throws(() => new Airstore({ apiKey: 'adm_x', baseURL: 'not a url' }), AirstoreError);
  });

  test('does not show the API key when the client is inspected or serialised', () => {
    const airstore = new Airstore({ apiKey: 'adm_secret_value' });
    assert.ok(!inspect(airstore, { depth: 10, showHidden: true }).includes('adm_secret_value'));
    assert.ok(!JSON.stringify(airstore).includes('adm_secret_value'));
  });

  test('sends authorization, accept and user-agent, and content-type only with a body', async () => {
    agent = await startAgent((request) => (request.method === 'POST' ? json(201, workspace) : json(200, workspace)));
    const airstore = new Airstore({ apiKey: 'adm_key', baseURL: agent.baseURL });
    await airstore.workspaces.retrieve('ws_1');
    await airstore.workspaces.create({ name: 'acme' });
    const [get, post] = agent.requests;
    assert.equal(get?.headers.authorization, 'Bearer adm_key');
    assert.equal(get?.headers.accept, 'application/json');
    assert.equal(get?.headers['user-agent'], `airstore-sdk/${pkg.version}`);
    assert.equal(get?.headers['content-type'], undefined);
    assert.equal(post?.headers['content-type'], 'application/json');
  });

  test('adds defaultHeaders to every request and lets a call override them', async () => {
    agent = await startAgent(() => json(200, workspace));
    const airstore = new Airstore({ apiKey: 'adm_key', baseURL: agent.baseURL, defaultHeaders: { 'X-Team': 'core', 'X-Trace': 'a' } });
    await airstore.workspaces.retrieve('ws_1');
    await airstore.workspaces.retrieve('ws_1', { headers: { 'x-trace': 'b' } });
    assert.equal(agent.requests[0]?.headers['x-team'], 'core');
    assert.equal(agent.requests[0]?.headers['x-trace'], 'a');
    assert.equal(agent.requests[1]?.headers['x-team'], 'core');
    assert.equal(agent.requests[1]?.headers['x-trace'], 'b');
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
