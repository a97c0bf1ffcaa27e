import type { DemoFake } from '../../../src/sync/fake/demo.ts';
import { unpaced } from '../../../src/sync/fake/demo.ts';
import { fakeOAuth } from '../../../src/sync/fake/google.ts';
import { generateDataset } from './dataset.ts';
import { GmailFake } from './server.ts';

/** A year of one person's mail. The data set ends on a fixed date: no first-sync window, or it would age out. */
export const gmailDemo: DemoFake<GmailFake> = {
  integration: 'gmail',
  fake: () => new GmailFake(generateDataset({ messages: 200, seed: 7 })),
  connection: (fake) => ({
    accessToken: fakeOAuth.accessToken, refreshToken: fakeOAuth.refreshToken,
    extra: { baseUrl: fake.url, tokenUrl: `${fake.url}/token`, clientId: fakeOAuth.clientId, clientSecret: fakeOAuth.clientSecret, window: '0', ...unpaced },
  }),
  folders: [{ name: 'Starred', guidance: 'starred emails' }],
};
