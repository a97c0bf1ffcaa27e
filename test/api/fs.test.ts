import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Airstore, { BadRequestError, NotFoundError } from 'airstore/sdk';
import { type TestAgent, call, removeDataDir, startAgent, tempDataDir } from '../helpers/agent.ts';
import { type SeededWorkspace, seedWorkspace } from '../fs/fixture.ts';

describe('HTTP fs routes and the SDK fs namespace', () => {
  let agent: TestAgent;
  let seeded: SeededWorkspace;
  let airstore: Airstore;
  let ws: string;

  before(async () => {
    const dataDir = tempDataDir();
    seeded = seedWorkspace(dataDir, { unfiledCount: 5 });
    agent = await startAgent({ dataDir });
    airstore = new Airstore({ apiKey: seeded.token, baseURL: agent.apiUrl, maxRetries: 0 });
    ws = seeded.workspaceId;
  });
  after(async () => {
    await agent.stop();
    removeDataDir(agent.dataDir);
  });

  it('lists the root, an integration and a smart folder', async () => {
    const root = await airstore.fs.list(ws);
    assert.deepEqual(root.map((e) => e.name), ['.airstore', 'gmail', 'gdrive', 'github', 'notion', 'linear', 'slack', 'posthog']);
    assert.ok(root.every((e) => e.is_folder && e.type === 'inode/directory'));
    const github = await airstore.fs.list(ws, { path: '/github' });
    assert.deepEqual(github.map((e) => [e.name, e.is_folder]), [['README.md', false], ['open-prs', true]]);
    const folder = await airstore.fs.list(ws, { path: '/github/open-prs/' });
    assert.equal(folder.length, 13);
    const file = folder.find((e) => e.name === '1402_fix-token-refresh.md')!;
    assert.equal(file.type, 'text/markdown');
    assert.equal(file.path, '/github/open-prs/1402_fix-token-refresh.md');
    assert.equal(file.modified_at, new Date(Date.UTC(2026, 10, 1, 12, 2)).toISOString());
  });

  it('reads whole files and byte ranges, with sizes that match', async () => {
    const path = '/github/open-prs/1402_fix-token-refresh.md';
    const stat = await airstore.fs.stat(ws, { path });
    const bytes = await airstore.fs.readBytes(ws, { path });
    assert.equal(bytes.length, stat.size);
    assert.ok([...seeded.files.values()].some((content) => content.equals(bytes)));
    assert.equal(await airstore.fs.read(ws, { path, offset: 4, length: 12 }), bytes.subarray(4, 16).toString());
    assert.equal(await airstore.fs.read(ws, { path, offset: 10_000 }), '');
  });

  it('pages through the tree with continuation tokens, missing and repeating nothing', async () => {
    const whole = await airstore.fs.tree(ws, { path: '/', maxKeys: 10_000 });
    assert.equal(whole.truncated, false);
    const paged: string[] = [];
    let token: string | undefined;
    do {
      const page = await airstore.fs.tree(ws, { path: '/', maxKeys: 4, continuationToken: token });
      paged.push(...page.entries.map((e) => e.path));
      token = page.truncated ? page.continuation_token! : undefined;
    } while (token);
    assert.deepEqual(paged, whole.entries.map((e) => e.path));
    assert.ok(paged.includes('/github/open-prs/.folder.json') && paged.includes('/.airstore/status.json'));
  });

  it('searches the items full-text and answers the files that show them', async () => {
    const hits = await airstore.fs.search(ws, { q: 'token refresh fix' });
    assert.deepEqual(hits.map((h) => h.path), ['/github/open-prs/1402_fix-token-refresh.md']);
    assert.equal(hits[0]!.title, 'Fix token refresh');
  });

  it('counts files in the folders against the limit, however many better matches no folder holds', async () => {
    const all = (await airstore.fs.search(ws, { q: 'token' })).map((h) => h.path);
    assert.equal(all.length, 12, 'every filed item, and none of the unfiled ones');
    assert.ok(all.every((path) => path.startsWith('/github/open-prs/')));
    for (const limit of [1, 3, 12]) {
      const limited = await airstore.fs.search(ws, { q: 'token', limit });
      assert.deepEqual(limited.map((h) => h.path), all.slice(0, limit), `limit ${limit}`);
    }
  });

  it('refuses paths that escape or confuse the tree', async () => {
    for (const path of ['/github/../..', '/github/./open-prs', 'github', '/github\0/x']) {
      await assert.rejects(airstore.fs.list(ws, { path }), (error: unknown) => error instanceof BadRequestError && error.code === 'invalid_path', JSON.stringify(path));
    }
  });

  it('answers 404 path_not_found for missing paths and for reading a directory', async () => {
    for (const read of [() => airstore.fs.stat(ws, { path: '/github/nope' }), () => airstore.fs.read(ws, { path: '/github' }), () => airstore.fs.list(ws, { path: '/github/README.md' })]) {
      await assert.rejects(read(), (error: unknown) => error instanceof NotFoundError && error.code === 'path_not_found');
    }
  });

  it('keeps a token to its own workspace', async () => {
    const other = (await call(agent, 'POST', '/workspaces', { key: agent.adminKey, body: { name: 'other' } })).body.external_id;
    await assert.rejects(airstore.fs.list(other), (error: unknown) => error instanceof NotFoundError && error.code === 'workspace_not_found');
  });
});
