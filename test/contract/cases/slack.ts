import { fakeToken, fixtureDataset, generateDataset } from '../../../connectors/slack/fake/dataset.ts';
import { SlackFake } from '../../../connectors/slack/fake/server.ts';
import { mapThread } from '../../../connectors/slack/map.ts';
import type { ConnectorCase } from './case.ts';

/** Channels the fake's user is a member of, hence synced. */
const memberChannels = 7;

export const slackCase: ConnectorCase<SlackFake> = {
  integration: 'slack',
  fake: (size) => new SlackFake(size === 'fixtures' ? fixtureDataset() : generateDataset({ messages: size, seed: size })),
  connection: (fake) => ({ integrationType: 'slack', accessToken: fakeToken, extra: { baseUrl: `${fake.url}/api/`, requestsPerSecond: '0', historyDays: '0' } }),
  expected: (fake) => fake.threads().map((thread) => mapThread(thread, fake.directory())),
  change(fake) {
    const [newest] = fake.recent('engineering');
    const [incident] = fake.recent('incidents');
    const [lastDeploy] = fake.recent('deploys');
    const users = [...fake.directory().keys()];
    fake.edit('engineering', newest!.ts!, `${newest!.text} (update: fixed in v2.15)`);
    fake.reply('incidents', incident!.ts!, users[3]!, 'Root cause: the connection pool was exhausted by the retry storm.');
    fake.post('deploys', users[5]!, 'Deploying web v3.2.0 to production now.');
    fake.delete('deploys', lastDeploy!.ts!);
    return { changed: 3, deleted: { kind: (lastDeploy!.reply_count ?? 0) > 0 ? 'thread' : 'message', externalId: `${fake.channelId('deploys')}:${lastDeploy!.ts}` } };
  },
  // The deleted message was #deploys' newest, so it is inside the look-back window, which each sync reads whole.
  deletionsSeenBy: 'incremental',
  // The channel list, and one page of each member channel's look-back window.
  idleRequests: () => 1 + memberChannels,
  // Besides those: the replies of each changed thread and the user directory.
  changedRequests: (_fake, changes) => 1 + memberChannels + changes.changed + 1,
  detailRoutes: ['conversations.replies'],
  // With historyDays 0 a listing has no `oldest`; the look-back window always has one.
  isListingRequest: (request) => request.route === 'conversations.history' && !request.query.has('oldest'),
  listingPages(fake) {
    const perChannel = new Map<string, number>();
    for (const thread of fake.threads()) perChannel.set(thread.channel.id, (perChannel.get(thread.channel.id) ?? 0) + 1);
    return [...perChannel.values()].reduce((pages, count) => pages + Math.max(1, Math.ceil(count / 200)), 0);
  },
  resumeSlowMs: 2,
};
