import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { SmartFolderEngine } from '../../src/guidance/engine.ts';
import type { ConnectionRecord } from '../../src/store/connections.ts';
import { type Store, openStore } from '../../src/store/index.ts';
import type { SmartFolderRecord } from '../../src/store/smart-folders.ts';
import type { Workspace } from '../../src/store/workspaces.ts';

const day = 86_400_000;
/** Wednesday 25 November 2026, noon, local time. */
const start = new Date(2026, 10, 25, 12).getTime();

describe('smart-folder engine', () => {
  let store: Store;
  let workspace: Workspace;
  let now: number;
  let engine: SmartFolderEngine;
  let sequence = 0;

  const connect = (integration: string): ConnectionRecord => store.connections.create({
    externalId: `conn_${integration}`, workspaceId: workspace.id, integration, scope: null, sealedCredentials: Buffer.from('x'), expiresAt: null,
  });
  const put = (connection: ConnectionRecord, kind: string, externalId: string, metadata: Record<string, unknown>, extra: { title?: string; body?: string; updatedAt?: number } = {}): number => {
    store.items.upsert({
      connectionId: connection.id, kind, externalId, title: extra.title ?? `item ${externalId}`, fileName: `${externalId}.md`,
      body: extra.body ?? '', metadata, content: null, createdAt: extra.updatedAt ?? now, updatedAt: extra.updatedAt ?? now,
    });
    return store.items.find(connection.id, kind, externalId)!.id;
  };
  const folder = (integration: string, definition: { guidance?: string; filter?: object }): SmartFolderRecord => store.smartFolders.create({
    externalId: `sq_${++sequence}`, workspaceId: workspace.id, integration, name: `folder ${sequence}`, slug: `folder-${sequence}`,
    guidance: definition.guidance ?? null, filter: definition.filter ? JSON.stringify(definition.filter) : null,
  }, now);
  const members = (target: SmartFolderRecord) => store.folderItems.items(target.id).map((item) => item.externalId).sort();

  beforeEach(() => {
    store = openStore(':memory:');
    workspace = store.workspaces.create({ externalId: 'ws_engine', name: 'engine' });
    now = start;
    engine = new SmartFolderEngine(store, { now: () => now });
  });

  it('materialises a guidance folder when it is evaluated', () => {
    const github = connect('github');
    put(github, 'pull_request', '1', { state: 'open', review_requested: ['sam'] });
    put(github, 'pull_request', '2', { state: 'open', review_requested: [] });
    put(github, 'pull_request', '3', { state: 'closed', review_requested: ['sam'] });
    put(github, 'issue', '4', { state: 'open', review_requested: ['sam'] });
    const prs = folder('github', { guidance: 'open pull requests that need review' });
    engine.refresh(prs);
    assert.deepEqual(members(prs), ['1']);
    assert.equal(engine.explain(prs).match_count, 1);
  });

  it('keeps membership current as sync pages add, change and delete items', () => {
    const github = connect('github');
    connect('slack');
    const open = folder('github', { guidance: 'open issues' });
    const general = folder('slack', { guidance: 'messages in #general' });
    engine.refresh(open);
    engine.refresh(general);
    const first = put(github, 'issue', '1', { state: 'open' });
    const second = put(github, 'issue', '2', { state: 'closed' });
    engine.refreshFoldersFor(github.id, [first, second]);
    assert.deepEqual(members(open), ['1']);

    put(github, 'issue', '1', { state: 'closed' });
    put(github, 'issue', '2', { state: 'open' });
    engine.refreshFoldersFor(github.id, [first, second]);
    assert.deepEqual(members(open), ['2']);

    store.items.markDeleted(github.id, 'issue', '2');
    engine.refreshFoldersFor(github.id, [second]);
    assert.deepEqual(members(open), []);
    assert.deepEqual(members(general), [], 'a folder of another integration is left alone');
  });

  it('evaluates again when the passing of time moves a relative date range', () => {
    const github = connect('github');
    put(github, 'issue', 'old', { state: 'open' }, { updatedAt: start - 3 * day });
    put(github, 'issue', 'yesterday', { state: 'open' }, { updatedAt: start - day });
    put(github, 'issue', 'today', { state: 'open' }, { updatedAt: start });
    const recent = folder('github', { guidance: 'issues updated yesterday' });
    engine.refresh(recent);
    assert.deepEqual(members(recent), ['yesterday']);
    now = start + day;
    engine.tick();
    assert.deepEqual(members(recent), ['today']);
    assert.equal(engine.explain(recent).resolved.since, new Date(new Date(2026, 10, 25).getTime()).toISOString());
  });

  it('resolves "me" once the connection knows its account, and again when it changes', () => {
    const github = connect('github');
    const mine = put(github, 'pull_request', '1', { author: 'alice-dev' });
    put(github, 'pull_request', '2', { author: 'bob' });
    const myPrs = folder('github', { guidance: 'my pull requests' });
    engine.refresh(myPrs);
    assert.deepEqual(members(myPrs), [], 'nobody is "me" before the account is known');
    store.connections.setAccount(github.id, { id: 'alice-dev', name: 'Alice Martin' });
    engine.refreshFoldersFor(github.id, [mine]);
    assert.deepEqual(members(myPrs), ['1']);
    store.connections.setAccount(github.id, { id: 'bob' });
    engine.refreshFoldersFor(github.id, []);
    assert.deepEqual(members(myPrs), ['2']);
  });

  it('evaluates explicit filters through the same path, with "me" and special values', () => {
    const linear = connect('linear');
    store.connections.setAccount(linear.id, { id: 'u1', name: 'Alice Martin', email: 'alice@acme.com' });
    const cycle = { cycle_starts_at: new Date(start - 3 * day).toISOString(), cycle_ends_at: new Date(start + 4 * day).toISOString() };
    const pastCycle = { cycle_starts_at: new Date(start - 20 * day).toISOString(), cycle_ends_at: new Date(start - 6 * day).toISOString() };
    put(linear, 'issue', 'A-1', { assignee: 'Alice Martin', priority: 'high', ...cycle });
    put(linear, 'issue', 'A-2', { assignee: 'Bob', priority: 'high', ...cycle });
    put(linear, 'issue', 'A-3', { assignee: 'alice@acme.com', priority: 'low', ...pastCycle });
    const filtered = folder('linear', { filter: { assignee: 'me', cycle: 'current' } });
    engine.refresh(filtered);
    assert.deepEqual(members(filtered), ['A-1']);
    assert.equal(engine.explain(filtered).source, 'filter');
    const guided = folder('linear', { guidance: 'high priority issues in the current sprint' });
    engine.refresh(guided);
    assert.deepEqual(members(guided), ['A-1', 'A-2']);
  });

  it('compiles again when a sync brings a value the guidance names (a new label)', () => {
    const github = connect('github');
    const mention = put(github, 'issue', '1', { labels: [] }, { body: 'this looks like a regression' });
    const bugs = folder('github', { guidance: 'regressions' });
    engine.refresh(bugs);
    assert.deepEqual(members(bugs), ['1'], 'a full-text term while no label is named so');
    const labelled = put(github, 'issue', '2', { labels: ['regression'] });
    engine.refreshFoldersFor(github.id, [mention, labelled]);
    assert.deepEqual(members(bugs), ['2']);
    assert.deepEqual(engine.explain(bugs).query.where, [{ field: 'labels', op: 'equals', values: ['regression'], negate: false }]);
  });

  it('leaves a folder empty, with the reason, when nothing in the guidance can be used', () => {
    const github = connect('github');
    put(github, 'issue', '1', { state: 'open' });
    const vague = folder('github', { guidance: 'the ones that are there' });
    engine.refresh(vague);
    assert.deepEqual(members(vague), []);
    const explanation = engine.explain(vague);
    assert.equal(explanation.usable, false);
    assert.match(explanation.problems[0]!, /nothing in the guidance could be used/);
  });

  it('keeps only the newest items of a limited folder, also after a sync', () => {
    const gmail = connect('gmail');
    for (let index = 1; index <= 4; index++) put(gmail, 'message', `m${index}`, { from: 'news@shop.com' }, { updatedAt: start - index * day });
    const latest = folder('gmail', { guidance: 'latest 2 emails from shop.com' });
    engine.refresh(latest);
    assert.deepEqual(members(latest), ['m1', 'm2']);
    const newer = put(gmail, 'message', 'm0', { from: 'news@shop.com' }, { updatedAt: start });
    engine.refreshFoldersFor(gmail.id, [newer]);
    assert.deepEqual(members(latest), ['m0', 'm1']);
  });

  it('compiles again and evaluates when a folder is changed', () => {
    const gmail = connect('gmail');
    put(gmail, 'message', 'a', { unread: true });
    put(gmail, 'message', 'b', { unread: false, starred: true });
    let target = folder('gmail', { guidance: 'unread emails' });
    engine.refresh(target);
    assert.deepEqual(members(target), ['a']);
    now += 1000;
    target = store.smartFolders.update(target, { ...target, guidance: 'starred emails' }, now);
    engine.refresh(target);
    assert.deepEqual(members(target), ['b']);
  });
});
