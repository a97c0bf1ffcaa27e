import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { LinearFake } from './fake/server.ts';
import { threadsOf } from './fake/threads.ts';
import { metadataOf } from './map.ts';
import { renderIssue } from './render.ts';

const threads = threadsOf(new LinearFake(fixtureDataset()));
const byIdentifier = (identifier: string) => threads.find((thread) => thread.issue.identifier === identifier)!;

describe('linear render', () => {
  it('renders front matter, title, description and comments oldest first', () => {
    const thread = byIdentifier('PLT-2');
    const { fileName, content } = renderIssue(thread, metadataOf(thread.issue));
    assert.equal(fileName, 'PLT-2_crash-when-token-refresh-is-empty.md');
    const text = content.toString();
    assert.ok(text.startsWith(`---
identifier: PLT-2
title: Crash when token refresh is empty
state: Triage
state_type: triage
priority: none
assignee: Ingrid Berg
creator: Sophie Martin
team: Platform
labels:
  - Security
  - Improvement
cycle: Cycle 18
project: Search relevance
estimate: null
due: null
url: "https://linear.app/acme/issue/PLT-2/crash-when-token-refresh-is-empty"
created: "2026-04-19T07:37:49.758Z"
updated: "2026-06-14T06:01:58.530Z"
completed: null
canceled: null
---

# PLT-2 Crash when token refresh is empty

When audit log runs during a deploy`), text.slice(0, 800));
    assert.ok(text.includes(`## Comments

### Grace Okafor · 2026-05-03T07:13:51.951Z

@ingrid-berg Confirmed fixed after the last deploy.

### Elena Rossi · 2026-05-17T06:49:54.144Z
`));
    assert.ok(text.endsWith('### Nadia Petrova · 2026-06-14T06:01:58.530Z\n\n@lucas-oliveira Can we bump the priority? Two customers reported it today.\n'));
  });

  it('says so when an issue has no description', () => {
    const thread = byIdentifier('ENG-1');
    assert.ok(renderIssue(thread, metadataOf(thread.issue)).content.toString().endsWith(`# ENG-1 ${thread.issue.title}\n\n_No description._\n`));
  });
});
