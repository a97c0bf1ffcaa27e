import type { DemoFake } from '../../../src/sync/fake/demo.ts';
import { unpaced } from '../../../src/sync/fake/demo.ts';
import { fakeOAuth } from '../../../src/sync/fake/google.ts';
import { generateDataset } from './dataset.ts';
import { DriveFake } from './server.ts';

/** A drive of documents, sheets and decks in a few folders and shared drives. */
export const gdriveDemo: DemoFake<DriveFake> = {
  integration: 'gdrive',
  fake: () => new DriveFake(generateDataset({ files: 80, seed: 7 })),
  connection: (fake) => ({
    accessToken: fakeOAuth.accessToken, refreshToken: fakeOAuth.refreshToken,
    extra: { baseUrl: fake.url, tokenUrl: `${fake.url}/token`, clientId: fakeOAuth.clientId, clientSecret: fakeOAuth.clientSecret, ...unpaced },
  }),
  folders: [{ name: 'Meeting notes', guidance: 'meeting notes' }],
};
