import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runsAgainst } from '../../test/helpers/connector-run.ts';
import { fakeToken, generateDataset } from './fake/dataset.ts';
import { SlackFake } from './fake/server.ts';
import { slack } from './index.ts';

describe('slack sync against the fake', () => {
  const fake = new SlackFake(generateDataset({ messages: 300, seed: 9 }));
  const { runs, store, connectionId } = runsAgainst(slack, fake);

  async function sync(extra: Record<string, string> = {}, options: { full?: boolean } = {}) {
    fake.clearLog();
    const result = await runs.run(connectionId, { accessToken: fakeToken, extra: { baseUrl: `${fake.url}/api/`, historyDays: '0', ...extra } }, options);
    return { ...result, routes: fake.requests.map((request) => request.route) };
  }

  it('lists the member channels, reads each thread once, and keeps the newest message per channel', async () => {
    const { state, cursor, summary, routes } = await sync();
    assert.equal(state.status, 'ok', state.lastError ?? '');
    assert.equal(summary.added, fake.threads().length);
    assert.equal(routes.filter((route) => route === 'conversations.replies').length, fake.threads().filter((thread) => thread.messages.length > 1).length);
    assert.equal(routes.filter((route) => route === 'users.list').length, 1);
    for (const thread of fake.threads()) assert.ok(cursor[`latest:${thread.channel.id}`], `latest of #${thread.channel.name}`);
    assert.equal(cursor[`latest:${fake.channelId('sales')}`], undefined, 'a channel the user is not in is not read');
    assert.deepEqual(JSON.parse(store.connections.findById(connectionId)!.account!), { id: [...fake.directory().keys()][0], name: 'Maria Chen', email: 'maria.chen@acme.dev' });
  });

  it('re-reads only the look-back window, with oldest, and fetches replies only of threads that moved', async () => {
    // A thread inside #engineering's three-day window before its newest message.
    const [newest, ...older] = fake.recent('engineering');
    const parent = [newest!, ...older].find((message) => message.reply_count && Number(message.ts) > Number(newest!.ts) - 3 * 86_400)!;
    fake.reply('engineering', parent.ts!, [...fake.directory().keys()][2]!, 'Postmortem doc is up.');
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 1, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes.toSorted(), ['conversations.history', 'conversations.history', 'conversations.history', 'conversations.history',
      'conversations.history', 'conversations.history', 'conversations.history', 'conversations.list', 'conversations.replies', 'users.list']);
    assert.ok(fake.requests.filter((request) => request.route === 'conversations.history').every((request) => request.query.has('oldest')));
  });

  it('turns a lone message that got a reply into a thread', async () => {
    const lone = fake.recent('deploys').find((message) => !message.reply_count)!;
    fake.reply('deploys', lone.ts!, [...fake.directory().keys()][1]!, 'Rolled forward.');
    const { summary } = await sync();
    assert.deepEqual(summary, { added: 1, updated: 0, unchanged: 0, deleted: 1 });
    const id = `${fake.channelId('deploys')}:${lone.ts}`;
    assert.equal(store.items.find(connectionId, 'thread', id)!.deletedAt, null);
    assert.notEqual(store.items.find(connectionId, 'message', id)!.deletedAt, null);
  });

  it('sees a deletion inside the look-back window at the next sync, and one older than it at the full listing', async () => {
    const channel = fake.channelId('engineering');
    const [newest, second, ...older] = fake.recent('engineering').filter((message) => !message.subtype);
    const old = older.find((message) => Number(message.ts) < Number(newest!.ts) - 3 * 86_400)!;
    const stored = (message: typeof old) => store.items.find(connectionId, message.reply_count ? 'thread' : 'message', `${channel}:${message.ts}`)!;
    fake.delete('engineering', second!.ts!);
    fake.delete('engineering', old.ts!);
    const incremental = await sync();
    assert.deepEqual(incremental.summary, { added: 0, updated: 0, unchanged: 0, deleted: 1 });
    assert.notEqual(stored(second!).deletedAt, null, 'deleted inside the window: a tombstone');
    assert.equal(stored(old).deletedAt, null, 'deleted before the window: still there');
    const full = await sync({}, { full: true });
    assert.deepEqual(full.summary, { added: 0, updated: 0, unchanged: 0, deleted: 1 });
    assert.notEqual(stored(old).deletedAt, null, 'the full listing sees it');
  });

  it("reads a thread again when a reply other than the newest is deleted, which moves none of the parent's times", async () => {
    const [newest] = fake.recent('engineering');
    const parent = fake.recent('engineering').find((message) => (message.reply_count ?? 0) > 2 && Number(message.ts) > Number(newest!.ts) - 3 * 86_400)!;
    const thread = fake.threads().find((candidate) => candidate.messages[0] === parent)!;
    const gone = thread.messages[1]!;
    const stored = () => store.items.find(connectionId, 'thread', `${fake.channelId('engineering')}:${parent.ts}`)!;
    assert.equal(stored().body.split('\n\n').length, thread.messages.length);
    const version = { latest: parent.latest_reply, edited: parent.edited };
    fake.deleteReply('engineering', parent.ts!, gone.ts!);
    assert.deepEqual({ latest: parent.latest_reply, edited: parent.edited }, version);
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 1, unchanged: 0, deleted: 0 });
    assert.equal(routes.filter((route) => route === 'conversations.replies').length, 1);
    assert.equal(stored().body.split('\n\n').length, thread.messages.length - 1);
  });

  it('narrows to extra.channels', async () => {
    const { routes } = await sync({ channels: '#incidents' });
    assert.deepEqual(routes, ['conversations.list', 'conversations.history']);
  });
});
