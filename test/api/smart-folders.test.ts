import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestAgent, call, removeDataDir, startAgent } from '../helpers/agent.ts';

describe('smart folders', () => {
  let agent: TestAgent;
  let workspace: string;
  const path = (suffix = '') => `/workspaces/${workspace}/smart-folders${suffix}`;
  const create = (body: Record<string, unknown>) => call(agent, 'POST', path(), { key: agent.adminKey, body });

  before(async () => {
    agent = await startAgent();
    workspace = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'folders' } })).body.external_id;
  });
  after(async () => {
    await agent.stop();
    removeDataDir(agent.dataDir);
  });

  it('creates a folder from guidance with its path in the mounted tree', async () => {
    const reply = await create({ integration: 'github', name: 'Open PRs', guidance: 'open pull requests that need review' });
    assert.equal(reply.status, 201);
    assert.match(reply.body.external_id, /^sq_/);
    assert.equal(reply.body.path, '/github/open-prs');
    assert.equal(reply.body.guidance, 'open pull requests that need review');
    assert.equal(reply.body.filter, null);
    assert.equal(reply.body.workspace_id, workspace);
  });

  it('creates a folder from an explicit filter, normalising kind aliases', async () => {
    const reply = await create({ integration: 'github', name: 'api prs', filter: { repo: 'acme/api', type: 'prs', state: 'open' } });
    assert.equal(reply.status, 201);
    assert.deepEqual(reply.body.filter, { repo: 'acme/api', type: ['pull_request'], state: 'open' });
    assert.equal(reply.body.guidance, null);
  });

  it('refuses a filter on fields the integration does not declare, naming them', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ colour: 'red' }, /unknown field "colour"/],
      [{ state: 'sleeping' }, /"state" must be one of open, closed, merged/],
      [{ type: 'tweets' }, /unknown type "tweets"/],
      [{ since: 'last tuesday' }, /"since" must be an ISO date/],
      [{}, /empty/],
    ];
    for (const [filter, message] of cases) {
      const reply = await create({ integration: 'github', name: `bad ${JSON.stringify(filter)}`, filter });
      assert.equal(reply.status, 422, JSON.stringify(filter));
      assert.equal(reply.body.error.code, 'invalid_filter');
      assert.match(reply.body.error.message, message);
    }
  });

  it('refuses the retired outputFormat and fileExt fields as unknown', async () => {
    const created = await create({ integration: 'github', name: 'Aggregated', guidance: 'open issues', outputFormat: 'file' });
    assert.equal(created.status, 400);
    assert.equal(created.body.error.code, 'invalid_request');
    assert.match(created.body.error.message, /body\.outputFormat is not a known field/);
    const folder = (await create({ integration: 'github', name: 'Issues', guidance: 'open issues' })).body;
    assert.equal('output_format' in folder || 'file_ext' in folder, false, 'the reply no longer carries them');
    const updated = await call(agent, 'PATCH', path(`/${folder.external_id}`), { key: agent.adminKey, body: { fileExt: '.md' } });
    assert.equal(updated.status, 400);
    assert.equal(updated.body.error.code, 'invalid_request');
    assert.match(updated.body.error.message, /body\.fileExt is not a known field/);
  });

  it('refuses both guidance and filter at once', async () => {
    const reply = await create({ integration: 'slack', name: 'both', guidance: 'x', filter: { channel: 'general' } });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'invalid_request');
  });

  it('answers 409 for a second folder at the same path', async () => {
    await create({ integration: 'gmail', name: 'Invoices', guidance: 'invoices from last week' });
    const reply = await create({ integration: 'gmail', name: 'invoices!', guidance: 'something else' });
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error.code, 'smart_folder_exists');
    assert.match(reply.body.error.message, /\/gmail\/invoices/);
    const other = await create({ integration: 'gdrive', name: 'Invoices', guidance: 'invoice pdfs' });
    assert.equal(other.status, 201, 'the same name under another integration is fine');
  });

  it('answers 422 for a name with nothing to make a directory name from', async () => {
    const reply = await create({ integration: 'notion', name: '!!!', guidance: 'meeting notes' });
    assert.equal(reply.status, 422);
    assert.equal(reply.body.error.code, 'invalid_folder_name');
  });

  it('gets a folder by id and by path', async () => {
    const created = (await create({ integration: 'linear', name: 'Sprint', guidance: 'high priority issues in the current sprint' })).body;
    const byId = await call(agent, 'GET', path(`/${created.external_id}`), { key: agent.adminKey });
    assert.deepEqual(byId.body, created);
    const byPath = await call(agent, 'GET', path(`/by-path?path=${encodeURIComponent('/linear/sprint/')}`), { key: agent.adminKey });
    assert.deepEqual(byPath.body, created);
  });

  it('updates guidance, replacing a filter, and renames', async () => {
    const created = (await create({ integration: 'slack', name: 'General', filter: { channel: 'general' } })).body;
    const updated = await call(agent, 'PATCH', path(`/${created.external_id}`), {
      key: agent.adminKey, body: { name: 'Announcements', guidance: 'announcements in #general this week' },
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.path, '/slack/announcements');
    assert.equal(updated.body.filter, null);
    assert.equal(updated.body.guidance, 'announcements in #general this week');
    assert.ok(updated.body.updated_at >= created.updated_at);
    const empty = await call(agent, 'PATCH', path(`/${created.external_id}`), { key: agent.adminKey, body: {} });
    assert.equal(empty.status, 400);
  });

  it('refuses a rename onto an existing folder and keeps both', async () => {
    const a = (await create({ integration: 'posthog', name: 'Signups', guidance: 'signups in the last 7 days' })).body;
    const b = (await create({ integration: 'posthog', name: 'Flags', guidance: 'active feature flags' })).body;
    const reply = await call(agent, 'PATCH', path(`/${b.external_id}`), { key: agent.adminKey, body: { name: 'signups' } });
    assert.equal(reply.status, 409);
    const listed = (await call(agent, 'GET', path(), { key: agent.adminKey })).body.data.map((f: { path: string }) => f.path);
    assert.ok(listed.includes(a.path) && listed.includes(b.path));
  });

  it('deletes a folder', async () => {
    const created = (await create({ integration: 'notion', name: 'Meeting notes', guidance: 'meeting notes from January' })).body;
    assert.equal((await call(agent, 'DELETE', path(`/${created.external_id}`), { key: agent.adminKey })).status, 204);
    assert.equal((await call(agent, 'GET', path(`/${created.external_id}`), { key: agent.adminKey })).status, 404);
  });

  it('deletes a workspace with everything in it', async () => {
    const ws = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'doomed' } })).body.external_id;
    await call(agent, 'POST', `/workspaces/${ws}/smart-folders`, { key: agent.adminKey, body: { integration: 'github', name: 'x', guidance: 'x' } });
    const { token } = (await call(agent, 'POST', `/workspaces/${ws}/tokens`, { key: agent.adminKey, body: { name: 't' } })).body;
    assert.equal((await call(agent, 'GET', `/workspaces/${ws}`, { key: token })).status, 200, 'the token works, and is now cached');
    assert.equal((await call(agent, 'DELETE', `/workspaces/${ws}`, { key: agent.adminKey })).status, 204);
    assert.equal((await call(agent, 'GET', `/workspaces/${ws}`, { key: agent.adminKey })).status, 404);
    const refused = await call(agent, 'GET', `/workspaces/${ws}`, { key: token });
    assert.equal(refused.status, 401, 'its tokens die with it');
    const again = await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'doomed' } });
    assert.equal(again.status, 201, 'the name is free again');
  });

  it('answers 409 for a duplicate workspace name and a second connection of one integration', async () => {
    const dup = await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'folders' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'workspace_exists');
    const body = { integrationType: 'github', accessToken: 'ghp_one' };
    assert.equal((await call(agent, 'POST', `/workspaces/${workspace}/connections`, { key: agent.adminKey, body })).status, 201);
    const second = await call(agent, 'POST', `/workspaces/${workspace}/connections`, { key: agent.adminKey, body });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'connection_exists');
  });
});
