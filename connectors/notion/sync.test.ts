import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runsAgainst } from '../../test/helpers/connector-run.ts';
import { fakeToken, generateDataset } from './fake/dataset.ts';
import { expectedItems } from './fake/items.ts';
import { person } from './fake/objects.ts';
import { NotionFake } from './fake/server.ts';
import { notion } from './index.ts';
import { kindOf } from './map.ts';

describe('notion sync against the fake', () => {
  const fake = new NotionFake(generateDataset({ pages: 230, seed: 4 }));
  const { runs, store, connectionId } = runsAgainst(notion, fake);

  async function sync(full = false) {
    fake.clearLog();
    const result = await runs.run(connectionId, { apiKey: fakeToken, extra: { baseUrl: fake.url } }, { full });
    return { ...result, routes: fake.requests.map((request) => request.route) };
  }
  const stored = (id: string) => store.items.find(connectionId, kindOf(fake.livePages().find((page) => page.id === id) ?? { parent: { type: 'page_id', page_id: '' } }), id);

  it('lists everything newest first, reads each page\'s blocks once, and names people once', async () => {
    const { state, cursor, summary, routes } = await sync();
    assert.equal(state.status, 'ok', state.lastError ?? '');
    const expected = expectedItems(fake);
    assert.equal(summary.added, expected.length);
    assert.equal(routes.filter((route) => route === 'search').length, 3 + 1, 'three listing pages, then one of changes');
    assert.equal(routes.filter((route) => route === 'users.list').length, 1);
    assert.equal(routes.filter((route) => route === 'blocks.children.list').length, fake.livePages().reduce((sum, page) => sum + fake.blockRequests(page.id), 0));
    assert.deepEqual(Object.keys(cursor).sort(), ['readAt', 'since'], 'no pass left in progress');
    assert.equal(cursor.since, fake.livePages().map((page) => page.last_edited_time).sort().at(-1));
    for (const item of expected) assert.equal(store.items.find(connectionId, item.kind, item.externalId)?.content?.toString(), item.content.toString());
    const owner = person('Maria Chen', 'maria.chen@acme.dev');
    assert.deepEqual(JSON.parse(store.connections.findById(connectionId)!.account!), { id: owner.id, name: 'Maria Chen', email: 'maria.chen@acme.dev' }, 'the account is the bot\'s owner');
  });

  it('costs one search of the trash and one of recent edits when nothing changed', async () => {
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['search.trash', 'search']);
  });

  it('reads a page edited twice in one minute again, as its rounded edit time cannot tell', async () => {
    const [page] = fake.livePages().filter((candidate) => kindOf(candidate) === 'database_row');
    fake.editPage(page!.id, { append: 'First note.' });
    await sync();
    assert.match(stored(page!.id)!.content!.toString(), /First note\./);
    fake.editPage(page!.id, { append: 'Second note.' });
    const { routes } = await sync();
    assert.ok(routes.includes('blocks.children.list'));
    assert.match(stored(page!.id)!.content!.toString(), /Second note\.\n$/);
  });

  it('tombstones a trashed page at once and an unshared one at the next full listing, without reading unchanged blocks', async () => {
    const top = fake.livePages().filter((page) => page.parent.type === 'page_id');
    const parents = new Set(fake.livePages().flatMap((page) => (page.parent.type === 'page_id' ? [page.parent.page_id] : [])));
    const [trashed, unshared] = top.filter((page) => !parents.has(page.id));
    fake.trashPage(trashed!.id);
    fake.unsharePage(unshared!.id);
    const incremental = await sync();
    assert.equal(incremental.summary.deleted, 1);
    assert.notEqual(store.items.find(connectionId, 'page', trashed!.id)!.deletedAt, null);
    assert.equal(store.items.find(connectionId, 'page', unshared!.id)!.deletedAt, null, 'an unshared page leaves no trace in search');
    const full = await sync(true);
    assert.equal(full.summary.deleted, 1);
    assert.notEqual(store.items.find(connectionId, 'page', unshared!.id)!.deletedAt, null);
    // Of the pages the store holds, only those edited in a minute still open at the last read are read again, once.
    const recent = fake.livePages().filter((page) => Date.parse(page.last_edited_time) >= Date.now() - 120_000);
    const reads = full.routes.filter((route) => route === 'blocks.children.list').length;
    assert.ok(reads <= recent.reduce((sum, page) => sum + fake.blockRequests(page.id), 0), `${reads} block reads for ${recent.length} recent pages`);
  });
});
