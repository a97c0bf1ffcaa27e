import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { metadataOf } from './map.ts';
import { renderThread } from './render.ts';

const threads = fixtureDataset().repos[0]!.threads;
const numbered = (number: number) => threads.find((thread) => thread.issue.number === number)!;

describe('github render', () => {
  it('renders a pull request as front matter, body, changes, reviews and comments', () => {
    const thread = numbered(4);
    const { fileName, content } = renderThread(thread, metadataOf(thread));
    assert.equal(fileName, '4_flaky-test-invoice-pdf-spec-times-out-on-ci.md');
    const text = content.toString();
    assert.ok(text.startsWith(`---
number: 4
title: "Flaky test: invoice_PDF_spec times out on CI"
repo: acme/api
type: pull_request
state: open
author: liam-oconnor
labels:
  - "area: billing"
  - needs triage
assignees:
  - priya-raman
reviewers:
  - yuki-sato
review_requested: []
draft: true
url: "https://github.com/acme/api/pull/4"
created: "2025-11-16T06:53:23Z"
updated: "2026-02-16T19:33:34Z"
closed: null
---

# Flaky test: invoice_PDF_spec times out on CI

When OAuth callback runs`), text.slice(0, 700));
    assert.ok(text.includes(`cc @arjun-mehta

## Changes

\`fix/4-flaky-test-invoice-pdf-spec-ti\` → \`main\`: 1 file, +4 −19

- \`test/retry.test.ts\` (added, +4 −19)

## Reviews

### yuki-sato · changes requested · 2026-02-16T19:33:34Z

Added a regression test.

## Comments

### samir-haddad · 2025-12-04T19:01:25Z

Looks like the lock is released too early; I have a fix in progress.
`));
    assert.ok(text.endsWith('### nadia-petrova · 2026-02-16T19:33:34Z\n\n@ana-costa Could this be related to the retry change last week?\n'));
  });

  it('renders an issue without pull request sections, and its length is its byte length', () => {
    const thread = numbered(1);
    const { fileName, content } = renderThread(thread, metadataOf(thread));
    assert.equal(fileName, '1_add-retry-queue-to-auth.md');
    const text = content.toString();
    assert.match(text, /^---\nnumber: 1\ntitle: Add retry queue to auth\nrepo: acme\/api\ntype: issue\nstate: open\n/);
    assert.ok(!text.includes('reviewers:') && !text.includes('## Changes'));
    assert.match(text, /## Comments\n\n### aiko-tanaka · 2025-09-07T05:51:50Z\n\n@aiko-tanaka Confirmed fixed after the last deploy\.\n/);
    assert.equal(content.length, Buffer.byteLength(text));
  });

  it('says so when an issue has no description', () => {
    const thread = { ...numbered(1), issue: { ...numbered(1).issue, body: null }, comments: [] };
    const text = renderThread(thread, metadataOf(thread)).content.toString();
    assert.ok(text.endsWith('---\n\n# Add retry queue to auth\n\n_No description._\n'), text);
  });
});
