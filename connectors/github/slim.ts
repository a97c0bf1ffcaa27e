import type { CommentData, FileData, GitHubComment, GitHubIssue, GitHubPull, GitHubPullFile, GitHubReview, IssueData, PullData, ReviewData } from './types.ts';

/** Pure copies of the fields a file needs (see `types.ts`), taken as each response arrives. */
const login = (user: { login: string } | null | undefined) => (user ? { login: user.login } : null);

export function slimIssue(issue: GitHubIssue): IssueData {
  return {
    number: issue.number, title: issue.title, body: issue.body, state: issue.state, created_at: issue.created_at, updated_at: issue.updated_at,
    closed_at: issue.closed_at, html_url: issue.html_url, comments: issue.comments, draft: issue.draft, user: login(issue.user),
    assignees: (issue.assignees ?? []).map((user) => ({ login: user.login })),
    labels: issue.labels.map((label) => (typeof label === 'string' ? label : { name: label.name })),
    ...(issue.pull_request ? { pull_request: { merged_at: issue.pull_request.merged_at } } : {}),
  };
}

export function slimComment(comment: GitHubComment): CommentData {
  return { body: comment.body, created_at: comment.created_at, user: login(comment.user) };
}

export function slimReview(review: GitHubReview): ReviewData {
  return { state: review.state, body: review.body, submitted_at: review.submitted_at, user: login(review.user) };
}

export function slimFile(file: GitHubPullFile): FileData {
  return { filename: file.filename, status: file.status, additions: file.additions, deletions: file.deletions };
}

export function slimPull(pull: GitHubPull): PullData {
  return {
    changed_files: pull.changed_files, additions: pull.additions, deletions: pull.deletions, merged_at: pull.merged_at, draft: pull.draft,
    head: { ref: pull.head.ref }, base: { ref: pull.base.ref },
    requested_reviewers: (pull.requested_reviewers ?? []).map((user) => ({ login: user.login })),
    requested_teams: (pull.requested_teams ?? []).map((team) => ({ slug: team.slug })),
  };
}
