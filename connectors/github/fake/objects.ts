import { createHash } from 'node:crypto';
import type { Person } from '../../../src/sync/fake/people.ts';
import type { GitHubComment, GitHubIssue, GitHubPull, GitHubPullFile, GitHubRepo, GitHubReview, GitHubViewer } from '../types.ts';

/**
 * Builders of GitHub REST objects in their wire shape (api.github.com URLs,
 * node ids, timestamps to the second), for the fake and its fixtures.
 */
const api = 'https://api.github.com';
const web = 'https://github.com';

type SimpleUser = NonNullable<GitHubIssue['user']>;

export function numericId(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0) % 900_000_000 + 1_000_000;
}

const nodeId = (prefix: string, id: number) => `${prefix}_${Buffer.from(`${prefix}${id}`).toString('base64url')}`;

/** GitHub's timestamps: ISO 8601 to the second, `Z`. */
export function githubTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function userObject(login: string): SimpleUser {
  const id = numericId(`user:${login}`);
  const url = `${api}/users/${login}`;
  return {
    login, id, node_id: nodeId('U', id), avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: '',
    url, html_url: `${web}/${login}`, followers_url: `${url}/followers`, following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`, starred_url: `${url}/starred{/owner}{/repo}`, subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`, repos_url: `${url}/repos`, events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`, type: 'User', user_view_type: 'public', site_admin: false,
  };
}

export function viewerObject(person: Person, createdAt: string): GitHubViewer {
  return {
    ...userObject(person.login), name: person.name, email: person.email, company: 'Acme', blog: '', location: null, hireable: null,
    bio: null, twitter_username: null, public_repos: 4, public_gists: 0, followers: 12, following: 3, created_at: createdAt, updated_at: createdAt,
  };
}

const labelColors: Record<string, string> = { bug: 'd73a4a', enhancement: 'a2eeef', documentation: '0075ca', 'good first issue': '7057ff' };

export function labelObject(repo: string, name: string): GitHubIssue['labels'][number] {
  const id = numericId(`label:${repo}:${name}`);
  return {
    id, node_id: nodeId('LA', id), url: `${api}/repos/${repo}/labels/${encodeURIComponent(name)}`, name,
    color: labelColors[name] ?? 'ededed', default: name in labelColors, description: null,
  };
}

export function repoObject(fullName: string, createdAt: string, pushedAt: string): GitHubRepo {
  const [owner = '', name = ''] = fullName.split('/');
  const id = numericId(`repo:${fullName}`);
  const url = `${api}/repos/${fullName}`;
  // The listing shape carries ~90 fields; these are the ones clients read, with the real URLs and types.
  return {
    id, node_id: nodeId('R', id), name, full_name: fullName, private: true, owner: userObject(owner), html_url: `${web}/${fullName}`,
    description: `The ${name} service`, fork: false, url, issues_url: `${url}/issues{/number}`, pulls_url: `${url}/pulls{/number}`,
    created_at: createdAt, updated_at: pushedAt, pushed_at: pushedAt, default_branch: 'main', visibility: 'private',
    open_issues_count: 0, has_issues: true, archived: false, disabled: false,
  } as GitHubRepo;
}

export interface IssueInput {
  repo: string;
  number: number;
  title: string;
  body: string;
  author: string;
  assignees: string[];
  labels: string[];
  state: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  comments: number;
  pull?: { draft: boolean; mergedAt: string | null };
}

export function issueObject(input: IssueInput): GitHubIssue {
  const { repo, number } = input;
  const id = numericId(`issue:${repo}#${number}`);
  const url = `${api}/repos/${repo}/issues/${number}`;
  const assignees = input.assignees.map(userObject);
  return {
    url, repository_url: `${api}/repos/${repo}`, labels_url: `${url}/labels{/name}`, comments_url: `${url}/comments`,
    events_url: `${url}/events`, html_url: `${web}/${repo}/${input.pull ? 'pull' : 'issues'}/${number}`, id, node_id: nodeId(input.pull ? 'PR' : 'I', id),
    number, title: input.title, user: userObject(input.author), labels: input.labels.map((label) => labelObject(repo, label)),
    state: input.state, locked: false, assignee: assignees[0] ?? null, assignees, milestone: null, comments: input.comments,
    created_at: input.createdAt, updated_at: input.updatedAt, closed_at: input.closedAt, author_association: 'MEMBER',
    active_lock_reason: null, body: input.body, timeline_url: `${url}/timeline`, performed_via_github_app: null,
    state_reason: input.state === 'closed' ? 'completed' : null,
    ...(input.pull
      ? {
          draft: input.pull.draft,
          pull_request: {
            url: `${api}/repos/${repo}/pulls/${number}`, html_url: `${web}/${repo}/pull/${number}`,
            diff_url: `${web}/${repo}/pull/${number}.diff`, patch_url: `${web}/${repo}/pull/${number}.patch`, merged_at: input.pull.mergedAt,
          },
        }
      : {}),
  };
}

export function commentObject(repo: string, issueNumber: number, index: number, author: string, body: string, at: string): GitHubComment {
  const id = numericId(`comment:${repo}#${issueNumber}:${index}`);
  return {
    id, node_id: nodeId('IC', id), url: `${api}/repos/${repo}/issues/comments/${id}`, html_url: `${web}/${repo}/issues/${issueNumber}#issuecomment-${id}`,
    body, user: userObject(author), created_at: at, updated_at: at, issue_url: `${api}/repos/${repo}/issues/${issueNumber}`,
    author_association: 'MEMBER', performed_via_github_app: null,
  };
}

export interface PullInput {
  issue: GitHubIssue;
  repo: string;
  head: string;
  requestedReviewers: string[];
  requestedTeams: string[];
  additions: number;
  deletions: number;
  changedFiles: number;
}

export function pullObject(input: PullInput): GitHubPull {
  const { issue, repo } = input;
  const url = `${api}/repos/${repo}/pulls/${issue.number}`;
  const mergedAt = issue.pull_request?.merged_at ?? null;
  const ref = (name: string) => ({ label: `${repo.split('/')[0]}:${name}`, ref: name, sha: createHash('sha1').update(`${repo}${name}${issue.number}`).digest('hex'), user: issue.user, repo: null });
  // The detail shape repeats head/base repositories in full; clients read the refs, counts and review requests.
  return {
    url, id: issue.id, node_id: issue.node_id, html_url: `${web}/${repo}/pull/${issue.number}`, diff_url: `${web}/${repo}/pull/${issue.number}.diff`,
    patch_url: `${web}/${repo}/pull/${issue.number}.patch`, issue_url: issue.url, commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`, review_comment_url: `${api}/repos/${repo}/pulls/comments{/number}`, comments_url: issue.comments_url,
    statuses_url: `${api}/repos/${repo}/statuses/${ref(input.head).sha}`, number: issue.number, state: issue.state, locked: false,
    title: issue.title, user: issue.user, body: issue.body, labels: issue.labels, milestone: null, active_lock_reason: null,
    created_at: issue.created_at, updated_at: issue.updated_at, closed_at: issue.closed_at, merged_at: mergedAt,
    merge_commit_sha: mergedAt ? ref('merge').sha : null, assignee: issue.assignee, assignees: issue.assignees,
    requested_reviewers: input.requestedReviewers.map(userObject),
    requested_teams: input.requestedTeams.map((slug) => ({ id: numericId(`team:${slug}`), node_id: nodeId('T', numericId(`team:${slug}`)), name: slug, slug, description: null, privacy: 'closed', permission: 'pull', url: `${api}/teams/${slug}`, html_url: `${web}/orgs/acme/teams/${slug}`, members_url: `${api}/teams/${slug}/members{/member}`, repositories_url: `${api}/teams/${slug}/repos`, parent: null })),
    head: ref(input.head), base: ref('main'), draft: Boolean(issue.draft), merged: mergedAt !== null, mergeable: issue.state === 'open' ? true : null,
    rebaseable: null, mergeable_state: 'clean', merged_by: null, comments: issue.comments, review_comments: 0, maintainer_can_modify: false,
    commits: Math.max(1, Math.ceil(input.changedFiles / 2)), additions: input.additions, deletions: input.deletions, changed_files: input.changedFiles,
    author_association: 'MEMBER', auto_merge: null,
  } as unknown as GitHubPull;
}

export function reviewObject(repo: string, number: number, index: number, author: string, state: string, body: string, at: string): GitHubReview {
  const id = numericId(`review:${repo}#${number}:${index}`);
  return {
    id, node_id: nodeId('PRR', id), user: userObject(author), body, state, html_url: `${web}/${repo}/pull/${number}#pullrequestreview-${id}`,
    pull_request_url: `${api}/repos/${repo}/pulls/${number}`,
    _links: { html: { href: `${web}/${repo}/pull/${number}#pullrequestreview-${id}` }, pull_request: { href: `${api}/repos/${repo}/pulls/${number}` } },
    submitted_at: at, commit_id: createHash('sha1').update(`${repo}${number}${index}`).digest('hex'), author_association: 'MEMBER',
  };
}

export function fileObject(repo: string, filename: string, status: GitHubPullFile['status'], additions: number, deletions: number): GitHubPullFile {
  const sha = createHash('sha1').update(`${repo}:${filename}`).digest('hex');
  return {
    sha, filename, status, additions, deletions, changes: additions + deletions,
    blob_url: `${web}/${repo}/blob/${sha}/${filename}`, raw_url: `${web}/${repo}/raw/${sha}/${filename}`,
    contents_url: `${api}/repos/${repo}/contents/${filename}?ref=${sha}`, patch: `@@ -1,${deletions} +1,${additions} @@`,
  };
}
