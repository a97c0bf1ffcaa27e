import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { SlackFake } from './fake/server.ts';
import { slack } from './index.ts';
import { mapThread, versionOf } from './map.ts';

const fake = new SlackFake(fixtureDataset());
const directory = fake.directory();
const threads = fake.threads();
const at = (ts: string) => threads.find((thread) => thread.messages[0]!.ts === ts)!;

describe('slack map', () => {
  it('maps a thread fixture to a whole item', () => {
    const { content, body, ...item } = mapThread(at('1794115296.000021'), directory);
    assert.deepEqual(item, {
      kind: 'thread',
      externalId: 'C000008RXU:1794115296.000021',
      title: 'Flaky test again: test_webhook_retry failed 2 times today on main.',
      fileName: '2026-11-08_0521_flaky-test-again-test-webhook-retry-failed-2-times-today-on.md',
      metadata: {
        channel: 'incidents', author: 'Tom Becker', participants: ['Tom Becker', 'Elena Rossi', 'Omar Farouk', 'Chloé Dubois', 'Hiro Watanabe', 'Kwame Mensah', 'Maria Chen', 'Priya Raman'],
        mentions: [], has_files: false, replies: 7, created: '2026-11-08T05:21:36.000Z', updated: '2026-11-08T09:16:18.000Z',
      },
      createdAt: 1794115296000,
      updatedAt: 1794129378000,
      fingerprint: '7',
    });
    assert.ok(body.includes('bumping it to 40'), 'replies are searchable');
    assert.ok(content.length > 0);
  });

  it('maps a lone message with a mention, resolving people to display names', () => {
    const item = mapThread(at('1793493185.000014'), directory);
    assert.equal(item.kind, 'message');
    assert.equal(item.title, 'Deploy of api v2.18 failed on the canary, rolling back. @Aiko Tanaka can you take a look?');
    assert.deepEqual(item.metadata.mentions, ['Aiko Tanaka']);
    assert.equal(item.metadata.author, 'Samir Haddad');
  });

  it('versions a conversation by its newest reply or edit', () => {
    assert.equal(versionOf({ ts: '100.000001', latest_reply: '300.5', edited: { ts: '200' } }), 300_500);
    assert.equal(versionOf({ ts: '100.000001', edited: { ts: '200' } }), 200_000);
  });

  it('uses only metadata keys the definition declares as fields', () => {
    for (const thread of threads) for (const key of Object.keys(mapThread(thread, directory).metadata)) assert.ok(key in slack.fields, `${key} is declared`);
  });
});
