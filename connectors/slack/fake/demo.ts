import type { DemoFake } from '../../../src/sync/fake/demo.ts';
import { unpaced } from '../../../src/sync/fake/demo.ts';
import { fakeToken, generateDataset } from './dataset.ts';
import { SlackFake } from './server.ts';

/** Two months of a team's channels. The data set ends on a fixed date: no look-back window, or it would age out. */
export const slackDemo: DemoFake<SlackFake> = {
  integration: 'slack',
  fake: () => new SlackFake(generateDataset({ messages: 300, seed: 7 })),
  connection: (fake) => ({ accessToken: fakeToken, extra: { baseUrl: `${fake.url}/api/`, historyDays: '0', ...unpaced } }),
  folders: [{ name: 'Incidents', guidance: 'threads in #incidents' }],
};
