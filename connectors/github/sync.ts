import type { ConnectorRuntime, ItemDraft, SyncContext } from '../../src/sync/connector.ts';
import { mapConcurrent } from '../../src/sync/concurrency.ts';
import { classify, createClient } from './client.ts';
import { GitHubCursor } from './cursor.ts';
import { externalIdOf, fingerprintOf, kindOf, mapThread } from './map.ts';
import { hasNextPage, lastPage, orMissing, orUnchanged, perPage, split } from './pages.ts';
import { discoverRepos } from './repos.ts';
import { fetchThread } from './threads.ts';
import { slimIssue } from './slim.ts';
import type { IssueData } from './types.ts';

type Client = ReturnType<typeof createClient>;

/** Per-item requests (comments, PR details) in flight at once within a page. */
const detailConcurrency = 8;
const epoch = '1970-01-01T00:00:00Z';

/**
 * GitHub: the repositories the token sees (or `extra.repos` / `extra.orgs`).
 * A repository is first listed newest first (`sort=updated&direction=desc`,
 * page by page, each page committed with its position); from then on only what
 * changed is read: its issues (`since` + `direction=asc`, the first page
 * conditional on its ETag), then its comments the same way, since an edited
 * comment does not move its issue. An idle repository costs two 304s. A full
 * listing (first sync, reconcile) is bracketed so issues that disappeared
 * become tombstones.
 */
async function sync(ctx: SyncContext): Promise<void> {
  const client = createClient(ctx);
  const cursor = new GitHubCursor(ctx.cursor);
  const repos = await discoverRepos(client, ctx, cursor);
  await listRepositories(client, ctx, cursor, repos);
  for (const repo of repos) await readChanges(client, ctx, cursor, repo);
}

async function listRepositories(client: Client, ctx: SyncContext, cursor: GitHubCursor, repos: readonly string[]): Promise<void> {
  if (cursor.listingQueue().length === 0) {
    const queue = ctx.full ? repos : repos.filter((repo) => cursor.since(repo) === undefined);
    if (queue.length === 0) return;
    if (ctx.full) ctx.beginListing();
    cursor.startListing(queue);
  }
  let estimate = 0;
  // The next page of the repository, asked for while this page's details load.
  let prefetched: Promise<IssuePage | 'not_modified' | undefined> | undefined;
  for (let repo = cursor.listingQueue()[0]; repo !== undefined; repo = cursor.listingQueue()[0]) {
    const page = cursor.listingPage();
    const answer = await (prefetched ?? listPage(client, ctx, repo, { direction: 'desc', page }));
    prefetched = undefined;
    const response = typeof answer === 'object' ? answer : undefined;
    const issues = response?.issues ?? [];
    if (page === 1) {
      cursor.setListingHigh(issues[0]?.updated_at ?? epoch);
      estimate += response ? (lastPage(response.link) ?? 1) * perPage : 0;
    }
    const more = response !== undefined && hasNextPage(response.link);
    if (more) {
      prefetched = listPage(client, ctx, repo, { direction: 'desc', page: page + 1 });
      prefetched.catch(() => {}); // awaited next turn; a failure of this page must not leave it unhandled
    }
    const items = await threadsOf(client, ctx, repo, wanted(ctx, repo, issues));
    if (more) cursor.nextListingPage();
    else cursor.finishListedRepo(repo);
    ctx.commit({ items, cursor: cursor.snapshot(), ...(estimate > 0 ? { total: estimate } : {}) });
  }
  ctx.endListing();
}

/**
 * One repository's changes since its cursor: its changed issues, then its
 * edited comments. An unchanged repository answers 304 to both conditional
 * first pages.
 */
async function readChanges(client: Client, ctx: SyncContext, cursor: GitHubCursor, repo: string): Promise<void> {
  const since = cursor.since(repo);
  if (since === undefined) return;
  const etag = cursor.etag(repo);
  let newest = since;
  const read = new Set<number>();
  for (let page = 1, more = true; more; page++) {
    const response = await listPage(client, ctx, repo, { direction: 'asc', page, since, etag: page === 1 ? etag : undefined });
    if (response === undefined) return;
    if (response === 'not_modified') break;
    for (const issue of response.issues) if (issue.updated_at > newest) newest = issue.updated_at;
    const changed = wanted(ctx, repo, response.issues);
    for (const issue of changed) read.add(issue.number);
    const items = await threadsOf(client, ctx, repo, changed);
    more = hasNextPage(response.link);
    // The ETag belongs to the first page of `since`: kept only while `since` stays where it was.
    cursor.setSince(repo, newest, newest === since && page === 1 && !more ? response.etag : undefined);
    ctx.commit({ items, cursor: cursor.snapshot() });
  }
  await readEditedComments(client, ctx, cursor, repo, read);
}

/**
 * Comments changed since the repository's comment cursor, from the
 * repository-wide list (`sort=updated`, oldest first): editing a comment does
 * not move its issue's `updated_at`, so the issue listing alone never sees the
 * edit. Each issue not already read this run (`read`) is read again whole.
 * `since` is inclusive, so comments at the cursor itself were seen before; one
 * edited within that same second after the last run is the edge this misses.
 */
async function readEditedComments(client: Client, ctx: SyncContext, cursor: GitHubCursor, repo: string, read: ReadonlySet<number>): Promise<void> {
  const since = cursor.commentsSince(repo);
  if (since === undefined) return;
  const [owner, name] = split(repo);
  const etag = cursor.commentsEtag(repo);
  let newest = since;
  let firstPageEtag: string | undefined;
  const stale = new Set<number>();
  for (let page = 1, more = true; more; page++) {
    const response = await ctx.call(() => orUnchanged(client.issues.listCommentsForRepo({
      owner, repo: name, sort: 'updated', direction: 'asc', since, per_page: perPage, page,
      ...(page === 1 && etag ? { headers: { 'if-none-match': etag } } : {}),
    })));
    if (response === undefined || response === 'not_modified') return;
    for (const comment of response.data) {
      if (comment.updated_at <= since) continue;
      if (comment.updated_at > newest) newest = comment.updated_at;
      const number = issueNumberOf(comment.issue_url);
      if (number !== undefined && !read.has(number)) stale.add(number);
    }
    more = hasNextPage(response.headers.link);
    if (page === 1 && !more) firstPageEtag = response.headers.etag;
  }
  const numbers = [...stale];
  for (let start = 0; start < numbers.length; start += perPage) {
    const issues = await mapConcurrent(numbers.slice(start, start + perPage), detailConcurrency, (number) => getIssue(client, ctx, repo, number));
    ctx.commit({ items: await threadsOf(client, ctx, repo, issues.filter((issue) => issue !== undefined)), cursor: cursor.snapshot() });
  }
  cursor.setCommentsSince(repo, newest, newest === since ? firstPageEtag : undefined);
  ctx.commit({ cursor: cursor.snapshot() });
}

/** The issue number of a comment's `issue_url` (…/repos/{owner}/{repo}/issues/{number}). */
function issueNumberOf(issueUrl: string): number | undefined {
  const match = /\/issues\/(\d+)$/.exec(issueUrl);
  return match ? Number(match[1]) : undefined;
}

/** One issue as listed; undefined when it is gone (404, or 410 for a deleted issue), which the next full listing sees. */
async function getIssue(client: Client, ctx: SyncContext, repo: string, number: number): Promise<IssueData | undefined> {
  const [owner, name] = split(repo);
  const response = await ctx.call(() => orMissing(client.issues.get({ owner, repo: name, issue_number: number })));
  return response && slimIssue(response.data);
}

/** The issues whose stored version is missing, older or of another comment count: only those cost detail requests. */
function wanted(ctx: SyncContext, repo: string, issues: readonly IssueData[]): IssueData[] {
  const need = new Set<string>();
  for (const kind of ['issue', 'pull_request'] as const) {
    const ofKind = issues.filter((issue) => kindOf(issue) === kind);
    const versions = ofKind.map((issue) => ({ externalId: externalIdOf(repo, issue.number), updatedAt: Date.parse(issue.updated_at), fingerprint: fingerprintOf(issue) }));
    for (const id of ctx.check(kind, versions)) need.add(id);
  }
  return issues.filter((issue) => need.has(externalIdOf(repo, issue.number)));
}

async function threadsOf(client: Client, ctx: SyncContext, repo: string, issues: readonly IssueData[]): Promise<ItemDraft[]> {
  // Mapped as each thread arrives, so its parts die young while the rest of the page loads.
  const items = await mapConcurrent(issues, detailConcurrency, async (issue) => {
    const thread = await fetchThread(client, ctx, repo, issue);
    return thread && mapThread(thread);
  });
  return items.filter((item) => item !== undefined);
}

/** A page of issues as the sync keeps it: the issues' needed fields, and the headers that steer paging. */
interface IssuePage {
  issues: IssueData[];
  link: string | undefined;
  etag: string | undefined;
}

/**
 * One page of a repository's issues and pull requests, sorted by update time.
 * `not_modified` for a 304 to a conditional request; undefined when the
 * repository is gone (404), which the next full listing turns into tombstones.
 */
async function listPage(
  client: Client, ctx: SyncContext, repo: string,
  options: { direction: 'asc' | 'desc'; page: number; since?: string; etag?: string },
): Promise<IssuePage | 'not_modified' | undefined> {
  const [owner, name] = split(repo);
  const response = await ctx.call(() => orUnchanged(client.issues.listForRepo({
    owner, repo: name, state: 'all', sort: 'updated', direction: options.direction, per_page: perPage, page: options.page,
    ...(options.since ? { since: options.since } : {}),
    ...(options.etag ? { headers: { 'if-none-match': options.etag } } : {}),
  })));
  if (typeof response !== 'object') return response;
  return { issues: response.data.map(slimIssue), link: response.headers.link, etag: response.headers.etag };
}

export const runtime: ConnectorRuntime = {
  async describeAccount(ctx) {
    const { data } = await ctx.call(() => createClient(ctx).users.getAuthenticated());
    return { id: data.login, ...(data.name ? { name: data.name } : {}), ...(data.email ? { email: data.email } : {}) };
  },
  sync,
  classify,
};
