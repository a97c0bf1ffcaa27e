import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { schemaVersion } from '../../src/store/database.ts';
import { openStore } from '../../src/store/index.ts';
import { removeDataDir, tempDataDir } from '../helpers/agent.ts';

const dirs: string[] = [];
function freshPath(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return join(dir, 'airstore.db');
}
after(() => dirs.forEach(removeDataDir));

function seed(store: ReturnType<typeof openStore>) {
  const workspace = store.workspaces.create({ externalId: 'ws_abc123', name: 'seed' });
  const connection = store.connections.create({
    externalId: 'conn_1', workspaceId: workspace.id, integration: 'github', scope: null, sealedCredentials: Buffer.from('x'), expiresAt: null,
  });
  return { workspace, connection };
}

const item = (connectionId: number, externalId: string, title: string, body: string) => ({
  connectionId, kind: 'issue', externalId, title, fileName: `${externalId}.md`, body, metadata: { state: 'open' }, content: null, createdAt: 1, updatedAt: 2,
});

describe('store: opening', () => {
  it('applies the migrations, records the schema version and uses WAL', () => {
    const path = freshPath();
    const store = openStore(path);
    assert.equal(store.db.pragma('user_version', { simple: true }), schemaVersion);
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of ['workspaces', 'tokens', 'connections', 'smart_folders', 'items', 'items_fts', 'sync_state']) {
      assert.ok(tables.includes(table), table);
    }
    store.close();
  });

  it('opens an existing file again without re-running migrations, keeping data', () => {
    const path = freshPath();
    const first = openStore(path);
    seed(first);
    first.close();
    const second = openStore(path);
    assert.equal(second.workspaces.findByExternalId('ws_abc123')?.name, 'seed');
    second.close();
  });

  it('refuses a file written by a newer schema', () => {
    const path = freshPath();
    openStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${schemaVersion + 1}`);
    raw.close();
    assert.throws(() => openStore(path), { code: 'store_version_too_new' });
  });
});

describe('store: tokens', () => {
  it('finds a token by its hash through the unique index, without a scan', () => {
    const store = openStore(freshPath());
    const plan = store.db
      .prepare('EXPLAIN QUERY PLAN SELECT t.id, (SELECT external_id FROM workspaces WHERE id = t.workspace_id) FROM tokens t WHERE t.secret_hash = ?')
      .all(Buffer.alloc(32)) as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail).join('\n');
    assert.match(details, /SEARCH t USING INDEX sqlite_autoindex_tokens_2 \(secret_hash=\?\)/);
    assert.doesNotMatch(details, /SCAN/);
    store.close();
  });
});

describe('store: items', () => {
  it('reports added, unchanged and updated, and skips unchanged writes', () => {
    const store = openStore(freshPath());
    const { connection } = seed(store);
    assert.equal(store.items.upsert(item(connection.id, '1', 'Fix login', 'the token refresh fails')), 'added');
    const firstSync = store.items.find(connection.id, 'issue', '1')!.syncedAt;
    assert.equal(store.items.upsert(item(connection.id, '1', 'Fix login', 'the token refresh fails'), firstSync + 1000), 'unchanged');
    assert.equal(store.items.find(connection.id, 'issue', '1')!.syncedAt, firstSync, 'an unchanged item is not rewritten');
    assert.equal(store.items.upsert(item(connection.id, '1', 'Fix login flow', 'the token refresh fails')), 'updated');
    store.close();
  });

  it('searches with stemming, only live items, and never parses user text as FTS syntax', () => {
    const store = openStore(freshPath());
    const { workspace, connection } = seed(store);
    store.items.upsert(item(connection.id, '1', 'Invoices for October', 'Stripe invoice attached'));
    store.items.upsert(item(connection.id, '2', 'Team lunch', 'pizza on friday'));
    store.items.upsert(item(connection.id, '3', 'Old invoice', 'paid'));
    assert.ok(store.items.markDeleted(connection.id, 'issue', '3'));
    assert.equal(store.items.markDeleted(connection.id, 'issue', '3'), false, 'a tombstone is written once');
    assert.deepEqual(store.items.search(workspace.id, 'invoice').map((i) => i.externalId), ['1']);
    assert.deepEqual(store.items.search(workspace.id, 'stripe: (invoice*) -').map((i) => i.externalId), ['1']);
    assert.deepEqual(store.items.search(workspace.id, '"*'), []);
    assert.equal(store.items.countLive(connection.id), 2);
    store.close();
  });

  it('deletes items, tokens and folders with their workspace', () => {
    const store = openStore(freshPath());
    const { workspace, connection } = seed(store);
    store.items.upsert(item(connection.id, '1', 'a', 'b'));
    store.workspaces.delete(workspace.id);
    assert.equal(store.db.prepare('SELECT count(*) FROM items').pluck().get(), 0);
    assert.equal(store.db.prepare('SELECT count(*) FROM connections').pluck().get(), 0);
    assert.deepEqual(store.items.search(workspace.id, 'a'), []);
    store.close();
  });
});
