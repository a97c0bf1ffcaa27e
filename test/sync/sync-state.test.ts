import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import type { ItemDraft } from '../../src/sync/connector.ts';
import { TokenBucket } from '../../src/sync/rate-limiter.ts';
import { RunContext } from '../../src/sync/run-context.ts';
import { removeDataDir, tempDataDir } from '../helpers/agent.ts';

const dirs: string[] = [];
after(() => dirs.forEach(removeDataDir));

function setup() {
  const dir = tempDataDir();
  dirs.push(dir);
  const store = openStore(join(dir, 'airstore.db'));
  const workspace = store.workspaces.create({ externalId: 'ws_1', name: 'w' });
  const connection = store.connections.create({ externalId: 'conn_1', workspaceId: workspace.id, integration: 'github', scope: null, sealedCredentials: Buffer.from('-'), expiresAt: null });
  store.syncState.start(connection.id);
  const context = (cursor?: Record<string, string>) => new RunContext({
    connectionId: connection.id, syncState: store.syncState, blobs: store.blobs, declared: (metadata) => metadata, credentials: { extra: {} }, baseUrl: undefined, cursor, full: true,
    signal: new AbortController().signal, log: () => {},
    call: { limiter: new TokenBucket(0, 1), classify: () => ({ kind: 'fatal', message: '' }), policy: { attempts: 1, baseMs: 1, maxMs: 1, maxWaitMs: 1 }, onRateLimited: () => {}, onRecovered: () => {} },
  });
  return { store, id: connection.id, context };
}

const draft = (externalId: string, updatedAt = 1): ItemDraft => ({
  kind: 'issue', externalId, title: `Issue ${externalId}`, fileName: `${externalId}.md`, body: '', metadata: {}, content: Buffer.from(externalId), createdAt: 1, updatedAt,
});

describe('sync state: page commits', () => {
  it('commits items, cursor and progress together', () => {
    const { store, id, context } = setup();
    const run = context();
    run.commit({ items: [draft('1'), draft('2')], cursor: { page: 2 }, total: 10 });
    const state = store.syncState.get(id)!;
    assert.deepEqual([state.cursor, state.itemsSynced, state.itemsTotal], ['{"page":2}', 2, 10]);
    assert.deepEqual(JSON.parse(state.runSummary!), { added: 2, updated: 0, unchanged: 0, deleted: 0 });
    assert.equal(store.items.countLive(id), 2);
  });

  it('writes nothing of a page that fails: neither its items nor its cursor', () => {
    const { store, id, context } = setup();
    const run = context();
    run.commit({ items: [draft('1')], cursor: { page: 2 } });
    const broken = { ...draft('3'), title: null as unknown as string };
    assert.throws(() => run.commit({ items: [draft('2'), broken], cursor: { page: 3 } }));
    assert.equal(store.syncState.get(id)!.cursor, '{"page":2}');
    assert.equal(store.items.find(id, 'issue', '2'), undefined, 'the page rolled back whole');
    assert.deepEqual(run.summary, { added: 1, updated: 0, unchanged: 0, deleted: 0 }, 'the run counts only what was committed');
  });

  it('tombstones what a bracketed listing did not see, and fetches only missing or newer items', () => {
    const { store, id, context } = setup();
    context().commit({ items: [draft('1', 5), draft('2', 5), draft('3', 5)], cursor: {} });
    const run = context();
    run.beginListing();
    assert.deepEqual([...run.check('issue', [{ externalId: '1', updatedAt: 5 }, { externalId: '2', updatedAt: 6 }, { externalId: '4', updatedAt: 1 }])], ['2', '4']);
    assert.equal(run.endListing(), 1);
    assert.ok(store.items.find(id, 'issue', '3')!.deletedAt !== null, 'unseen item 3 is a tombstone');
    assert.equal(store.items.find(id, 'issue', '1')!.deletedAt, null);
  });

  it('fetches an item whose listed fingerprint differs from the stored one, whatever the times, but not one stored without any', () => {
    const { context } = setup();
    context().commit({ items: [{ ...draft('1', 5), fingerprint: '3' }, { ...draft('2', 5), fingerprint: '3' }, draft('3', 5)], cursor: {} });
    const run = context();
    const listed = [{ externalId: '1', updatedAt: 5, fingerprint: '3' }, { externalId: '2', updatedAt: 5, fingerprint: '2' }, { externalId: '3', updatedAt: 5, fingerprint: '1' }];
    assert.deepEqual([...run.check('issue', listed)], ['2']);
    run.commit({ items: [{ ...draft('2', 5), fingerprint: '2' }], cursor: {} });
    assert.deepEqual([...run.check('issue', listed)], [], 'the commit keeps the run\'s versions current');
    assert.deepEqual([...context().check('issue', listed)], [], 'and the store');
  });

  it('commits metadata-only updates: the bytes and text kept, the values and fingerprint new; an item not stored is left alone', () => {
    const { store, id, context } = setup();
    const run = context();
    run.commit({ items: [{ ...draft('1'), body: 'quarterly plan', metadata: { folder: 'Plans' }, fingerprint: 'Plans' }], cursor: {} });
    const before = store.items.find(id, 'issue', '1')!;
    run.commit({ metadataOnly: [{ kind: 'issue', externalId: '1', metadata: { folder: 'Plans 2027' }, fingerprint: 'Plans 2027' }, { kind: 'issue', externalId: '9', metadata: {} }], cursor: {} });
    assert.deepEqual(run.summary, { added: 1, updated: 1, unchanged: 0, deleted: 0 });
    const after = store.items.find(id, 'issue', '1')!;
    assert.deepEqual([after.content, after.body, after.title, after.updatedAt], [before.content, before.body, before.title, before.updatedAt]);
    assert.deepEqual(JSON.parse(after.metadata), { folder: 'Plans 2027' });
    assert.notEqual(after.contentHash, before.contentHash);
    assert.equal(store.items.find(id, 'issue', '9'), undefined);
    const values = store.db.prepare(`SELECT value FROM item_values WHERE connection_id = ? AND field = 'folder'`).all(id) as { value: string }[];
    assert.deepEqual(values.map((row) => row.value), ['plans 2027']);
    assert.deepEqual([...context().check('issue', [{ externalId: '1', updatedAt: 1, fingerprint: 'Plans 2027' }])], [], 'the fingerprint is stored');
    run.commit({ metadataOnly: [{ kind: 'issue', externalId: '1', metadata: { folder: 'Plans 2027' }, fingerprint: 'Plans 2027' }], cursor: {} });
    assert.equal(run.summary.unchanged, 1, 'the same metadata again changes nothing');
  });

  it('brackets a listing of some kinds: only their unseen items are tombstoned, and it is no full reconcile', () => {
    const { store, id, context } = setup();
    const flag = (externalId: string): ItemDraft => ({ ...draft(externalId), kind: 'flag' });
    context().commit({ items: [draft('1'), flag('f1'), flag('f2')], cursor: {} });
    const run = context();
    run.beginListing(['flag']);
    run.check('flag', [{ externalId: 'f1', updatedAt: 1 }]);
    assert.equal(run.endListing(), 1);
    assert.notEqual(store.items.find(id, 'flag', 'f2')!.deletedAt, null, 'the unseen flag is a tombstone');
    assert.equal(store.items.find(id, 'issue', '1')!.deletedAt, null, 'other kinds are left alone');
    assert.equal(run.listingEnded, false);
  });

  it('brackets a listing of a range of ids: only unseen items inside it are tombstoned, and it is no full reconcile', () => {
    const { store, id, context } = setup();
    context().commit({ items: [draft('a:1'), draft('a:2'), draft('a:3'), draft('b:2')], cursor: {} });
    const run = context();
    run.beginListing(undefined, (externalId) => externalId.startsWith('a:') && Number(externalId.slice(2)) > 1);
    run.check('issue', [{ externalId: 'a:3', updatedAt: 1 }]);
    assert.equal(run.endListing(), 1);
    assert.notEqual(store.items.find(id, 'issue', 'a:2')!.deletedAt, null, 'the unseen item inside the range is a tombstone');
    for (const kept of ['a:1', 'a:3', 'b:2']) assert.equal(store.items.find(id, 'issue', kept)!.deletedAt, null, `${kept} is kept`);
    assert.equal(run.listingEnded, false);
  });

  it('tombstones nothing at the end of a listing it did not begin (a resumed one)', () => {
    const { store, id, context } = setup();
    context().commit({ items: [draft('1')], cursor: {} });
    const run = context();
    run.check('issue', []);
    assert.equal(run.endListing(), 0);
    assert.equal(store.items.countLive(id), 1);
    assert.ok(run.listingEnded);
  });
});
