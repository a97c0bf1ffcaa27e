import { createHash } from 'node:crypto';
import { type Fault, type FakeReply, type FakeRequest, type FakeRoute, FakeProvider } from '../../../src/sync/fake/server.ts';
import type { GitHubIssue, GitHubRepo, GitHubViewer } from '../types.ts';
import type { FakeThread, GitHubDataset } from './dataset.ts';
import { commentObject, githubTime, issueObject } from './objects.ts';

interface RepoState {
  repo: GitHubRepo;
  threads: Map<number, FakeThread>;
  /** Threads by update time, oldest first; rebuilt after a change. */
  sorted: FakeThread[] | undefined;
}

const repoPath = '/repos/([^/]+/[^/]+)';

/**
 * GitHub's REST API as Octokit uses it for a sync: the user, repository
 * listings, issues (with `state`, `sort=updated`, `direction`, `since`,
 * `per_page`/`page` and Link headers), one issue, comments (of an issue, or of
 * a whole repository with `sort`, `direction` and `since`), pull requests with
 * reviews and files. Lists carry ETags and answer 304 to a matching
 * If-None-Match; every answer carries the x-ratelimit headers. Edits move a
 * clock forward a second at a time, as GitHub's timestamps do. A new comment
 * moves its issue's `updated_at`; an edited one moves only its own, which is
 * what sync tools against GitHub have found (and the case a sync must not miss).
 * A deleted comment lowers its issue's `comments` count and moves nothing: the
 * harder of the two cases, since GitHub does not document which it is.
 */
export class GitHubFake extends FakeProvider {
  readonly #repos = new Map<string, RepoState>();
  readonly #token: string;
  readonly #viewer: GitHubViewer;
  #clock: number;

  constructor(dataset: GitHubDataset) {
    super();
    this.#token = dataset.token;
    this.#viewer = dataset.viewer;
    let latest = 0;
    for (const { repo, threads } of dataset.repos) {
      this.#repos.set(repo.full_name, { repo, threads: new Map(threads.map((thread) => [thread.issue.number, thread])), sorted: undefined });
      for (const thread of threads) latest = Math.max(latest, Date.parse(thread.issue.updated_at));
    }
    this.#clock = Math.max(latest, Date.parse('2026-11-20T12:00:00Z')) + 60_000;
  }

  /** Every thread the fake holds now. */
  threads(): FakeThread[] {
    return [...this.#repos.values()].flatMap((state) => [...state.threads.values()]);
  }

  thread(repo: string, number: number): FakeThread | undefined {
    return this.#repos.get(repo)?.threads.get(number);
  }

  editIssue(repo: string, number: number, change: Partial<Pick<GitHubIssue, 'title' | 'body' | 'state'>>): void {
    const thread = this.#require(repo, number);
    thread.issue = { ...thread.issue, ...change, updated_at: this.#tick() };
    this.#touched(repo);
  }

  addIssue(repo: string, input: { title: string; body: string; author: string }): number {
    const state = this.#repos.get(repo)!;
    const number = Math.max(0, ...state.threads.keys()) + 1;
    const at = this.#tick();
    const issue = issueObject({ repo, number, ...input, assignees: [], labels: [], state: 'open', createdAt: at, updatedAt: at, closedAt: null, comments: 0 });
    state.threads.set(number, { repo, issue, comments: [] });
    this.#touched(repo);
    return number;
  }

  addComment(repo: string, number: number, author: string, body: string): void {
    const thread = this.#require(repo, number);
    const at = this.#tick();
    thread.comments = [...thread.comments, commentObject(repo, number, thread.comments.length + 1000, author, body, at)];
    thread.issue = { ...thread.issue, comments: thread.comments.length, updated_at: at };
    this.#touched(repo);
  }

  /** Rewrites the `index`th comment of an issue (0 the oldest). */
  editComment(repo: string, number: number, index: number, body: string): void {
    const thread = this.#require(repo, number);
    const comment = thread.comments[index];
    if (!comment) throw new Error(`no comment ${index} on ${repo}#${number} in the fake`);
    thread.comments = thread.comments.with(index, { ...comment, body, updated_at: this.#tick() });
  }

  /** Deletes the `index`th comment of an issue (0 the oldest). */
  deleteComment(repo: string, number: number, index: number): void {
    const thread = this.#require(repo, number);
    if (!thread.comments[index]) throw new Error(`no comment ${index} on ${repo}#${number} in the fake`);
    thread.comments = thread.comments.toSpliced(index, 1);
    thread.issue = { ...thread.issue, comments: thread.comments.length };
  }

  deleteIssue(repo: string, number: number): void {
    this.#repos.get(repo)?.threads.delete(number);
    this.#touched(repo);
  }

  protected override routes(): readonly FakeRoute[] {
    return [
      { method: 'GET', name: 'users.getAuthenticated', pattern: /^\/user$/, handle: () => ({ status: 200, json: this.#viewer }) },
      { method: 'GET', name: 'repos.listForAuthenticatedUser', pattern: /^\/user\/repos$/, handle: (request) => this.#listRepos(request, () => true) },
      {
        method: 'GET', name: 'repos.listForOrg', pattern: /^\/orgs\/([^/]+)\/repos$/,
        handle: (request, [org]) => this.#listRepos(request, (repo) => repo.full_name.startsWith(`${org}/`)),
      },
      { method: 'GET', name: 'issues.listForRepo', pattern: new RegExp(`^${repoPath}/issues$`), handle: (request, [repo]) => this.#listIssues(request, repo!) },
      {
        method: 'GET', name: 'issues.get', pattern: new RegExp(`^${repoPath}/issues/(\\d+)$`),
        handle: (_request, [repo, number]) => this.#withThread(repo!, number!, (thread) => ({ status: 200, headers: this.#rateHeaders(4999), json: thread.issue })),
      },
      {
        method: 'GET', name: 'issues.listCommentsForRepo', pattern: new RegExp(`^${repoPath}/issues/comments$`),
        handle: (request, [repo]) => this.#listRepoComments(request, repo!),
      },
      {
        method: 'GET', name: 'issues.listComments', pattern: new RegExp(`^${repoPath}/issues/(\\d+)/comments$`),
        handle: (request, [repo, number]) => this.#withThread(repo!, number!, (thread) => this.#page(request, thread.comments)),
      },
      {
        method: 'GET', name: 'pulls.get', pattern: new RegExp(`^${repoPath}/pulls/(\\d+)$`),
        handle: (_request, [repo, number]) => this.#withPull(repo!, number!, (pull) => ({ status: 200, json: pull.detail })),
      },
      {
        method: 'GET', name: 'pulls.listReviews', pattern: new RegExp(`^${repoPath}/pulls/(\\d+)/reviews$`),
        handle: (request, [repo, number]) => this.#withPull(repo!, number!, (pull) => this.#page(request, pull.reviews)),
      },
      {
        method: 'GET', name: 'pulls.listFiles', pattern: new RegExp(`^${repoPath}/pulls/(\\d+)/files$`),
        handle: (request, [repo, number]) => this.#withPull(repo!, number!, (pull) => this.#page(request, pull.files)),
      },
    ];
  }

  protected override authorized(request: FakeRequest): boolean {
    const header = request.headers.authorization ?? '';
    return header === `token ${this.#token}` || header === `Bearer ${this.#token}`;
  }

  protected override unauthorized(): FakeReply {
    return { status: 401, json: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
  }

  protected override faultReply(fault: Fault): FakeReply {
    if (fault.status === 429) {
      return {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfter ?? 60), ...this.#rateHeaders(0) },
        json: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '429' },
      };
    }
    return { status: fault.status, json: { message: 'Server Error' } };
  }

  #listRepos(request: FakeRequest, include: (repo: GitHubRepo) => boolean): FakeReply {
    const repos = [...this.#repos.values()].map((state) => state.repo).filter(include).sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
    return this.#conditional(request, this.#page(request, repos));
  }

  #listIssues(request: FakeRequest, repo: string): FakeReply {
    const state = this.#repos.get(repo);
    if (!state) return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#list-repository-issues', status: '404' } };
    const { query } = request;
    state.sorted ??= [...state.threads.values()].sort((a, b) => a.issue.updated_at.localeCompare(b.issue.updated_at) || a.issue.number - b.issue.number);
    let threads = state.sorted;
    const since = query.get('since');
    if (since) {
      const from = githubTime(Date.parse(since));
      threads = threads.slice(lowerBound(threads, from));
    }
    const wanted = query.get('state') ?? 'open';
    if (wanted !== 'all') threads = threads.filter((thread) => thread.issue.state === wanted);
    if (query.get('sort') === 'created') threads = threads.toSorted((a, b) => a.issue.created_at.localeCompare(b.issue.created_at));
    if ((query.get('direction') ?? 'desc') === 'desc') threads = threads.toReversed();
    return this.#conditional(request, this.#page(request, threads, (thread) => thread.issue));
  }

  /** By ascending id unless `sort` (created or updated) is given, then by `direction` (desc unless asc). */
  #listRepoComments(request: FakeRequest, repo: string): FakeReply {
    const state = this.#repos.get(repo);
    if (!state) return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/comments#list-issue-comments-for-a-repository', status: '404' } };
    const { query } = request;
    const since = query.get('since');
    const from = since ? githubTime(Date.parse(since)) : '';
    let comments = [...state.threads.values()].flatMap((thread) => thread.comments).filter((comment) => comment.updated_at >= from);
    const sort = query.get('sort');
    if (sort === 'created' || sort === 'updated') {
      const field = sort === 'created' ? 'created_at' : 'updated_at';
      const sign = query.get('direction') === 'asc' ? 1 : -1;
      comments.sort((a, b) => sign * (a[field].localeCompare(b[field]) || a.id - b.id));
    } else {
      comments = comments.toSorted((a, b) => a.id - b.id);
    }
    return this.#conditional(request, this.#page(request, comments));
  }

  #page<T, R = T>(request: FakeRequest, all: readonly T[], shape: (value: T) => R = (value) => value as unknown as R): FakeReply {
    const perPage = Math.min(100, Number(request.query.get('per_page') ?? 30));
    const page = Math.max(1, Number(request.query.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (n: number) => {
      const query = new URLSearchParams(request.query);
      query.set('page', String(n));
      return `<${this.url}${request.path}?${query}>`;
    };
    const links = [];
    if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
    return {
      status: 200,
      headers: { ...this.#rateHeaders(4999), ...(links.length > 0 ? { link: links.join(', ') } : {}) },
      json: all.slice((page - 1) * perPage, page * perPage).map(shape),
    };
  }

  /** A weak ETag of the body; a request that presents it gets 304 and no body, as on GitHub. */
  #conditional(request: FakeRequest, reply: FakeReply): FakeReply {
    const etag = `W/"${createHash('sha1').update(JSON.stringify(reply.json)).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) return { status: 304, headers: { etag, ...this.#rateHeaders(4999) } };
    return { ...reply, headers: { ...reply.headers, etag } };
  }

  #withThread(repo: string, number: string, answer: (thread: FakeThread) => FakeReply): FakeReply {
    const thread = this.#repos.get(repo)?.threads.get(Number(number));
    return thread ? answer(thread) : { status: 404, json: { message: 'Not Found', status: '404' } };
  }

  #withPull(repo: string, number: string, answer: (pull: NonNullable<FakeThread['pull']>) => FakeReply): FakeReply {
    return this.#withThread(repo, number, (thread) => (thread.pull ? answer(thread.pull) : { status: 404, json: { message: 'Not Found', status: '404' } }));
  }

  #rateHeaders(remaining: number): Record<string, string> {
    return {
      'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), 'x-ratelimit-resource': 'core',
    };
  }

  #require(repo: string, number: number): FakeThread {
    const thread = this.thread(repo, number);
    if (!thread) throw new Error(`no issue ${repo}#${number} in the fake`);
    return thread;
  }

  #tick(): string {
    this.#clock += 1000;
    return githubTime(this.#clock);
  }

  #touched(repo: string): void {
    const state = this.#repos.get(repo);
    if (state) state.sorted = undefined;
  }
}

/** Index of the first thread updated at or after `time` in a list sorted by update time. */
function lowerBound(threads: readonly FakeThread[], time: string): number {
  let low = 0;
  let high = threads.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (threads[middle]!.issue.updated_at < time) low = middle + 1;
    else high = middle;
  }
  return low;
}
