import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { groupQuery, groupsQuery, rowsQuery } from '../hogql.ts';
import { fakeApiKey, fixtureDataset } from './dataset.ts';
import { PostHogFake } from './server.ts';

describe('posthog fake query endpoint', () => {
  const fake = new PostHogFake(fixtureDataset());
  before(() => fake.listen());
  after(() => fake.close());

  async function query(hogql: string, kind = 'HogQLQuery') {
    const response = await fetch(`${fake.url}/api/projects/${fake.projectId}/query/`, {
      method: 'POST', headers: { authorization: `Bearer ${fakeApiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: { kind, query: hogql } }),
    });
    return { status: response.status, body: await response.json() as Record<string, unknown> };
  }

  it('answers the groups query with one row per event and day, counts and newest times', async () => {
    const { status, body } = await query(groupsQuery(undefined));
    assert.equal(status, 200);
    assert.deepEqual(body.columns, ['event', 'day', 'events', 'last_seen']);
    const results = body.results as [string, string, number, string][];
    assert.equal(results.reduce((sum, row) => sum + row[2], 0), fake.events().length);
    const days = results.map((row) => row[1]);
    assert.deepEqual(days, days.toSorted().reverse(), 'newest day first');
  });

  it('runs the query a file shows, returning exactly that day\'s events of its name', async () => {
    const day = fake.events()[0]!.timestamp.slice(0, 10);
    const { body } = await query(groupQuery(day, '$pageview'));
    const expected = fake.events().filter((event) => event.event === '$pageview' && event.timestamp.startsWith(day)).map((event) => event.uuid);
    assert.deepEqual((body.results as string[][]).map((row) => row[0]), expected);
    assert.equal(typeof (body.results as unknown[][])[0]![5], 'string', 'properties come back as a JSON string');
  });

  it('pages rows with LIMIT and OFFSET', async () => {
    const day = fake.events()[0]!.timestamp.slice(0, 10);
    const all = (await query(rowsQuery(day, ['$pageview', 'signed_up'], 0))).body.results as string[][];
    const second = await query(rowsQuery(day, ['$pageview', 'signed_up'], 2));
    assert.deepEqual(second.body.results, all.slice(2));
    assert.equal(second.body.offset, 2);
  });

  it('refuses what it does not support with PostHog\'s 400 body instead of ignoring it', async () => {
    const refused = [
      'SELECT * FROM events', 'SELECT uuid FROM persons', 'SELECT uuid FROM events e JOIN persons p ON e.distinct_id = p.id',
      'SELECT uuid FROM events WHERE lower(event) = \'x\'', 'SELECT event, count() FROM events', 'SELECT elements_chain FROM events',
      'SELECT uuid FROM events LIMIT 10 BY event', 'SELECT uuid FROM events WHERE timestamp > toDateTime(\'yesterday\')',
    ];
    for (const hogql of refused) {
      const { status, body } = await query(hogql);
      assert.equal(status, 400, hogql);
      assert.deepEqual(Object.keys(body).sort(), ['attr', 'code', 'detail', 'type'], hogql);
      assert.equal(body.type, 'validation_error');
    }
    assert.equal((await query('SELECT 1', 'TrendsQuery')).status, 400);
  });
});
