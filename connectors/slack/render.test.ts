import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { SlackFake } from './fake/server.ts';
import { mapThread } from './map.ts';

const fake = new SlackFake(fixtureDataset());
const directory = fake.directory();
const at = (ts: string) => fake.threads().find((thread) => thread.messages[0]!.ts === ts)!;

describe('slack render', () => {
  it('renders a thread: channel and participants, then every message with its author and time', () => {
    const text = mapThread(at('1794115296.000021'), directory).content.toString();
    assert.ok(text.startsWith(`---
channel: incidents
type: thread
author: Tom Becker
participants:
  - Tom Becker
  - Elena Rossi
  - Omar Farouk
  - "Chloé Dubois"
  - Hiro Watanabe
  - Kwame Mensah
  - Maria Chen
  - Priya Raman
replies: 7
started: "2026-11-08T05:21:36.000Z"
updated: "2026-11-08T09:16:18.000Z"
url: "https://acme.slack.com/archives/C000008RXU/p1794115296000021"
---

# #incidents · Flaky test again: test_webhook_retry failed 2 times today on main.

**Tom Becker** · 2026-11-08 05:21 UTC (edited)

Flaky test again: \`test_webhook_retry\` failed 2 times today on main.

**Elena Rossi** · 2026-11-08 05:31 UTC

I think it is the connection pool size, bumping it to 40.
`), text);
    assert.ok(text.endsWith('**Priya Raman** · 2026-11-08 09:16 UTC\n\nThanks, merging after CI.\n'));
  });

  it('renders links as Markdown and lists attached files', () => {
    assert.ok(mapThread(at('1793162764.000011'), directory).content.toString().includes('PR for the token refresh fix is up: [acme/api#1067](https://github.com/acme/api/pull/1350)\n'));
    assert.ok(mapThread(at('1791812547.000030'), directory).content.toString().endsWith('Investigating in this thread.\n\nAttached: `invoice.pdf`\n'));
  });
});
