import { fakeApiKey, fixtureDataset, generateDataset } from '../../../connectors/posthog/fake/dataset.ts';
import { expectedItems } from '../../../connectors/posthog/fake/expected.ts';
import { PostHogFake } from '../../../connectors/posthog/fake/server.ts';
import { rowsPageSize } from '../../../connectors/posthog/hogql.ts';
import type { ConnectorCase } from './case.ts';

/** Event names the generated data sets use: about ten files per day. */
const namesPerDay = 10;

export const posthogCase: ConnectorCase<PostHogFake> = {
  integration: 'posthog',
  // `size` items: some twenty objects, the rest one file per event name per day, five events each on average.
  fake: (size) => new PostHogFake(size === 'fixtures' ? fixtureDataset() : generateDataset({ events: size * 5, days: Math.max(1, Math.ceil(size / namesPerDay)), seed: size })),
  connection: (fake) => ({ integrationType: 'posthog', apiKey: fakeApiKey, extra: { baseUrl: fake.url, projectId: String(fake.projectId), eventWindowDays: '0', requestsPerSecond: '0' } }),
  expected: (fake) => expectedItems(fake),
  change(fake) {
    const { insights, flags } = fake.live();
    fake.editInsight(insights[0]!.id, { description: 'Now counts invited users too.' });
    fake.editFlag(flags[0]!.id, { rollout: 75 });
    fake.addEvents('invoice_paid', 4, { plan: 'team', amount: 490, currency: 'USD' });
    fake.deleteInsight(insights[1]!.id);
    return { changed: 3, deleted: { kind: 'insight', externalId: String(insights[1]!.id) } };
  },
  // Lists leave deleted objects out: the daily listing sees deletions.
  deletionsSeenBy: 'reconcile',
  // One page of insights changed since the mark, the dashboard, flag and cohort lists, and the query of event groups.
  idleRequests: () => 5,
  // Besides those: one page of rows for the day that got events.
  changedRequests: () => 6,
  detailRoutes: ['query.rows'],
  isListingRequest: (request) => request.route === 'query.rows',
  // A day's rows end with a page shorter than a full one.
  listingPages(fake) {
    const perDay = new Map<string, number>();
    for (const event of fake.events()) perDay.set(event.timestamp.slice(0, 10), (perDay.get(event.timestamp.slice(0, 10)) ?? 0) + 1);
    return [...perDay.values()].reduce((pages, rows) => pages + Math.floor(rows / rowsPageSize) + 1, 0);
  },
  resumeSlowMs: 20,
};
