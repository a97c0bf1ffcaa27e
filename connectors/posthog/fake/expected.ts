import type { ItemDraft } from '../../../src/sync/connector.ts';
import type { EventRow } from '../events.ts';
import { mapGroup, mapObject } from '../map.ts';
import type { Site } from '../render.ts';
import type { PostHogFake } from './server.ts';

/** Where a connector pointed at the fake finds its project. */
export function siteOf(fake: PostHogFake): Site {
  return { baseUrl: fake.url, projectId: String(fake.projectId) };
}

/**
 * The items a sync of the fake should leave in the store, worked out from the
 * fake's records rather than through its query engine: live objects, and one
 * file per event name per day (UTC) from `since` (a day) on.
 */
export function expectedItems(fake: PostHogFake, since?: string): ItemDraft[] {
  const site = siteOf(fake);
  const live = fake.live();
  const groups = new Map<string, EventRow[]>();
  for (const event of fake.events()) {
    const day = event.timestamp.slice(0, 10);
    if (since && day < since) continue;
    const email = fake.person(event.distinct_id)?.properties.email;
    const row: EventRow = { ...event, person_email: typeof email === 'string' ? email : null, properties: structuredClone(event.properties) };
    const key = `${day}/${event.event}`;
    const rows = groups.get(key);
    if (rows) rows.push(row);
    else groups.set(key, [row]);
  }
  return [
    ...live.insights.map((insight) => mapObject('insight', insight, site)),
    ...live.dashboards.map((dashboard) => mapObject('dashboard', dashboard, site)),
    ...live.flags.map((flag) => mapObject('feature_flag', flag, site)),
    ...live.cohorts.map((cohort) => mapObject('cohort', cohort, site)),
    ...[...groups].map(([key, rows]) => {
      const sorted = rows.toSorted((a, b) => (a.timestamp === b.timestamp ? (a.uuid < b.uuid ? -1 : 1) : a.timestamp < b.timestamp ? -1 : 1));
      return mapGroup({ day: key.slice(0, 10), event: sorted[0]!.event, total: sorted.length, rows: sorted });
    }),
  ];
}
