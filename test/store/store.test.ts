import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { schemaVersion } from '../../src/store/database.ts';
import { migrations } from '../../src/store/migrations.ts';
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

  it('keeps item_values equal to each item\'s metadata, writing only what changed', () => {
    const store = openStore(freshPath());
    const { connection } = seed(store);
    const values = () => store.db.prepare('SELECT field, value FROM item_values ORDER BY field, value').all();
    const withMetadata = (metadata: Record<string, unknown>) => ({ ...item(connection.id, '1', 'a', 'b'), metadata });
    store.items.upsert(withMetadata({ state: 'Open', labels: ['Bug', 'UI', null], draft: false, number: 7, owner: null, extra: { a: 1 }, none: [], blank: '' }));
    assert.deepEqual(values(), [
      { field: 'blank', value: '' }, { field: 'draft', value: 'false' }, { field: 'extra', value: '' }, { field: 'labels', value: 'bug' },
      { field: 'labels', value: 'ui' }, { field: 'none', value: '' }, { field: 'number', value: '7' }, { field: 'owner', value: '' },
      { field: 'state', value: 'open' },
    ], 'a field without values has one empty row');
    const rowIdsBefore = store.db.prepare("SELECT value FROM item_values WHERE field = 'labels'").pluck().all();
    store.items.upsert(withMetadata({ state: 'closed', labels: ['bug', 'UI'], draft: false, number: 7, owner: 'ana' }));
    assert.deepEqual(values(), [
      { field: 'draft', value: 'false' }, { field: 'labels', value: 'bug' }, { field: 'labels', value: 'ui' },
      { field: 'number', value: '7' }, { field: 'owner', value: 'ana' }, { field: 'state', value: 'closed' },
    ]);
    assert.deepEqual(store.db.prepare("SELECT value FROM item_values WHERE field = 'labels'").pluck().all(), rowIdsBefore);
    store.items.markDeleted(connection.id, 'issue', '1');
    store.items.upsert(withMetadata({ state: 'open' }));
    assert.deepEqual(values(), [{ field: 'state', value: 'open' }], 'a revived item holds its new metadata only');
    store.connections.delete(connection.id);
    assert.deepEqual(values(), [], 'removing the item rows removes their values');
    store.close();
  });

  it('writes a page that holds one item twice as its last version, values and text alike', () => {
    const store = openStore(freshPath());
    const { workspace, connection } = seed(store);
    const version = (title: string, body: string, state: string) => ({ ...item(connection.id, '1', title, body), metadata: { state } });
    const saved = store.db.transaction(() => store.items.saveAll([
      version('Crash on upload', 'stack trace attached', 'open'),
      item(connection.id, '2', 'Team lunch', 'pizza on friday'),
      version('Crash on large upload', 'fixed by retrying', 'closed'),
    ]))();
    assert.deepEqual(saved.map((s) => s.outcome), ['added', 'added', 'updated']);
    assert.equal(saved[0]!.id, saved[2]!.id);
    assert.deepEqual(store.db.prepare("SELECT value FROM item_values WHERE field = 'state' AND item_id = ?").pluck().all(saved[0]!.id), ['closed']);
    assert.deepEqual(store.items.search(workspace.id, 'retrying').map((i) => i.externalId), ['1']);
    assert.deepEqual(store.items.search(workspace.id, 'stack trace'), [], 'the first version left the index');
    store.db.exec("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)");
    store.close();
  });

  it('indexes a page\'s text as one FTS5 segment, not one per item', () => {
    const store = openStore(freshPath());
    const { connection } = seed(store);
    store.db.exec("INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 0)");
    const segments = () => store.db.prepare('SELECT count(*) FROM items_fts_data WHERE id > 10').pluck().get() as number;
    const before = segments();
    const page = Array.from({ length: 50 }, (_, n) => ({ ...item(connection.id, String(n), `Issue ${n}`, `body of issue ${n}`), metadata: { state: 'open', number: n } }));
    store.db.transaction(() => store.items.saveAll(page))();
    assert.equal(segments() - before, 1);
    store.close();
  });

  it('keeps the values of a file written before migration 5, adding empty rows for fields without values', () => {
    const path = freshPath();
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    for (const migration of migrations.filter((m) => m.version <= 4)) raw.exec(migration.sql);
    raw.pragma('user_version = 4');
    raw.exec(`INSERT INTO workspaces VALUES (1, 'ws_old', 'old', 0, 0);
      INSERT INTO connections (id, external_id, workspace_id, integration, sealed_credentials, created_at, updated_at)
        VALUES (1, 'conn_old', 1, 'github', x'00', 0, 0);
      INSERT INTO items (connection_id, kind, external_id, title, file_name, body, metadata, content_hash, updated_at, synced_at)
        VALUES (1, 'issue', '1', 't', '1.md', 'b', '{"state":"Open","labels":["bug"]}', 'h', 0, 0),
          (1, 'issue', '2', 't', '2.md', 'b', '{"state":"","labels":[],"owner":null}', 'h', 0, 0);`);
    raw.close();
    const store = openStore(path);
    assert.deepEqual(store.db.prepare('SELECT field, value, item_id AS id FROM item_values ORDER BY id, field').all(), [
      { field: 'labels', value: 'bug', id: 1 }, { field: 'state', value: 'open', id: 1 },
      { field: 'labels', value: '', id: 2 }, { field: 'owner', value: '', id: 2 }, { field: 'state', value: '', id: 2 },
    ]);
    store.close();
  });

  it('deletes items, tokens and folders with their workspace', () => {
    const store = openStore(freshPath());
    const { workspace, connection } = seed(store);
    store.items.upsert(item(connection.id, '1', 'a', 'b'));
    store.workspaces.delete(workspace.id);
    assert.equal(store.db.prepare('SELECT count(*) FROM item_values').pluck().get(), 0);
    assert.equal(store.db.prepare('SELECT count(*) FROM items').pluck().get(), 0);
    assert.equal(store.db.prepare('SELECT count(*) FROM connections').pluck().get(), 0);
    assert.deepEqual(store.items.search(workspace.id, 'a'), []);
    store.close();
  });
});
