import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { groupVersion } from './events.ts';
import { expectedItems } from './fake/expected.ts';
import { PostHogFake } from './fake/server.ts';
import { posthog } from './index.ts';
import { isGone, mapGroup, mapObject, versionOf } from './map.ts';

const site = { baseUrl: 'https://us.posthog.com', projectId: '4242' };
const dataset = fixtureDataset();

describe('posthog map', () => {
  it('maps an insight fixture to a whole item, its version being last_modified_at', () => {
    const insight = dataset.insights.find((candidate) => candidate.name === 'Weekly signups')!;
    const { content, body, ...item } = mapObject('insight', insight, site);
    assert.deepEqual(item, {
      kind: 'insight', externalId: String(insight.id), title: 'Weekly signups', fileName: `${insight.short_id}_weekly-signups.md`,
      metadata: { created_by: insight.created_by!.email, tags: ['growth'] },
      createdAt: Date.parse(insight.created_at), updatedAt: Date.parse(insight.last_modified_at),
    });
    assert.match(body, /trends insight/);
    assert.match(body, /`signed_up`/);
    assert.ok(content.length > 0);
  });

  it('maps a flag with active, creator and tags, named by id and key', () => {
    const flag = dataset.flags.find((candidate) => candidate.key === 'checkout-v2')!;
    const item = mapObject('feature_flag', flag, site);
    assert.equal(item.fileName, `${flag.id}_checkout-v2.md`);
    assert.deepEqual(item.metadata, { active: false, created_by: flag.created_by!.email, tags: ['revenue'] });
    assert.equal(item.updatedAt, Date.parse(flag.updated_at!));
  });

  it('versions cohorts by their last calculation and dashboards by their creation, PostHog giving them no modification time', () => {
    const cohort = dataset.cohorts[0]!;
    assert.equal(versionOf('cohort', cohort), Date.parse(cohort.last_calculation!));
    assert.equal(versionOf('cohort', { ...cohort, last_calculation: null }), Date.parse(cohort.created_at));
    const dashboard = dataset.dashboards[0]!;
    assert.equal(versionOf('dashboard', dashboard), Date.parse(dashboard.created_at));
  });

  it('maps a day of one event to a file filterable by event, persons, its first time and its version', () => {
    const rows = [
      { uuid: 'b', event: 'signed_up', timestamp: '2026-11-20T08:00:00.000000Z', distinct_id: 'd1', person_email: 'ana@northwind.io', properties: { plan: 'free' } },
      { uuid: 'c', event: 'signed_up', timestamp: '2026-11-20T17:45:00.000000Z', distinct_id: 'anon-7', person_email: null, properties: { plan: 'free' } },
    ];
    const { content, body, ...item } = mapGroup({ event: 'signed_up', day: '2026-11-20', total: 2, rows });
    assert.deepEqual(item, {
      kind: 'event', externalId: '2026-11-20/signed_up', title: 'signed_up on 2026-11-20', fileName: '2026-11-20_signed-up.md',
      metadata: { event: 'signed_up', person: ['ana@northwind.io', 'anon-7'] },
      createdAt: Date.parse('2026-11-20T08:00:00Z'), updatedAt: Date.parse('2026-11-20T17:45:00Z') + 2,
    });
    assert.match(body, /^signed up \(signed_up\) events on 2026-11-20/);
    assert.ok(content.toString().startsWith('---\nevent: signed_up\n'));
  });

  it('versions a capped day by the newest of every row read, not of the rows it lists', () => {
    const rows = [{ uuid: 'a', event: '$pageview', timestamp: '2026-11-20T08:00:00.000000Z', distinct_id: 'd1', person_email: null, properties: {} }];
    const capped = mapGroup({ event: '$pageview', day: '2026-11-20', total: 12_000, rows, newest: Date.parse('2026-11-20T23:00:00Z') });
    assert.equal(capped.updatedAt, groupVersion(Date.parse('2026-11-20T23:00:00Z'), 12_000));
  });

  it('treats an object marked deleted as gone', () => {
    assert.equal(isGone({ deleted: true }), true);
    assert.equal(isGone({ deleted: false }), false);
    assert.equal(isGone({}), false);
  });

  it('uses only metadata keys the definition declares as fields, and only its kinds', () => {
    const kinds = new Set<string>(posthog.kinds.map((kind) => kind.name));
    for (const item of expectedItems(new PostHogFake(dataset))) {
      assert.ok(kinds.has(item.kind), item.kind);
      for (const key of Object.keys(item.metadata)) assert.ok(key in posthog.fields, `${key} is declared`);
    }
  });
});
