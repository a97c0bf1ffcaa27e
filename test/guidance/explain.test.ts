import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { type RunningAgent, startAgent } from '../../src/agent.ts';
import Airstore from '../../src/sdk/index.ts';
import { call, cliEntry, removeDataDir, tempDataDir } from '../helpers/agent.ts';

/** The agent runs in this process so that the test can write items through the store, as a sync would. */
describe('explain a smart folder (API, SDK, CLI)', () => {
  let agent: RunningAgent;
  let dataDir: string;
  let workspace: string;
  let adminKey: string;

  before(async () => {
    dataDir = tempDataDir();
    agent = await startAgent({ dataDir, host: '127.0.0.1', port: 0, env: { AIRSTORE_ADMIN_KEY: '', AIRSTORE_SECRET_KEY: '' }, logLevel: 'silent' });
    adminKey = agent.keys.adminKey;
    workspace = (await call(agent, 'POST', '/workspaces', { key: adminKey, body: { name: 'explain' } })).body.external_id;
    const connection = await call(agent, 'POST', `/workspaces/${workspace}/connections`, { key: adminKey, body: { integrationType: 'github', accessToken: 'ghp_test' } });
    assert.equal(connection.status, 201);
    const record = agent.store.connections.findByExternalId(agent.store.workspaces.findByExternalId(workspace)!.id, connection.body.external_id)!;
    agent.store.connections.setAccount(record.id, { id: 'alice-dev' });
    const now = Date.now();
    const ids = [
      ['1', { state: 'open', review_requested: ['alice-dev'], repo: 'acme/api' }],
      ['2', { state: 'open', review_requested: [], repo: 'acme/api' }],
      ['3', { state: 'merged', review_requested: ['bob'], repo: 'acme/web' }],
    ].map(([id, metadata]) => {
      agent.store.items.upsert({
        connectionId: record.id, kind: 'pull_request', externalId: id as string, title: `PR ${id}`, fileName: `${id}.md`, body: '',
        metadata: metadata as Record<string, unknown>, content: null, createdAt: now, updatedAt: now,
      });
      return agent.store.items.find(record.id, 'pull_request', id as string)!.id;
    });
    agent.services.folders.refreshFoldersFor(record.id, ids);
  });
  after(async () => {
    await agent.close();
    removeDataDir(dataDir);
  });

  it('answers the compiled query, what each word meant and the match count', async () => {
    const created = await call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, {
      key: adminKey, body: { integration: 'github', name: 'Review', guidance: 'open pull requests that need my review' },
    });
    const reply = await call(agent, 'GET', `/workspaces/${workspace}/smart-folders/${created.body.external_id}/explain`, { key: adminKey });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.source, 'compiler');
    assert.equal(reply.body.match_count, 1);
    assert.deepEqual(reply.body.query.kinds, ['pull_request']);
    assert.deepEqual(reply.body.understood.map((entry: { words: string }) => entry.words), ['open', 'pull requests', 'need my review']);
    assert.match(reply.body.readable, /review requested contains you \(alice-dev\)/);
    assert.deepEqual(reply.body.resolved.me, ['alice-dev']);
    assert.deepEqual(reply.body.text_terms, []);
    assert.equal(reply.body.usable, true);
  });

  it('reports full-text terms and guidance it cannot use', async () => {
    const created = await call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, {
      key: adminKey, body: { integration: 'github', name: 'Vague', guidance: 'the ones that are there' },
    });
    const reply = await call(agent, 'GET', `/workspaces/${workspace}/smart-folders/${created.body.external_id}/explain`, { key: adminKey });
    assert.equal(reply.body.usable, false);
    assert.equal(reply.body.match_count, 0);
    assert.match(reply.body.problems[0], /could be used/);
    const text = await call(agent, 'POST', `/workspaces/${workspace}/smart-folders`, {
      key: adminKey, body: { integration: 'github', name: 'Tokens', guidance: 'PRs about token refresh' },
    });
    const explained = await call(agent, 'GET', `/workspaces/${workspace}/smart-folders/${text.body.external_id}/explain`, { key: adminKey });
    assert.equal(explained.body.text_terms.length, 2);
  });

  it('explains explicit filters, by id or path through the SDK, and 404s an unknown folder', async () => {
    const sdk = new Airstore({ apiKey: adminKey, baseURL: agent.apiUrl });
    await sdk.smartFolders.create(workspace, { integration: 'github', name: 'API PRs', filter: { repo: 'acme/api', type: 'prs', state: 'open' } });
    const explanation = await sdk.smartFolders.explain(workspace, '/github/api-prs');
    assert.equal(explanation.source, 'filter');
    assert.equal(explanation.match_count, 2);
    const missing = await call(agent, 'GET', `/workspaces/${workspace}/smart-folders/sq_nope/explain`, { key: adminKey });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'smart_folder_not_found');
  });

  it('prints the explanation with `airstore folder explain`', async () => {
    const child = spawn(process.execPath, [cliEntry, 'folder', 'explain', workspace, '/github/review'], {
      env: { ...process.env, AIRSTORE_API_KEY: adminKey, AIRSTORE_BASE_URL: agent.apiUrl, AIRSTORE_HOME: dataDir },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.match(stdout, /^folder: +\/github\/review/m);
    assert.match(stdout, /^matches: +1/m);
    assert.match(stdout, /need my review +→ pull request, review requested contains you/);
  });
});
