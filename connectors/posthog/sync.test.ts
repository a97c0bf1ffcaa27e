import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runsAgainst } from '../../test/helpers/connector-run.ts';
import { fakeApiKey, generateDataset } from './fake/dataset.ts';
import { expectedItems } from './fake/expected.ts';
import { PostHogFake } from './fake/server.ts';
import { posthog } from './index.ts';

const storeHolds = (store: ReturnType<typeof runsAgainst>['store'], connectionId: number, fake: PostHogFake, since?: string) => {
  const expected = expectedItems(fake, since);
  const live = store.syncState.versions(connectionId);
  assert.equal(live.length, expected.length, 'as many live items as the fake maps to');
  for (const item of expected) {
    const stored = store.items.find(connectionId, item.kind, item.externalId);
    assert.ok(stored && stored.deletedAt === null, `${item.kind} ${item.externalId} is stored`);
    assert.equal(stored.content?.toString(), item.content.toString(), `content of ${item.kind} ${item.externalId}`);
  }
};

describe('posthog sync against the fake', () => {
  const fake = new PostHogFake(generateDataset({ events: 3000, days: 12, seed: 7 }));
  const { runs, store, connectionId } = runsAgainst(posthog, fake);
  const days = new Set(fake.events().map((event) => event.timestamp.slice(0, 10))).size;

  async function sync(options: { full?: boolean; extra?: Record<string, string>; id?: number } = {}) {
    fake.clearLog();
    const extra = { baseUrl: fake.url, projectId: String(fake.projectId), eventWindowDays: '0', ...options.extra };
    const result = await runs.run(options.id ?? connectionId, { apiKey: fakeApiKey, extra }, { full: options.full });
    return { ...result, routes: fake.requests.map((request) => request.route) };
  }

  it('lists objects, then reads one query of event groups and one page of rows per day, newest day first', async () => {
    const { state, cursor, summary, routes } = await sync();
    assert.equal(state.status, 'ok', state.lastError ?? '');
    assert.deepEqual(routes, ['users.me', 'insights.list', 'dashboards.list', 'feature_flags.list', 'cohorts.list', 'query.groups', ...Array(days).fill('query.rows')]);
    assert.equal(summary.added, expectedItems(fake).length);
    storeHolds(store, connectionId, fake);
    const rowQueries = fake.requests.filter((request) => request.route === 'query.rows');
    assert.deepEqual(Object.keys(cursor).sort(), ['insightsSince', 'project']);
    assert.equal(cursor.insightsSince, fake.live().insights.map((insight) => insight.last_modified_at).sort().at(-1));
    assert.equal(rowQueries.length, days);
    assert.deepEqual(JSON.parse(store.connections.findById(connectionId)!.account!), { id: generateDataset({ events: 0 }).me.uuid, name: 'Maria Chen', email: 'maria.chen@acme.dev' });
  });

  it('costs five requests when nothing changed, one of them a query', async () => {
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['insights.list', 'dashboards.list', 'feature_flags.list', 'cohorts.list', 'query.groups']);
  });

  it('renders only the edited flag and insight, and re-reads only the day that got events', async () => {
    const [insight] = fake.live().insights;
    const [flag] = fake.live().flags;
    fake.editInsight(insight!.id, { name: 'Weekly signups (all sources)' });
    fake.editFlag(flag!.id, { active: false });
    fake.addEvents('signed_up', 3, { plan: 'free', source: 'newsletter, "winter" issue' });
    const { summary, routes } = await sync();
    // The new signups land on the newest day, whose signed_up file gains three rows.
    assert.deepEqual(summary, { added: 0, updated: 3, unchanged: 0, deleted: 0 });
    assert.equal(routes.filter((route) => route === 'query.rows').length, 1);
    storeHolds(store, connectionId, fake);
  });

  it('reads a day again when an event arrives late, older than the day\'s newest, and only that day', async () => {
    const signups = fake.events().filter((event) => event.event === 'signed_up');
    const day = signups.at(-1)!.timestamp.slice(0, 10);
    const earlier = signups.filter((event) => event.timestamp.slice(0, 10) === day);
    assert.ok(earlier.length > 1, 'the day has signups around the late one');
    const uuid = fake.addLateEvent('signed_up', Date.parse(earlier[0]!.timestamp) + 1, { plan: 'pro', source: 'ios app, offline' });
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 1, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['insights.list', 'dashboards.list', 'feature_flags.list', 'cohorts.list', 'query.groups', 'query.rows']);
    assert.match(store.items.find(connectionId, 'event', `${day}/signed_up`)!.content!.toString(), new RegExp(uuid));
    storeHolds(store, connectionId, fake);
    assert.deepEqual((await sync()).routes, ['insights.list', 'dashboards.list', 'feature_flags.list', 'cohorts.list', 'query.groups'], 'the file\'s new version holds');
  });

  it('tombstones a deleted flag at the next incremental sync, its list being read whole', async () => {
    const [flag] = fake.live().flags;
    assert.equal((await sync()).summary.deleted, 0, 'nothing deleted, nothing tombstoned');
    const reconciledAt = store.syncState.get(connectionId)!.lastReconcileAt;
    fake.deleteFlag(flag!.id);
    const { summary, state } = await sync();
    assert.equal(summary.deleted, 1);
    assert.notEqual(store.items.find(connectionId, 'feature_flag', String(flag!.id))!.deletedAt, null);
    assert.equal(state.lastReconcileAt, reconciledAt, 'a listing of some kinds is no reconcile');
    storeHolds(store, connectionId, fake);
  });

  it('sees a deleted insight at the next listing, without reading rows again', async () => {
    const [insight] = fake.live().insights;
    fake.deleteInsight(insight!.id);
    assert.equal((await sync()).summary.deleted, 0, 'lists leave deleted insights out: an incremental sync cannot tell');
    const { summary, routes } = await sync({ full: true });
    assert.equal(summary.deleted, 1);
    assert.equal(routes.filter((route) => route === 'query.rows').length, 0);
    assert.notEqual(store.items.find(connectionId, 'insight', String(insight!.id))!.deletedAt, null);
    storeHolds(store, connectionId, fake);
  });

  it('follows next links and pages insights by last_modified_at', async () => {
    const many = new PostHogFake(generateDataset({ events: 10, days: 1, seed: 3, insights: 230, flags: 130 }));
    await many.listen();
    try {
      const id = runs.connection();
      const result = await runs.run(id, { apiKey: fakeApiKey, extra: { baseUrl: many.url, projectId: String(many.projectId), eventWindowDays: '0' } });
      assert.equal(result.state.status, 'ok', result.state.lastError ?? '');
      const flagPages = many.requests.filter((request) => request.route === 'feature_flags.list');
      assert.deepEqual(flagPages.map((request) => request.query.get('offset')), [null, '100']);
      const insightPages = many.requests.filter((request) => request.route === 'insights.list');
      assert.equal(insightPages.length, 3);
      assert.ok(insightPages.slice(1).every((request) => request.query.get('date_from') && request.query.get('order') === 'last_modified_at'));
      storeHolds(store, id, many);
    } finally {
      await many.close();
    }
  });

  it('commits a day read over several pages group by group, as each event name is complete', async () => {
    const busy = new PostHogFake(generateDataset({ events: 2500, days: 1, seed: 9 }));
    await busy.listen();
    try {
      const id = runs.connection();
      const result = await runs.run(id, { apiKey: fakeApiKey, extra: { baseUrl: busy.url, projectId: String(busy.projectId), eventWindowDays: '0' } });
      assert.equal(result.state.status, 'ok', result.state.lastError ?? '');
      const days = new Set(busy.events().map((event) => event.timestamp.slice(0, 10))).size;
      assert.equal(busy.count('query.rows'), days + 2, 'three pages of 1,000 rows for the busier of the two days');
      storeHolds(store, id, busy);
    } finally {
      await busy.close();
    }
  });

  it('keeps a capped day\'s version: the next run reads none of its rows again', async () => {
    const capped = new PostHogFake(generateDataset({ events: 10, days: 1, seed: 5 }));
    capped.addEvents('$pageview', 10_050);
    await capped.listen();
    try {
      const id = runs.connection();
      const extra = { baseUrl: capped.url, projectId: String(capped.projectId), eventWindowDays: '0' };
      assert.equal((await runs.run(id, { apiKey: fakeApiKey, extra })).state.status, 'ok');
      assert.match(store.items.find(id, 'event', `${capped.events().at(-1)!.timestamp.slice(0, 10)}/$pageview`)!.content!.toString(), /^rows: 10000$/m);
      capped.clearLog();
      await runs.run(id, { apiKey: fakeApiKey, extra });
      assert.equal(capped.count('query.rows'), 0);
    } finally {
      await capped.close();
    }
  });

  it('finds the project through users/@me when extra.projectId is absent, and keeps it', async () => {
    const id = runs.connection();
    fake.clearLog();
    const first = await runs.run(id, { apiKey: fakeApiKey, extra: { baseUrl: fake.url, eventWindowDays: '0' } });
    assert.equal(first.cursor.project, String(fake.projectId));
    assert.equal(fake.count('users.me'), 2, 'once to describe the account, once for the project');
    fake.clearLog();
    await runs.run(id, { apiKey: fakeApiKey, extra: { baseUrl: fake.url, eventWindowDays: '0' } });
    assert.equal(fake.count('users.me'), 0);
  });

  it('syncs only the days of extra.eventWindowDays', async () => {
    const recent = new PostHogFake(generateDataset({ events: 400, days: 10, seed: 4, end: Date.now() }));
    await recent.listen();
    try {
      const id = runs.connection();
      const result = await runs.run(id, { apiKey: fakeApiKey, extra: { baseUrl: recent.url, projectId: String(recent.projectId), eventWindowDays: '3' } });
      assert.equal(result.state.status, 'ok', result.state.lastError ?? '');
      const since = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
      storeHolds(store, id, recent, since);
      assert.ok(recent.events().some((event) => event.timestamp.slice(0, 10) < since), 'older events exist and were left out');
    } finally {
      await recent.close();
    }
  });
});
