import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { github } from './index.ts';
import { fixtureDataset } from './fake/dataset.ts';
import { mapThread } from './map.ts';

const threads = fixtureDataset().repos[0]!.threads;
const numbered = (number: number) => threads.find((thread) => thread.issue.number === number)!;

describe('github map', () => {
  it('maps a pull request fixture to a whole item', () => {
    const { content, body, ...item } = mapThread(numbered(4));
    assert.deepEqual(item, {
      kind: 'pull_request',
      externalId: 'acme/api#4',
      title: 'Flaky test: invoice_PDF_spec times out on CI',
      fileName: '4_flaky-test-invoice-pdf-spec-times-out-on-ci.md',
      metadata: {
        repo: 'acme/api', number: 4, state: 'open', author: 'liam-oconnor', assignee: ['priya-raman'], reviewer: ['yuki-sato'],
        review_requested: [], labels: ['area: billing', 'needs triage'], draft: true, mentions: ['ana-costa', 'arjun-mehta', 'elena-rossi'],
        created: '2025-11-16T06:53:23Z', updated: '2026-02-16T19:33:34Z',
      },
      createdAt: Date.parse('2025-11-16T06:53:23Z'),
      updatedAt: Date.parse('2026-02-16T19:33:34Z'),
      fingerprint: '5',
    });
    assert.ok(body.startsWith('When OAuth callback runs during a deploy'));
    assert.ok(body.includes('Works for me on the latest build.'), 'comments are searchable');
    assert.ok(content.length > 0);
  });

  it('maps an issue with its open state, and a merged pull request as merged', () => {
    assert.equal(mapThread(numbered(1)).kind, 'issue');
    assert.equal(mapThread(numbered(1)).metadata.state, 'open');
    const pull = numbered(4);
    const merged = { ...pull, issue: { ...pull.issue, state: 'closed' }, pull: { ...pull.pull!, detail: { ...pull.pull!.detail, merged_at: '2026-02-17T10:00:00Z' } } };
    assert.equal(mapThread(merged).metadata.state, 'merged');
  });

  it('uses only metadata keys the definition declares as fields', () => {
    for (const thread of threads) {
      for (const key of Object.keys(mapThread(thread).metadata)) assert.ok(key in github.fields, `${key} is declared`);
      assert.ok(github.kinds.some((kind) => kind.name === mapThread(thread).kind));
    }
  });
});
