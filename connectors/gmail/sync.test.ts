import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runsAgainst } from '../../test/helpers/connector-run.ts';
import { generateDataset } from './fake/dataset.ts';
import { fakeOAuth } from '../../src/sync/fake/google.ts';
import { GmailFake } from './fake/server.ts';
import { gmail } from './index.ts';
import { mapMessage } from './map.ts';

describe('gmail sync against the fake', () => {
  const fake = new GmailFake(generateDataset({ messages: 420, seed: 5 }));
  const { runs, store, connectionId } = runsAgainst(gmail, fake);

  const credentials = (extra: Record<string, string>) => ({
    accessToken: fakeOAuth.accessToken, refreshToken: fakeOAuth.refreshToken,
    extra: { baseUrl: fake.url, tokenUrl: `${fake.url}/token`, clientId: fakeOAuth.clientId, clientSecret: fakeOAuth.clientSecret, window: '0', ...extra },
  });

  async function sync(extra: Record<string, string> = {}, id = connectionId) {
    fake.clearLog();
    const result = await runs.run(id, credentials(extra));
    return { ...result, routes: fake.requests.map((request) => request.route).toSorted() };
  }

  function assertStoreMatchesFake(id = connectionId) {
    const live = store.syncState.versions(id).map((version) => store.items.find(id, version.kind, version.externalId)!);
    const expected = fake.messages().map((message) => mapMessage(message, fake.labelNames()));
    assert.deepEqual(live.map((item) => item.externalId).toSorted(), expected.map((item) => item.externalId).toSorted());
    for (const item of expected) {
      const stored = store.items.find(id, 'message', item.externalId)!;
      assert.deepEqual(JSON.parse(stored.metadata), item.metadata, item.externalId);
      assert.deepEqual(stored.content, item.content);
    }
  }

  it('lists the mailbox newest first, fetches each message raw once, and saves the profile\'s historyId', async () => {
    const { state, cursor, summary, routes } = await sync();
    assert.equal(state.status, 'ok', state.lastError ?? '');
    const total = fake.messages().length;
    assert.equal(summary.added, total);
    assert.equal(routes.filter((route) => route === 'users.messages.get').length, total);
    assert.equal(routes.filter((route) => route === 'users.messages.list').length, Math.ceil(total / 100));
    assert.equal(routes.filter((route) => route === 'users.labels.list').length, 1);
    assert.equal(routes.filter((route) => route === 'users.history.list').length, 1, 'changes during the listing are replayed once');
    assert.ok(fake.requests.filter((request) => request.route === 'users.messages.get').every((request) => request.query.get('format') === 'raw'));
    assert.deepEqual(Object.keys(cursor).toSorted(), ['historyId']);
    assertStoreMatchesFake();
    assert.deepEqual(JSON.parse(store.connections.findById(connectionId)!.account!), { id: 'maria.chen@acme.dev', email: 'maria.chen@acme.dev' });
  });

  it('costs one history request when nothing changed', async () => {
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['users.history.list']);
  });

  it('brings additions, label changes and deletions from the history, fetching only what changed', async () => {
    const [newest, second, third] = fake.newest(3);
    const added = fake.deliver();
    fake.relabel(newest!.id, ['STARRED'], ['UNREAD']);
    fake.delete(second!.id);
    fake.relabel(third!.id, ['TRASH'], ['INBOX']);
    const { summary, routes, cursor } = await sync();
    assert.deepEqual(summary, { added: 1, updated: 1, unchanged: 0, deleted: 2 });
    assert.deepEqual(routes, ['users.history.list', 'users.labels.list', 'users.messages.get', 'users.messages.get', 'users.messages.get']);
    assertStoreMatchesFake();
    assert.equal(JSON.parse(store.items.find(connectionId, 'message', newest!.id)!.metadata).starred, true);
    assert.notEqual(store.items.find(connectionId, 'message', second!.id)!.deletedAt, null);
    assert.notEqual(store.items.find(connectionId, 'message', third!.id)!.deletedAt, null, 'a message moved to trash is a tombstone');
    assert.ok(store.items.find(connectionId, 'message', added));
    assert.equal(cursor.historyId, fake.historyId, 'the cursor moves to the mailbox\'s current history id');
  });

  it('resyncs in full when the saved history id has expired, bringing label changes and tombstoning what disappeared', async () => {
    const [gone, read] = fake.newest(2);
    fake.delete(gone!.id);
    fake.relabel(read!.id, ['IMPORTANT'], ['UNREAD', 'INBOX']);
    fake.expireHistory();
    const { state, summary, routes } = await sync();
    assert.equal(state.status, 'ok', state.lastError ?? '');
    assert.equal(summary.deleted, 1);
    assert.equal(summary.added, 0);
    assert.ok(summary.updated >= 1);
    assert.equal(routes.filter((route) => route === 'users.messages.get').length, fake.messages().length, 'every message is read again: labels may have changed');
    assert.deepEqual(JSON.parse(store.items.find(connectionId, 'message', read!.id)!.metadata).labels, read!.labelIds.map((id) => fake.labelNames().get(id) ?? id).toSorted());
    assert.equal(fake.requests.find((request) => request.route === 'users.history.list')!.status, 404);
    assert.ok(routes.includes('users.getProfile') && routes.includes('users.messages.list'));
    assert.notEqual(store.items.find(connectionId, 'message', gone!.id)!.deletedAt, null);
    assertStoreMatchesFake();
  });

  it('reads only extra.window days on a first sync, and keeps the window in the cursor', async () => {
    const windowed = runs.connection();
    const { cursor, routes } = await sync({ window: '30' }, windowed);
    const after = cursor.after as unknown as number;
    assert.equal(typeof after, 'number');
    const list = fake.requests.find((request) => request.route === 'users.messages.list')!;
    assert.equal(list.query.get('q'), `after:${after}`);
    const inWindow = fake.messages().filter((message) => Number(message.internalDate) >= after * 1000);
    assert.equal(routes.filter((route) => route === 'users.messages.get').length, inWindow.length);
    assert.equal(store.syncState.versions(windowed).length, inWindow.length);
  });

  it('refreshes an access token close to expiry through the token endpoint before using it', async () => {
    const refreshed = runs.connection();
    store.connections.updateCredentials(refreshed, Buffer.from('-'), Date.now() + 60_000);
    const issued = fake.tokensIssued;
    const { state } = await sync({}, refreshed);
    assert.equal(state.status, 'ok', state.lastError ?? '');
    assert.equal(fake.tokensIssued, issued + 1);
    assert.equal(fake.requests.filter((request) => request.status === 401).length, 0, 'no request went out with the old token');
    assertStoreMatchesFake(refreshed);
  });

  it('refreshes a token the API refuses and continues the sync', async () => {
    const refused = runs.connection();
    fake.expireAccessTokens();
    const issued = fake.tokensIssued;
    const { state } = await sync({}, refused);
    assert.equal(state.status, 'ok', state.lastError ?? '');
    assert.equal(fake.tokensIssued, issued + 1);
    assert.equal(fake.requests.filter((request) => request.status === 401).length, 1);
    assertStoreMatchesFake(refused);
  });

  it('ends auth_failed when the grant is revoked, without a refresh token or with a wrong client secret', async () => {
    fake.expireAccessTokens();
    const noRefresh = runs.connection();
    fake.clearLog();
    await runs.run(noRefresh, { accessToken: fakeOAuth.accessToken, extra: { baseUrl: fake.url, window: '0' } });
    assert.equal(store.syncState.get(noRefresh)!.status, 'auth_failed');
    const badClient = runs.connection();
    const { state } = await sync({ clientSecret: 'wrong' }, badClient);
    assert.equal(state.status, 'auth_failed');
    assert.equal(state.lastErrorCode, 'provider_auth_failed');
    assert.doesNotMatch(state.lastError ?? '', /fake-refresh-token|fake-client-secret/);
  });
});
