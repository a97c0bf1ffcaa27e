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
    for (const repo of repos) {
      assert.match(String(cursor[`since:${repo}`]), /^\d{4}-\d\d-\d\dT/, `since of ${repo}`);
      assert.match(String(cursor[`etag:${repo}`]), /^W\/"/, `etag of ${repo}`);
    }
    assert.equal(cursor.listing, undefined, 'no listing left in progress');
    assert.equal(fake.requests.find((request) => request.route === 'issues.listForRepo')?.query.get('direction'), 'desc', 'newest first');
    assert.equal(state.itemsTotal, 300, 'the total is estimated from the pages GitHub announces (100 per page)');
  });

  const repos = ['acme/api', 'acme/web', 'acme/mobile'];
  const requests = () => fake.requests.map((request) => `${request.route} ${request.status}`);

  it('costs one 304 for discovery and two per repository (issues, comments) when nothing changed', async () => {
    for (let run = 0; run < 2; run++) {
      fake.clearLog();
      const { summary } = await sync({});
      assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
      assert.deepEqual(requests().toSorted(), ['repos.listForAuthenticatedUser 304',
        ...repos.flatMap(() => ['issues.listCommentsForRepo 304', 'issues.listForRepo 304'])].toSorted(), `idle run ${run + 1}`);
    }
  });

  it("reads an issue again when one of its comments is edited, which leaves the issue's updated_at alone", async () => {
    const thread = fake.threads().find((candidate) => candidate.repo === 'acme/web' && candidate.comments.length > 1 && !candidate.pull)!;
    const updatedAt = thread.issue.updated_at;
    fake.editComment('acme/web', thread.issue.number, 0, 'Edited: the retry path is covered too.');
    assert.equal(fake.thread('acme/web', thread.issue.number)!.issue.updated_at, updatedAt);
    fake.clearLog();
    const { summary } = await sync({});
    assert.deepEqual(summary, { added: 0, updated: 1, unchanged: 0, deleted: 0 });
    assert.deepEqual(requests().filter((request) => !request.endsWith(' 304')).toSorted(),
      ['issues.get 200', 'issues.listComments 200', 'issues.listCommentsForRepo 200']);
    const item = runs.store.items.find(connections.get('{}')!, 'issue', `acme/web#${thread.issue.number}`)!;
    assert.match(item.body, /Edited: the retry path is covered too\./);
    // `since` moved to the edit, whose list is a new URL: one 200 to learn its ETag, then 304s.
    fake.clearLog();
    await sync({});
    assert.deepEqual(requests().filter((request) => !request.endsWith(' 304')), ['issues.listCommentsForRepo 200']);
    fake.clearLog();
    await sync({});
    assert.ok(fake.requests.every((request) => request.status === 304), requests().join(', '));
  });

  it('reads an issue again at the next full listing when a comment is deleted, which moves no time', async () => {
    const thread = fake.threads().find((candidate) => candidate.repo === 'acme/api' && candidate.comments.length > 1 && !candidate.pull)!;
    const number = thread.issue.number;
    const gone = thread.comments[0]!.body!;
    const stored = () => runs.store.items.find(connections.get('{}')!, 'issue', `acme/api#${number}`)!;
    assert.ok(stored().body.includes(gone) && !thread.comments.slice(1).some((comment) => comment.body?.includes(gone)));
    fake.deleteComment('acme/api', number, 0);
    // An incremental sync cannot see it: the issue is not listed since the cursor, and the comment list has no deletions.
    fake.clearLog();
    assert.deepEqual((await sync({})).summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    fake.clearLog();
    const { summary } = await runs.run(connections.get('{}')!, { accessToken: dataset.token, extra: { baseUrl: fake.url } }, { full: true });
    assert.deepEqual(summary, { added: 0, updated: 1, unchanged: 0, deleted: 0 });
    assert.deepEqual(fake.requests.filter((request) => request.route === 'issues.listComments').map((request) => request.path),
      [`/repos/acme/api/issues/${number}/comments`], 'only the issue whose count changed is read again');
    assert.ok(!stored().body.includes(gone));
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
