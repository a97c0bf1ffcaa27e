import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Airstore, { AirstoreError } from '../../src/sdk/index.ts';
import { type FakeAgent, type Recorded, type Reply, json, startAgent } from './server.ts';

const times = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
const workspace = { external_id: 'ws_1', name: 'acme', ...times };
const connection = { external_id: 'conn_1', workspace_id: 'ws_1', integration_type: 'github', scope: null, expires_at: null, ...times };
const folder = {
  external_id: 'sq_1', workspace_id: 'ws_1', integration: 'github', name: 'Open PRs', path: '/github/open-prs',
  guidance: 'open pull requests', filter: null, ...times,
};
const token = { external_id: 'tkn_1', workspace_id: 'ws_1', name: 'vm', created_at: times.created_at, expires_at: null, last_used_at: null };

/** The fake answers by method: 201 for POST, 204 for DELETE, the queued object otherwise. */
let nextBody: unknown;
function answer(request: Recorded): Reply {
  if (request.method === 'DELETE') return { status: 204 };
  return json(request.method === 'POST' ? 201 : 200, nextBody, { 'x-request-id': 'req_42' });
}

interface Case {
  name: string;
  call: (airstore: Airstore) => Promise<unknown>;
  method: string;
  url: string;
  body?: unknown;
  answer?: unknown;
  /** What the method resolves to, when it differs from `answer` (lists are unwrapped). */
  returns?: unknown;
}

const cases: Case[] = [
  { name: 'workspaces.create', call: (a) => a.workspaces.create({ name: 'acme' }), method: 'POST', url: '/workspaces', body: { name: 'acme' }, answer: workspace },
  { name: 'workspaces.list', call: (a) => a.workspaces.list(), method: 'GET', url: '/workspaces', answer: { data: [workspace] }, returns: [workspace] },
  { name: 'workspaces.retrieve', call: (a) => a.workspaces.retrieve('ws_1'), method: 'GET', url: '/workspaces/ws_1', answer: workspace },
  { name: 'workspaces.del', call: (a) => a.workspaces.del('ws_1'), method: 'DELETE', url: '/workspaces/ws_1' },
  {
    name: 'connections.create',
    call: (a) => a.connections.create('ws_1', { integrationType: 'github', accessToken: 'ghp_x', extra: { org: 'acme' } }),
    method: 'POST', url: '/workspaces/ws_1/connections', body: { integrationType: 'github', accessToken: 'ghp_x', extra: { org: 'acme' } }, answer: connection,
  },
  { name: 'connections.list', call: (a) => a.connections.list('ws_1'), method: 'GET', url: '/workspaces/ws_1/connections', answer: { data: [connection] }, returns: [connection] },
  { name: 'connections.del', call: (a) => a.connections.del('ws_1', 'conn_1'), method: 'DELETE', url: '/workspaces/ws_1/connections/conn_1' },
  {
    name: 'smartFolders.create',
    call: (a) => a.smartFolders.create('ws_1', { integration: 'github', name: 'Open PRs', filter: { repo: 'acme/api', type: 'prs' } }),
    method: 'POST', url: '/workspaces/ws_1/smart-folders',
    body: { integration: 'github', name: 'Open PRs', filter: { repo: 'acme/api', type: 'prs' } }, answer: folder,
  },
  { name: 'smartFolders.list', call: (a) => a.smartFolders.list('ws_1'), method: 'GET', url: '/workspaces/ws_1/smart-folders', answer: { data: [folder] }, returns: [folder] },
  { name: 'smartFolders.retrieve by id', call: (a) => a.smartFolders.retrieve('ws_1', 'sq_1'), method: 'GET', url: '/workspaces/ws_1/smart-folders/sq_1', answer: folder },
  {
    name: 'smartFolders.retrieve by path',
    call: (a) => a.smartFolders.retrieve('ws_1', '/github/open prs&x'),
    method: 'GET', url: '/workspaces/ws_1/smart-folders/by-path?path=%2Fgithub%2Fopen+prs%26x', answer: folder,
  },
  {
    name: 'smartFolders.update',
    call: (a) => a.smartFolders.update('ws_1', 'sq_1', { name: 'Review queue', guidance: 'pull requests waiting for review' }),
    method: 'PATCH', url: '/workspaces/ws_1/smart-folders/sq_1', body: { name: 'Review queue', guidance: 'pull requests waiting for review' }, answer: folder,
  },
  { name: 'smartFolders.del', call: (a) => a.smartFolders.del('ws_1', 'sq_1'), method: 'DELETE', url: '/workspaces/ws_1/smart-folders/sq_1' },
  {
    name: 'tokens.create', call: (a) => a.tokens.create('ws_1', { name: 'vm', expiresIn: 86400 }),
    method: 'POST', url: '/workspaces/ws_1/tokens', body: { name: 'vm', expiresIn: 86400 }, answer: { token: 'tok_raw', info: token },
  },
  { name: 'tokens.list', call: (a) => a.tokens.list('ws_1'), method: 'GET', url: '/workspaces/ws_1/tokens', answer: { data: [token] }, returns: [token] },
  { name: 'tokens.revoke', call: (a) => a.tokens.revoke('ws_1', 'tkn_1'), method: 'DELETE', url: '/workspaces/ws_1/tokens/tkn_1' },
];

describe('resources', () => {
  let agent: FakeAgent;
  let airstore: Airstore;

  before(async () => {
    agent = await startAgent(answer);
    airstore = new Airstore({ apiKey: 'adm_key', baseURL: agent.baseURL });
  });
  after(() => agent.close());

  for (const c of cases) {
    test(`${c.name} sends ${c.method} ${c.url} and returns the answer`, async () => {
      nextBody = c.answer;
      const before = agent.requests.length;
      const result = await c.call(airstore);
      const request = agent.requests[before];
      assert.equal(agent.requests.length, before + 1);
      assert.equal(request?.method, c.method);
      assert.equal(request?.url, `/api/v1${c.url}`);
      assert.deepEqual(request?.body === '' ? undefined : JSON.parse(request?.body ?? ''), c.body);
      assert.deepEqual(result, c.returns ?? c.answer);
    });
  }

  test('percent-encodes ids so they cannot reach another route', async () => {
    nextBody = connection;
    const before = agent.requests.length;
    await airstore.connections.del('ws/1?x=1', 'conn#1 ');
    assert.equal(agent.requests[before]?.url, '/api/v1/workspaces/ws%2F1%3Fx%3D1/connections/conn%231%20');
  });

  test('refuses empty, "." and ".." ids without sending a request', async () => {
    const before = agent.requests.length;
    for (const id of ['', '.', '..']) {
      await assert.rejects(airstore.workspaces.retrieve(id), AirstoreError);
      await assert.rejects(airstore.smartFolders.retrieve('ws_1', id), AirstoreError);
    }
    assert.equal(agent.requests.length, before);
  });

  test('attaches a non-enumerable lastResponse to objects and lists', async () => {
    nextBody = workspace;
    const created = await airstore.workspaces.create({ name: 'acme' });
    assert.equal(created.lastResponse.statusCode, 201);
    assert.equal(created.lastResponse.requestId, 'req_42');
    assert.equal(created.lastResponse.headers['content-type'], 'application/json');
    assert.ok(!Object.keys(created).includes('lastResponse'));
    assert.ok(!JSON.stringify(created).includes('lastResponse'));

    nextBody = { data: [workspace] };
    const listed = await airstore.workspaces.list();
    assert.equal(listed.lastResponse.statusCode, 200);
    assert.equal(listed.lastResponse.requestId, 'req_42');
    assert.equal(Object.getOwnPropertyDescriptor(listed, 'lastResponse')?.enumerable, false);
  });

  test('rejects a list answer without a data array', async () => {
    nextBody = [workspace];
    await assert.rejects(airstore.workspaces.list(), (error: unknown) => error instanceof AirstoreError && /data/.test(error.message));
  });

  test('passes per-call headers to the request', async () => {
    nextBody = workspace;
    const before = agent.requests.length;
    await airstore.workspaces.retrieve('ws_1', { headers: { 'x-call': 'yes' } });
    assert.equal(agent.requests[before]?.headers['x-call'], 'yes');
  });
});
