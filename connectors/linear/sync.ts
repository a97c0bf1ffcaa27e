import type { LinearClient } from '@linear/sdk';
import type { ConnectorRuntime, ItemDraft, SyncContext, SyncCursor } from '../../src/sync/connector.ts';
import { classify, createClient, query } from './client.ts';
import { isGone, mapIssue } from './map.ts';
import { changedCommentsQuery, commentsQuery, issuePageSize, issuesQuery, viewerQuery } from './queries.ts';
import type { ChangedComment, Connection, LinearComment, LinearIssue, LinearThread, LinearUser } from './types.ts';

const epoch = '1970-01-01T00:00:00.000Z';

/**
 * Linear's checkpoint, flat: `since` (the newest `updatedAt` fully read); a
 * listing in progress as `listAfter` (its page cursor) and `listHigh` (the
 * newest update when it began); a pass over changes in progress as
 * `changesAfter` and `changesHigh`; `commentsSince`, the newest comment
 * `updatedAt` fully read.
 */
type Cursor = Map<string, string>;

/**
 * Linear: issues newest-updated first, one GraphQL request per page of 50 with
 * everything a file needs. A first sync (or a reconcile) lists the issues that
 * are not archived; afterwards only `updatedAt > since` is read, archived and
 * trashed issues included, so deletions (which go through the trash) become
 * tombstones without a full listing. Then the comments changed since the last
 * run, whose issues are read again: see `readChangedComments`.
 */
async function sync(ctx: SyncContext): Promise<void> {
  const client = createClient(ctx);
  const cursor: Cursor = new Map(Object.entries(ctx.cursor ?? {}).map(([key, value]) => [key, String(value)]));
  if (cursor.has('listAfter') || ctx.full || !cursor.has('since')) await listIssues(client, ctx, cursor);
  // Comments are followed from where the issues stand after the first listing (or a cursor saved before they were).
  if (!cursor.has('commentsSince')) {
    cursor.set('commentsSince', cursor.get('since') ?? epoch);
    ctx.commit({ cursor: snapshot(cursor) });
  }
  await readChanges(client, ctx, cursor);
  await readChangedComments(client, ctx, cursor);
}

async function listIssues(client: LinearClient, ctx: SyncContext, cursor: Cursor): Promise<void> {
  const resuming = cursor.has('listAfter');
  if (!resuming) ctx.beginListing();
  let after = cursor.get('listAfter') ?? null;
  for (;;) {
    const page = await issuesPage(client, ctx, { after, includeArchived: false });
    if (!cursor.has('listHigh')) cursor.set('listHigh', page.nodes[0]?.updatedAt ?? cursor.get('since') ?? epoch);
    const items = await itemsOf(client, ctx, page.nodes);
    after = page.pageInfo.endCursor;
    if (page.pageInfo.hasNextPage && after) cursor.set('listAfter', after);
    else {
      if (!cursor.has('since')) cursor.set('since', cursor.get('listHigh')!);
      cursor.delete('listAfter');
      cursor.delete('listHigh');
    }
    ctx.commit({ items, cursor: snapshot(cursor) });
    if (!cursor.has('listAfter')) break;
  }
  ctx.endListing();
}

/** Issues updated after `since`, archived and trashed ones as deletions. An idle workspace costs one request. */
async function readChanges(client: LinearClient, ctx: SyncContext, cursor: Cursor): Promise<void> {
  const since = cursor.get('since') ?? epoch;
  let after = cursor.get('changesAfter') ?? null;
  for (;;) {
    const page = await issuesPage(client, ctx, { after, includeArchived: true, filter: { updatedAt: { gt: since } } });
    const high = cursor.get('changesHigh') ?? page.nodes[0]?.updatedAt ?? since;
    const deleted = page.nodes.filter(isGone).map((issue) => ({ kind: 'issue', externalId: issue.id }));
    const items = await itemsOf(client, ctx, page.nodes.filter((issue) => !isGone(issue)));
    after = page.pageInfo.endCursor;
    const more = page.pageInfo.hasNextPage && after !== null;
    if (more) {
      cursor.set('changesAfter', after!);
      cursor.set('changesHigh', high);
    } else {
      cursor.set('since', high > since ? high : since);
      cursor.delete('changesAfter');
      cursor.delete('changesHigh');
    }
    if (items.length > 0 || deleted.length > 0 || more || high !== since) ctx.commit({ items, deleted, cursor: snapshot(cursor) });
    if (!more) return;
  }
}

/**
 * Comments are entities of their own in Linear: editing or deleting one (which
 * archives it) moves the comment's `updatedAt`, not its issue's. So after the
 * issues, the comments changed since `commentsSince` name issues to read again
 * whole, 50 to a request, even one read earlier in this run (a comment may have
 * changed since). The cursor moves only once the pass is read to its end, so a
 * killed pass starts over: re-reading an issue is idempotent. An idle
 * workspace costs one request here.
 */
async function readChangedComments(client: LinearClient, ctx: SyncContext, cursor: Cursor): Promise<void> {
  const since = cursor.get('commentsSince')!;
  let high = since;
  const issueIds = new Set<string>();
  for (let after: string | null = null; ;) {
    const { comments }: { comments: Connection<ChangedComment> } = await query(client, ctx, changedCommentsQuery, {
      first: 100, after, filter: { updatedAt: { gt: since } },
    });
    for (const comment of comments.nodes) {
      if (comment.updatedAt > high) high = comment.updatedAt;
      if (comment.issueId) issueIds.add(comment.issueId);
    }
    after = comments.pageInfo.endCursor;
    if (!comments.pageInfo.hasNextPage || after === null) break;
  }
  const ids = [...issueIds];
  for (let start = 0; start < ids.length; start += issuePageSize) {
    const page = await issuesPage(client, ctx, { after: null, includeArchived: true, filter: { id: { in: ids.slice(start, start + issuePageSize) } } });
    const deleted = page.nodes.filter(isGone).map((issue) => ({ kind: 'issue', externalId: issue.id }));
    const items: ItemDraft[] = [];
    for (const issue of page.nodes.filter((issue) => !isGone(issue))) items.push(mapIssue(await threadOf(client, ctx, issue)));
    ctx.commit({ items, deleted, cursor: snapshot(cursor) });
  }
  if (high === since) return;
  cursor.set('commentsSince', high);
  ctx.commit({ cursor: snapshot(cursor) });
}

/** The issues the store lacks or holds older, with all their comments, as items. */
async function itemsOf(client: LinearClient, ctx: SyncContext, issues: readonly LinearIssue[]): Promise<ItemDraft[]> {
  const wanted = ctx.check('issue', issues.map((issue) => ({ externalId: issue.id, updatedAt: Date.parse(issue.updatedAt) })));
  const items: ItemDraft[] = [];
  for (const issue of issues) if (wanted.has(issue.id)) items.push(mapIssue(await threadOf(client, ctx, issue)));
  return items;
}

async function threadOf(client: LinearClient, ctx: SyncContext, issue: LinearIssue): Promise<LinearThread> {
  const comments = [...issue.comments.nodes];
  for (let page = issue.comments.pageInfo; page.hasNextPage; ) {
    const data = await query<{ issue: { comments: Connection<LinearComment> } }>(client, ctx, commentsQuery, { id: issue.id, after: page.endCursor });
    comments.push(...data.issue.comments.nodes);
    page = data.issue.comments.pageInfo;
  }
  return { issue, comments };
}

async function issuesPage(
  client: LinearClient, ctx: SyncContext, variables: { after: string | null; includeArchived: boolean; filter?: Record<string, unknown> },
): Promise<Connection<LinearIssue>> {
  const data = await query<{ issues: Connection<LinearIssue> }>(client, ctx, issuesQuery, { first: issuePageSize, ...variables });
  return data.issues;
}

function snapshot(cursor: Cursor): SyncCursor {
  return Object.fromEntries(cursor);
}

export const runtime: ConnectorRuntime = {
  async describeAccount(ctx) {
    const { viewer } = await query<{ viewer: LinearUser }>(createClient(ctx), ctx, viewerQuery, {});
    return { id: viewer.email, name: viewer.name, email: viewer.email };
  },
  sync,
  classify,
};
