import type { RenderedItem } from '../../src/sync/connector.ts';
import { renderThread } from './render.ts';
import type { GitHubThread, IssueData } from './types.ts';

export type GitHubKind = 'issue' | 'pull_request';

/** The stable id of an issue or pull request: repository and number (numbers are per repository). */
export function externalIdOf(repo: string, number: number): string {
  return `${repo}#${number}`;
}

export function kindOf(issue: { pull_request?: unknown }): GitHubKind {
  return issue.pull_request ? 'pull_request' : 'issue';
}

/** The metadata guidance filters on; keys are the fields `index.ts` declares. */
export interface GitHubMetadata {
  repo: string;
  number: number;
  state: 'open' | 'closed' | 'merged';
  author: string | null;
  assignee: string[];
  reviewer: string[];
  review_requested: string[];
  labels: string[];
  draft: boolean;
  mentions: string[];
  created: string;
  updated: string;
}

const mention = /(?:^|[^\w`])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/g;

function mentionsIn(texts: readonly (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const match of (text ?? '').matchAll(mention)) found.add(match[1]!);
  return [...found].sort();
}

export function metadataOf(thread: GitHubThread): GitHubMetadata {
  const { issue, pull } = thread;
  const merged = Boolean(pull?.detail.merged_at ?? issue.pull_request?.merged_at);
  const labels = issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean);
  const reviewers = new Set((pull?.reviews ?? []).map((review) => review.user?.login).filter((login): login is string => Boolean(login)));
  const requested = [
    ...(pull?.detail.requested_reviewers ?? []).map((user) => user.login),
    ...(pull?.detail.requested_teams ?? []).map((team) => team.slug),
  ];
  return {
    repo: thread.repo,
    number: issue.number,
    state: merged ? 'merged' : issue.state === 'closed' ? 'closed' : 'open',
    author: issue.user?.login ?? null,
    assignee: (issue.assignees ?? []).map((user) => user.login),
    reviewer: [...reviewers].sort(),
    review_requested: requested,
    labels,
    draft: Boolean(pull?.detail.draft ?? issue.draft),
    mentions: mentionsIn([issue.body, ...thread.comments.map((comment) => comment.body)]),
    created: issue.created_at,
    updated: issue.updated_at,
  };
}

/** Issue or pull request → the item the store keeps: ids, text to search, metadata, rendered file. */
export function mapThread(thread: GitHubThread): RenderedItem {
  const { issue } = thread;
  const metadata = metadataOf(thread);
  const { fileName, content } = renderThread(thread, metadata);
  return {
    kind: kindOf(issue),
    externalId: externalIdOf(thread.repo, issue.number),
    title: issue.title,
    fileName,
    body: [issue.body ?? '', ...thread.comments.map((comment) => comment.body ?? '')].join('\n\n'),
    metadata: { ...metadata },
    content,
    createdAt: Date.parse(issue.created_at),
    updatedAt: Date.parse(issue.updated_at),
    fingerprint: fingerprintOf(issue),
  };
}

/**
 * The comment count as listed: deleting a comment lowers it but leaves the
 * issue's `updated_at` alone, so a full listing that sees another count reads
 * the issue again.
 */
export function fingerprintOf(issue: Pick<IssueData, 'comments'>): string {
  return String(issue.comments);
}
