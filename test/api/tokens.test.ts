import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestAgent, call, removeDataDir, startAgent } from '../helpers/agent.ts';

describe('workspace tokens', () => {
  let agent: TestAgent;
  let workspaceA: string;
  let workspaceB: string;

  before(async () => {
    agent = await startAgent();
    workspaceA = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'a' } })).body.external_id;
    workspaceB = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'b' } })).body.external_id;
  });
  after(async () => {
    await agent.stop();
    removeDataDir(agent.dataDir);
  });

  const mint = async (workspace: string, body: Record<string, unknown> = { name: 'vm' }) => {
    const reply = await call(agent, 'POST', `/workspaces/${workspace}/tokens`, { key: agent.adminKey, body });
    assert.equal(reply.status, 201);
    return reply.body as { token: string; info: { external_id: string; name: string; expires_at: string } };
  };

  it('shows the raw token once, at creation, with 256 bits of randomness', async () => {
    const { token, info } = await mint(workspaceA, { name: 'production-vm' });
    assert.match(token, /^tok_[A-Za-z0-9_-]{43}$/);
    assert.match(info.external_id, /^tkn_/);
    assert.equal(info.name, 'production-vm');
    const listed = await call(agent, 'GET', `/workspaces/${workspaceA}/tokens`, { key: agent.adminKey });
    assert.equal(listed.status, 200);
    assert.ok(listed.body.data.some((t: { external_id: string }) => t.external_id === info.external_id));
    assert.ok(!JSON.stringify(listed.body).includes(token), 'the raw token must never be listed');
    assert.ok(!JSON.stringify(listed.body).includes(token.slice(4, 20)), 'no part of the raw token is listed');
  });

  it('lets a token read its own workspace and records when it was last used', async () => {
    const { token, info } = await mint(workspaceA);
    const before = await call(agent, 'GET', `/workspaces/${workspaceA}/tokens`, { key: agent.adminKey });
    assert.equal(before.body.data.find((t: { external_id: string }) => t.external_id === info.external_id).last_used_at, null);
    const read = await call(agent, 'GET', `/workspaces/${workspaceA}`, { key: token });
    assert.equal(read.status, 200);
    assert.equal(read.body.external_id, workspaceA);
    const listed = await call(agent, 'GET', '/workspaces', { key: token });
    assert.deepEqual(listed.body.data.map((w: { external_id: string }) => w.external_id), [workspaceA]);
    const afterUse = await call(agent, 'GET', `/workspaces/${workspaceA}/tokens`, { key: agent.adminKey });
    const lastUsed = afterUse.body.data.find((t: { external_id: string }) => t.external_id === info.external_id).last_used_at;
    assert.ok(lastUsed && Date.parse(lastUsed) > Date.now() - 60_000, `last_used_at should be recent, got ${lastUsed}`);
  });

  it('answers 404 when a token of workspace A asks for workspace B', async () => {
    const { token } = await mint(workspaceA);
    for (const path of [`/workspaces/${workspaceB}`, `/workspaces/${workspaceB}/smart-folders`, `/workspaces/${workspaceB}/connections`]) {
      const reply = await call(agent, 'GET', path, { key: token });
      assert.equal(reply.status, 404, path);
      assert.equal(reply.body.error.code, 'workspace_not_found');
    }
    const create = await call(agent, 'POST', `/workspaces/${workspaceB}/smart-folders`, {
      key: token, body: { integration: 'github', name: 'x', guidance: 'open prs' },
    });
    assert.equal(create.status, 404);
    const folders = await call(agent, 'GET', `/workspaces/${workspaceB}/smart-folders`, { key: agent.adminKey });
    assert.equal(folders.body.data.length, 0);
  });

  it('forbids a token to create workspaces, tokens or connections, or to list tokens', async () => {
    const { token } = await mint(workspaceA);
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/workspaces', { name: 'sneaky' }],
      ['DELETE', `/workspaces/${workspaceA}`, undefined],
      ['POST', `/workspaces/${workspaceA}/tokens`, { name: 'more' }],
      ['GET', `/workspaces/${workspaceA}/tokens`, undefined],
      ['POST', `/workspaces/${workspaceA}/connections`, { integrationType: 'github', accessToken: 'ghp_x' }],
    ];
    for (const [method, path, body] of attempts) {
      const reply = await call(agent, method, path, { key: token, body });
      assert.equal(reply.status, 403, `${method} ${path}`);
      assert.equal(reply.body.error.code, 'forbidden');
    }
    const workspaces = await call(agent, 'GET', '/workspaces', { key: agent.adminKey });
    assert.ok(!workspaces.body.data.some((w: { name: string }) => w.name === 'sneaky'));
    const connections = await call(agent, 'GET', `/workspaces/${workspaceA}/connections`, { key: agent.adminKey });
    assert.equal(connections.body.data.length, 0);
  });

  it('lets a token create, change and delete its own smart folders (a mount mkdir needs it)', async () => {
    const { token } = await mint(workspaceA);
    const created = await call(agent, 'POST', `/workspaces/${workspaceA}/smart-folders`, {
      key: token, body: { integration: 'gmail', name: 'invoices-from-last-week', guidance: 'invoices-from-last-week' },
    });
    assert.equal(created.status, 201);
    const id = created.body.external_id;
    const renamed = await call(agent, 'PATCH', `/workspaces/${workspaceA}/smart-folders/${id}`, { key: token, body: { name: 'Invoices' } });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.path, '/gmail/invoices');
    assert.equal((await call(agent, 'DELETE', `/workspaces/${workspaceA}/smart-folders/${id}`, { key: token })).status, 204);
  });

  it('refuses a revoked token on the very next request', async () => {
    const { token, info } = await mint(workspaceA);
    assert.equal((await call(agent, 'GET', `/workspaces/${workspaceA}`, { key: token })).status, 200);
    const revoke = await call(agent, 'DELETE', `/workspaces/${workspaceA}/tokens/${info.external_id}`, { key: agent.adminKey });
    assert.equal(revoke.status, 204);
    const refused = await call(agent, 'GET', `/workspaces/${workspaceA}`, { key: token });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'token_revoked');
    const listed = await call(agent, 'GET', `/workspaces/${workspaceA}/tokens`, { key: agent.adminKey });
    assert.ok(!listed.body.data.some((t: { external_id: string }) => t.external_id === info.external_id));
    const again = await call(agent, 'DELETE', `/workspaces/${workspaceA}/tokens/${info.external_id}`, { key: agent.adminKey });
    assert.equal(again.status, 404);
  });

  it('refuses an expired token with 401 token_expired', async () => {
    const expiresAt = Date.now() + 2000;
    const { token } = await mint(workspaceA, { name: 'short', expiresIn: 2 });
    assert.equal((await call(agent, 'GET', `/workspaces/${workspaceA}`, { key: token })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 200));
    const refused = await call(agent, 'GET', `/workspaces/${workspaceA}`, { key: token });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'token_expired');
  });

  it('gives tokens with expiresIn 0 or absent no expiry, and others an expires_at', async () => {
    assert.equal((await mint(workspaceA, { name: 'forever', expiresIn: 0 })).info.expires_at, null);
    assert.equal((await mint(workspaceA, { name: 'forever-too' })).info.expires_at, null);
    const day = (await mint(workspaceA, { name: 'ci-runner', expiresIn: 86400 })).info.expires_at;
    assert.ok(Math.abs(Date.parse(day) - (Date.now() + 86_400_000)) < 60_000);
  });

  it('answers 401 for a missing, malformed or unknown key', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'auth_required'],
      [{ authorization: 'Basic abc' }, 'auth_required'],
      [{ authorization: 'Bearer tok_notarealtoken' }, 'invalid_token'],
      [{ authorization: `Bearer ${agent.adminKey}x` }, 'invalid_token'],
    ];
    for (const [headers, code] of cases) {
      const reply = await call(agent, 'GET', '/workspaces', { headers });
      assert.equal(reply.status, 401, JSON.stringify(headers));
      assert.equal(reply.body.error.code, code);
    }
  });

  it('answers health without credentials', async () => {
    const reply = await call(agent, 'GET', '/health');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.status, 'ok');
  });
});

describe('whoami', () => {
  it('tells a token its workspace and the admin key that it is the admin', async () => {
    const agent = await startAgent();
    try {
      const ws = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'w' } })).body.external_id;
      const minted = (await call(agent, 'POST', `/workspaces/${ws}/tokens`, { key: agent.adminKey, body: { name: 'vm', expiresIn: 3600 } })).body;
      const asToken = await call(agent, 'GET', '/whoami', { key: minted.token });
      assert.deepEqual(asToken.body, { kind: 'token', workspace_id: ws, token_id: minted.info.external_id, expires_at: minted.info.expires_at });
      assert.deepEqual((await call(agent, 'GET', '/whoami', { key: agent.adminKey })).body, { kind: 'admin' });
      assert.equal((await call(agent, 'GET', '/whoami')).status, 401);
    } finally {
      await agent.stop();
      removeDataDir(agent.dataDir);
    }
  });
});
