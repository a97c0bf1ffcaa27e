import type { RestEndpointMethodTypes } from '@octokit/rest';

/** Provider objects, as the SDK's types record GitHub's REST wire format. */
export type GitHubIssue = RestEndpointMethodTypes['issues']['listForRepo']['response']['data'][number];
export type GitHubComment = RestEndpointMethodTypes['issues']['listComments']['response']['data'][number];
export type GitHubPull = RestEndpointMethodTypes['pulls']['get']['response']['data'];
export type GitHubReview = RestEndpointMethodTypes['pulls']['listReviews']['response']['data'][number];
export type GitHubPullFile = RestEndpointMethodTypes['pulls']['listFiles']['response']['data'][number];
export type GitHubRepo = RestEndpointMethodTypes['repos']['listForAuthenticatedUser']['response']['data'][number];
export type GitHubViewer = RestEndpointMethodTypes['users']['getAuthenticated']['response']['data'];

export interface PullDetails {
  detail: GitHubPull;
  reviews: GitHubReview[];
  files: GitHubPullFile[];
}

/** Everything one file is made of: an issue or pull request with its comments (and, for a PR, its review data). */
export interface GitHubThread {
  /** `owner/name`. */
  repo: string;
  issue: GitHubIssue;
  comments: GitHubComment[];
  pull?: PullDetails;
}
