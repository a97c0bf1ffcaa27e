import { fixtureDataset, generateDataset } from '../../../connectors/gmail/fake/dataset.ts';
import { fakeOAuth } from '../../../src/sync/fake/google.ts';
import { GmailFake } from '../../../connectors/gmail/fake/server.ts';
import { mapMessage } from '../../../connectors/gmail/map.ts';
import type { ConnectorCase } from './case.ts';

export const gmailCase: ConnectorCase<GmailFake> = {
  integration: 'gmail',
  fake: (size) => new GmailFake(size === 'fixtures' ? fixtureDataset() : generateDataset({ messages: size, seed: size })),
  connection: (fake) => ({
    integrationType: 'gmail', accessToken: fakeOAuth.accessToken, refreshToken: fakeOAuth.refreshToken,
    extra: { baseUrl: fake.url, tokenUrl: `${fake.url}/token`, clientId: fakeOAuth.clientId, clientSecret: fakeOAuth.clientSecret, window: '0', requestsPerSecond: '0' },
  }),
  expected: (fake) => fake.messages().map((message) => mapMessage(message, fake.labelNames())),
  change(fake) {
    const [newest, second] = fake.newest(2);
    fake.deliver();
    fake.relabel(newest!.id, ['STARRED'], ['UNREAD']);
    fake.delete(second!.id);
    return { changed: 2, deleted: { kind: 'message', externalId: second!.id } };
  },
  deletionsSeenBy: 'incremental',
  // One page of history.
  idleRequests: () => 1,
  // Besides that: the label names, and each changed message in raw form.
  changedRequests: (_fake, changes) => 2 + changes.changed,
  detailRoutes: ['users.messages.get'],
  isListingRequest: (request) => request.route === 'users.messages.list',
  listingPages: (fake) => Math.max(1, Math.ceil(fake.messages().length / 100)),
  resumeSlowMs: 2,
};
