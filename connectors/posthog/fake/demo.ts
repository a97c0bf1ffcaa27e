import type { DemoFake } from '../../../src/sync/fake/demo.ts';
import { unpaced } from '../../../src/sync/fake/demo.ts';
import { fakeApiKey, generateDataset } from './dataset.ts';
import { PostHogFake } from './server.ts';

/** A month of a product's events up to now, with the team's insights, dashboards, flags and cohorts. */
export const posthogDemo: DemoFake<PostHogFake> = {
  integration: 'posthog',
  fake: () => new PostHogFake(generateDataset({ events: 2000, days: 30, seed: 7, end: Date.now() })),
  connection: (fake) => ({ apiKey: fakeApiKey, extra: { baseUrl: fake.url, ...unpaced } }),
  folders: [
    { name: 'Signups this week', guidance: 'signed_up events in the last 7 days' },
    { name: 'Active flags', guidance: 'active feature flags' },
  ],
};
