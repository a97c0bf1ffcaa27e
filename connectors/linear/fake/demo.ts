import type { DemoFake } from '../../../src/sync/fake/demo.ts';
import { unpaced } from '../../../src/sync/fake/demo.ts';
import { fakeApiKey, generateDataset } from './dataset.ts';
import { LinearFake } from './server.ts';

/** A few teams' issues over a year. */
export const linearDemo: DemoFake<LinearFake> = {
  integration: 'linear',
  fake: () => new LinearFake(generateDataset({ issues: 120, seed: 7 })),
  connection: (fake) => ({ apiKey: fakeApiKey, extra: { baseUrl: `${fake.url}/graphql`, ...unpaced } }),
  folders: [{ name: 'Issues in progress', guidance: 'issues in progress' }],
};
