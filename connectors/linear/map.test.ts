import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { LinearFake } from './fake/server.ts';
import { threadsOf } from './fake/threads.ts';
import { linear } from './index.ts';
import { isGone, mapIssue } from './map.ts';

const threads = threadsOf(new LinearFake(fixtureDataset()));
const byIdentifier = (identifier: string) => threads.find((thread) => thread.issue.identifier === identifier)!;

describe('linear map', () => {
  it('maps an issue fixture to a whole item', () => {
    const { content, body, ...item } = mapIssue(byIdentifier('PLT-2'));
    assert.deepEqual(item, {
      kind: 'issue',
      externalId: '69f270b6-fc21-446b-a875-ed6ec0f4cc7d',
      title: 'Crash when token refresh is empty',
      fileName: 'PLT-2_crash-when-token-refresh-is-empty.md',
      metadata: {
        identifier: 'PLT-2', state: 'Triage', state_type: 'triage', priority: 'none', assignee: 'Ingrid Berg', creator: 'Sophie Martin',
        team: 'Platform', labels: ['Security', 'Improvement'], cycle: 'Cycle 18', cycle_starts_at: '2026-06-11T12:00:00.000Z',
        cycle_ends_at: '2026-06-25T12:00:00.000Z', project: 'Search relevance', created: '2026-04-19T07:37:49.758Z', updated: '2026-06-14T06:01:58.530Z',
      },
      createdAt: Date.parse('2026-04-19T07:37:49.758Z'),
      updatedAt: Date.parse('2026-06-14T06:01:58.530Z'),
    });
    assert.ok(body.includes('Two customers reported it today'), 'comments are searchable');
    assert.ok(content.length > 0);
  });

  it('maps missing people, cycle and project to null, and Linear priorities to their names', () => {
    const unassigned = mapIssue(byIdentifier('MOB-1')).metadata;
    assert.equal(unassigned.assignee, null);
    assert.equal(mapIssue(byIdentifier('ENG-2')).metadata.project, null);
    const priorities = [0, 1, 2, 3, 4].map((priority) => mapIssue({ ...byIdentifier('ENG-2'), issue: { ...byIdentifier('ENG-2').issue, priority } }).metadata.priority);
    assert.deepEqual(priorities, ['none', 'urgent', 'high', 'medium', 'low']);
  });

  it('treats archived and trashed issues as gone', () => {
    assert.equal(isGone({ archivedAt: null, trashed: null }), false);
    assert.equal(isGone({ archivedAt: '2026-11-20T12:00:00.000Z', trashed: true }), true);
  });

  it('uses only metadata keys the definition declares as fields', () => {
    for (const thread of threads) for (const key of Object.keys(mapIssue(thread).metadata)) assert.ok(key in linear.fields, `${key} is declared`);
  });
});
