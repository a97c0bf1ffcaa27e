import type { DemoFake } from '../../../src/sync/fake/demo.ts';
import { unpaced } from '../../../src/sync/fake/demo.ts';
import { fakeToken, generateDataset } from './dataset.ts';
import { NotionFake } from './server.ts';

/** A company wiki, meeting notes, specs and a Tasks database, edited over the last four months up to now. */
export const notionDemo: DemoFake<NotionFake> = {
  integration: 'notion',
  fake: () => new NotionFake(generateDataset({ pages: 80, days: 120, seed: 7, end: Date.now() })),
  connection: (fake) => ({ apiKey: fakeToken, extra: { baseUrl: fake.url, ...unpaced } }),
  folders: [
    { name: 'Recent meeting notes', guidance: 'meeting notes from the past 30 days' },
    { name: 'Tasks in progress', guidance: 'tasks in progress' },
  ],
};
