import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runsAgainst } from '../../test/helpers/connector-run.ts';
import { fakeApiKey, generateDataset } from './fake/dataset.ts';
import { LinearFake } from './fake/server.ts';
import { linear } from './index.ts';

describe('linear sync against the fake', () => {
  const fake = new LinearFake(generateDataset({ issues: 120, seed: 5 }));
  const { runs, store, connectionId } = runsAgainst(linear, fake);

  async function sync(full = false) {
    fake.clearLog();
    const result = await runs.run(connectionId, { apiKey: fakeApiKey, extra: { baseUrl: `${fake.url}/graphql` } }, { full });
    return { ...result, routes: fake.requests.map((request) => request.route) };
  }

  it('lists pages of 50 newest first, then reads changes since the newest update', async () => {
    const { state, cursor, summary, routes } = await sync();
    assert.equal(state.status, 'ok');
    assert.deepEqual(summary, { added: 120, updated: 0, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['Viewer', 'issues.list', 'issues.list', 'issues.list', 'issues.changes', 'ChangedComments']);
    assert.equal(cursor.since, fake.liveIssues().map((issue) => issue.updatedAt).sort().at(-1));
    assert.equal(cursor.commentsSince, cursor.since, 'comments are followed from where the listing began');
    assert.deepEqual(Object.keys(cursor).toSorted(), ['commentsSince', 'since'], 'no listing or pass left in progress');
    assert.deepEqual(JSON.parse(store.connections.findById(connectionId)!.account!), { id: 'maria.chen@acme.dev', name: 'Maria Chen', email: 'maria.chen@acme.dev' });
  });

  it('costs two requests when nothing changed (issues, comments), and sees a trashed issue as a deletion', async () => {
    assert.deepEqual((await sync()).routes, ['issues.changes', 'ChangedComments']);
    const [issue] = fake.liveIssues();
    fake.trashIssue(issue!.id);
    const { summary, routes } = await sync();
    assert.deepEqual(routes, ['issues.changes', 'ChangedComments']);
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 1 });
    assert.ok(store.items.find(connectionId, 'issue', issue!.id)!.deletedAt !== null);
  });

  it("reads an issue again when one of its comments is edited or deleted, which leaves the issue's updatedAt alone", async () => {
    const [edited, deleted] = fake.liveIssues().filter((issue) => issue.comments.length > 1);
    const stored = (id: string) => store.items.find(connectionId, 'issue', id)!;
    const gone = deleted!.comments[0]!.body;
    assert.ok(stored(deleted!.id).body.includes(gone));
    const updatedAt = [edited!.updatedAt, deleted!.updatedAt];
    fake.editComment(edited!.id, 0, 'Edited: the crash only happens on cold start.');
    fake.deleteComment(deleted!.id, 0);
    assert.deepEqual([edited!.updatedAt, deleted!.updatedAt], updatedAt);
    const { summary, routes, cursor } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 2, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['issues.changes', 'ChangedComments', 'issues.byId']);
    assert.match(stored(edited!.id).body, /Edited: the crash only happens on cold start\./);
    assert.ok(!stored(deleted!.id).body.includes(gone));
    assert.ok(String(cursor.commentsSince) > String(cursor.since), 'the comment cursor moved to the edits');
    assert.deepEqual((await sync()).routes, ['issues.changes', 'ChangedComments'], 'and they are not read again');
  });

  it('re-lists on a reconcile without refetching what it has', async () => {
    const { summary, routes } = await sync(true);
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    assert.equal(routes.filter((route) => route === 'issues.list').length, 3);
  });
});
