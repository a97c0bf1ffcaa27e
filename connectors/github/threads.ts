import type { SyncContext } from '../../src/sync/connector.ts';
import type { createClient } from './client.ts';
import { allPages, orMissing, perPage, split } from './pages.ts';
import { slimComment, slimFile, slimPull, slimReview } from './slim.ts';
import type { GitHubThread, IssueData } from './types.ts';

type Client = ReturnType<typeof createClient>;

/**
 * What one file needs beyond the listed issue: its comments (when it has any)
 * and, for a pull request, its details, reviews and changed files. Undefined
 * when the issue vanished meanwhile.
 */
export async function fetchThread(client: Client, ctx: SyncContext, repo: string, issue: IssueData): Promise<GitHubThread | undefined> {
  const [owner, name] = split(repo);
  const number = issue.number;
  const comments = issue.comments > 0
    ? await allPages(ctx, (page) => client.issues.listComments({ owner, repo: name, issue_number: number, per_page: perPage, page }), slimComment)
    : [];
  if (!comments) return undefined;
  if (!issue.pull_request) return { repo, issue, comments };
  const detail = await ctx.call(() => orMissing(client.pulls.get({ owner, repo: name, pull_number: number })));
  const reviews = detail && (await allPages(ctx, (page) => client.pulls.listReviews({ owner, repo: name, pull_number: number, per_page: perPage, page }), slimReview));
  const files = reviews && (await allPages(ctx, (page) => client.pulls.listFiles({ owner, repo: name, pull_number: number, per_page: perPage, page }), slimFile));
  if (!detail || !reviews || !files) return undefined;
  return { repo, issue, comments, pull: { detail: slimPull(detail.data), reviews, files } };
}
