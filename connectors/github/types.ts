import type { RestEndpointMethodTypes } from '@octokit/rest';

/** Provider objects, as the SDK's types record GitHub's REST wire format. */
export type GitHubIssue = RestEndpointMethodTypes['issues']['listForRepo']['response']['data'][number];
export type GitHubComment = RestEndpointMethodTypes['issues']['listComments']['response']['data'][number];
export type GitHubPull = RestEndpointMethodTypes['pulls']['get']['response']['data'];
export type GitHubReview = RestEndpointMethodTypes['pulls']['listReviews']['response']['data'][number];
export type GitHubPullFile = RestEndpointMethodTypes['pulls']['listFiles']['response']['data'][number];
export type GitHubRepo = RestEndpointMethodTypes['repos']['listForAuthenticatedUser']['response']['data'][number];
export type GitHubViewer = RestEndpointMethodTypes['users']['getAuthenticated']['response']['data'];

type Login = { login: string };

/**
 * What a file needs of each object: subsets of the wire shapes above. A sync
 * copies them out of each response at once, so the large parsed pages die
 * young instead of filling the heap across the page's detail requests.
 */
export interface IssueData extends Pick<GitHubIssue, 'number' | 'title' | 'body' | 'state' | 'created_at' | 'updated_at' | 'closed_at' | 'html_url' | 'comments' | 'draft'> {
  user: Login | null;
  assignees?: Login[] | null;
  labels: (string | { name?: string })[];
  pull_request?: { merged_at?: string | null };
}

export interface CommentData extends Pick<GitHubComment, 'body' | 'created_at'> {
  user: Login | null;
}

export interface ReviewData extends Pick<GitHubReview, 'state' | 'body' | 'submitted_at'> {
  user: Login | null;
}

export type FileData = Pick<GitHubPullFile, 'filename' | 'status' | 'additions' | 'deletions'>;

export interface PullData extends Pick<GitHubPull, 'changed_files' | 'additions' | 'deletions' | 'merged_at' | 'draft'> {
  head: { ref: string };
  base: { ref: string };
  requested_reviewers?: Login[] | null;
  requested_teams?: { slug: string }[] | null;
}

export interface PullDetails {
  detail: PullData;
  reviews: ReviewData[];
  files: FileData[];
}

/** Everything one file is made of: an issue or pull request with its comments (and, for a PR, its review data). */
export interface GitHubThread {
  /** `owner/name`. */
  repo: string;
  issue: IssueData;
  comments: CommentData[];
  pull?: PullDetails;
}
