import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Person, people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import { reply, workBody, workTitle } from '../../../src/sync/fake/text.ts';
import type { GitHubComment, GitHubIssue, GitHubPull, GitHubPullFile, GitHubRepo, GitHubReview, GitHubViewer } from '../types.ts';
import { commentObject, fileObject, githubTime, issueObject, pullObject, repoObject, reviewObject, viewerObject } from './objects.ts';

/** An issue or pull request as the fake serves it: the whole wire objects. */
export interface FakeThread {
  repo: string;
  issue: GitHubIssue;
  comments: GitHubComment[];
  pull?: FakePull;
}

export interface FakePull {
  detail: GitHubPull;
  reviews: GitHubReview[];
  files: GitHubPullFile[];
}

export interface GitHubRepoData {
  repo: GitHubRepo;
  threads: FakeThread[];
}

/** What the fake serves: the account behind the token and its repositories' issues and pull requests. */
export interface GitHubDataset {
  token: string;
  viewer: GitHubViewer;
  repos: GitHubRepoData[];
}

export interface GenerateOptions {
  /** Issues and pull requests in all. */
  issues: number;
  repos?: number;
  /** Share of pull requests; default 0.3. */
  pullShare?: number;
  seed?: number;
}

const repoNames = ['acme/api', 'acme/web', 'acme/mobile', 'acme/infra', 'acme/billing', 'acme/docs', 'acme/cli', 'acme/search'];
const labelNames = ['bug', 'enhancement', 'documentation', 'good first issue', 'priority: high', 'area: auth', 'area: billing', 'needs triage', 'flaky'];
const paths = ['src/auth/refresh.ts', 'src/billing/invoice.ts', 'src/api/routes.ts', 'web/components/Upload.tsx', 'lib/lock.ts', 'test/retry.test.ts', 'docs/api.md', 'package.json', 'migrations/0042_add_index.sql'];
const teams = ['acme/backend', 'acme/frontend', 'acme/platform'];
const end = Date.parse('2026-11-20T12:00:00Z');
const day = 86_400_000;

export const fakeToken = 'ghp_fakeToken0123456789abcdefghijklmnopq';

/** A deterministic data set: plausible repositories, people, titles, bodies, threads and reviews. */
export function generateDataset(options: GenerateOptions): GitHubDataset {
  const random = new SeededRandom(options.seed ?? 1);
  const repoCount = Math.min(options.repos ?? 3, repoNames.length);
  const team = people.slice(0, 24);
  const repos = repoNames.slice(0, repoCount).map((name, index) => ({
    repo: repoObject(name, githubTime(end - (900 - index * 40) * day), githubTime(end - index * day)), threads: [] as FakeThread[],
  }));
  const perRepo = repos.map((_, index) => Math.floor(options.issues / repoCount) + (index < options.issues % repoCount ? 1 : 0));
  repos.forEach((data, index) => {
    const created = Array.from({ length: perRepo[index]! }, () => end - random.next() * 700 * day).sort((a, b) => a - b);
    data.threads = created.map((at, i) => thread(random, team, data.repo.full_name, i + 1, at, options.pullShare ?? 0.3));
  });
  return { token: fakeToken, viewer: viewerObject(people[0]!, githubTime(end - 2000 * day)), repos };
}

function thread(random: SeededRandom, team: readonly Person[], repo: string, number: number, createdMs: number, pullShare: number): FakeThread {
  const isPull = random.chance(pullShare);
  const updatedMs = createdMs + random.next() * (end - createdMs);
  const author = random.pick(team).login;
  const commentCount = random.chance(0.45) ? 0 : random.chance(0.7) ? random.int(1, 3) : random.int(4, 12);
  const comments: GitHubComment[] = Array.from({ length: commentCount }, (_, i) => commentObject(
    repo, number, i, random.pick(team).login, reply(random, team), githubTime(createdMs + ((updatedMs - createdMs) * (i + 1)) / commentCount),
  ));
  const merged = isPull && random.chance(0.55);
  const closed = merged || random.chance(isPull ? 0.15 : 0.5);
  const issue = issueObject({
    repo, number, title: workTitle(random), body: workBody(random, team), author,
    assignees: random.some(team, 2).map((person) => person.login), labels: random.some(labelNames, 3),
    state: closed ? 'closed' : 'open', createdAt: githubTime(createdMs), updatedAt: githubTime(updatedMs),
    closedAt: closed ? githubTime(updatedMs) : null, comments: commentCount,
    ...(isPull ? { pull: { draft: !closed && random.chance(0.15), mergedAt: merged ? githubTime(updatedMs) : null } } : {}),
  });
  if (!isPull) return { repo, issue, comments };
  return { repo, issue, comments, pull: pullDetails(random, team, repo, issue) };
}

function pullDetails(random: SeededRandom, team: readonly Person[], repo: string, issue: GitHubIssue): FakePull {
  const files: GitHubPullFile[] = random.some(paths, 6).map((path) => fileObject(repo, path, random.pick(['modified', 'modified', 'added', 'removed'] as const), random.int(1, 120), random.int(0, 60)));
  const reviewers = random.some(team.filter((person) => person.login !== issue.user?.login), 3);
  const reviews = reviewers.map((person, i) => reviewObject(
    repo, issue.number, i, person.login, random.pick(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED']), random.chance(0.5) ? reply(random, team) : '', issue.updated_at,
  ));
  const open = issue.state === 'open';
  const detail = pullObject({
    issue, repo, head: `fix/${issue.number}-${issue.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 30)}`,
    requestedReviewers: open ? random.some(team, 2).map((person) => person.login) : [],
    requestedTeams: open && random.chance(0.3) ? [random.pick(teams).split('/')[1]!] : [],
    additions: files.reduce((sum, file) => sum + file.additions, 0), deletions: files.reduce((sum, file) => sum + file.deletions, 0), changedFiles: files.length,
  });
  return { detail, reviews, files };
}

/**
 * The small data set in `fixtures/`, raw API JSON, one file per endpoint page:
 * `user.json`, `repos.json`, `issues.<owner>.<repo>.json`, and per number
 * `comments.<owner>.<repo>.<n>.json`, `pull.…`, `reviews.…`, `files.…`.
 */
export function fixtureDataset(dir = join(import.meta.dirname, '..', 'fixtures')): GitHubDataset {
  const read = <T>(name: string, fallback?: T): T => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
    } catch (error) {
      if (fallback !== undefined) return fallback;
      throw error;
    }
  };
  const files = new Set(readdirSync(dir));
  const repos = read<GitHubRepo[]>('repos.json').map((repo) => {
    const key = repo.full_name.replace('/', '.');
    const threads = read<GitHubIssue[]>(`issues.${key}.json`).map((issue): FakeThread => {
      const suffix = `${key}.${issue.number}.json`;
      const comments = read<GitHubComment[]>(`comments.${suffix}`, []);
      if (!files.has(`pull.${suffix}`)) return { repo: repo.full_name, issue, comments };
      return { repo: repo.full_name, issue, comments, pull: { detail: read(`pull.${suffix}`), reviews: read(`reviews.${suffix}`, []), files: read(`files.${suffix}`, []) } };
    });
    return { repo, threads };
  });
  return { token: fakeToken, viewer: read('user.json'), repos };
}
