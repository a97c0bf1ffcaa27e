import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConnectorRuns } from '../../test/helpers/connector-run.ts';
import { generateDataset } from './fake/dataset.ts';
import { GitHubFake } from './fake/server.ts';
import { github } from './index.ts';

const dataset = generateDataset({ issues: 150, repos: 3, seed: 11 });

describe('github sync against the fake', () => {
  const fake = new GitHubFake(dataset);
  const runs = new ConnectorRuns(github);
  /** One connection per configuration of `extra`. */
  const connections = new Map<string, number>();
  before(() => fake.listen());
  after(async () => {
    runs.close();
    await fake.close();
  });

  function sync(extra: Record<string, string>) {
    const key = JSON.stringify(extra);
    if (!connections.has(key)) connections.set(key, runs.connection());
    return runs.run(connections.get(key)!, { accessToken: dataset.token, extra: { baseUrl: fake.url, ...extra } });
  }

  it('lists every repository newest first, then saves a since and an ETag per repository', async () => {
    fake.clearLog();
    const { state, cursor, summary } = await sync({});
    assert.equal(state.status, 'ok');
    assert.deepEqual(summary, { added: 150, updated: 0, unchanged: 0, deleted: 0 });
    for (const repo of ['acme/api', 'acme/web', 'acme/mobile']) {
      assert.match(String(cursor[`since:${repo}`]), /^\d{4}-\d\d-\d\dT/, `since of ${repo}`);
      assert.match(String(cursor[`etag:${repo}`]), /^W\/"/, `etag of ${repo}`);
    }
    assert.equal(cursor.listing, undefined, 'no listing left in progress');
    assert.equal(fake.requests.find((request) => request.route === 'issues.listForRepo')?.query.get('direction'), 'desc', 'newest first');
    assert.equal(state.itemsTotal, 300, 'the total is estimated from the pages GitHub announces (100 per page)');
  });

  it('costs one 304 per repository and one for discovery when nothing changed', async () => {
    fake.clearLog();
    const { summary } = await sync({});
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    assert.deepEqual(fake.requests.map((request) => request.status), [304, 304, 304, 304]);
  });

  it('reads only the configured repositories from extra.repos, without discovery', async () => {
    fake.clearLog();
    const { summary } = await sync({ repos: 'acme/web' });
    assert.equal(summary.added, dataset.repos.find((repo) => repo.repo.full_name === 'acme/web')!.threads.length);
    assert.equal(fake.count('repos.listForAuthenticatedUser'), 0);
    assert.ok(fake.requests.every((request) => !request.path.includes('/acme/api/')));
  });

  it('discovers the repositories of extra.orgs', async () => {
    fake.clearLog();
    const { summary } = await sync({ orgs: 'acme' });
    assert.equal(summary.added, 150);
    assert.equal(fake.count('repos.listForOrg'), 1);
  });
});
