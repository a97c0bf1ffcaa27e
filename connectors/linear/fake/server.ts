import { type GraphQLSchema, buildSchema, graphql, graphqlSync } from 'graphql';
import { type Fault, type FakeReply, type FakeRequest, type FakeRoute, FakeProvider } from '../../../src/sync/fake/server.ts';
import type { CommentRecord, IssueRecord, LinearDataset, UserRecord } from './dataset.ts';
import { uuidOf } from './dataset.ts';
import { schemaSource } from './schema.ts';

const priorityLabels = ['No priority', 'Urgent', 'High', 'Medium', 'Low'];

interface DateComparator {
  eq?: string;
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

interface IdComparator {
  eq?: string;
  in?: string[];
  neq?: string;
  nin?: string[];
}

interface IssueFilter {
  id?: IdComparator;
  updatedAt?: DateComparator;
  createdAt?: DateComparator;
  and?: IssueFilter[];
  or?: IssueFilter[];
}

interface PageArgs {
  first?: number;
  after?: string;
}

/** A Relay connection over a list, cursors being positions (nested lists: labels, comments). */
function listConnection<T>(all: readonly T[], args: PageArgs) {
  const start = args.after ? Number(Buffer.from(args.after, 'base64url').toString()) + 1 : 0;
  const nodes = all.slice(start, start + (args.first ?? 50));
  const end = start + nodes.length - 1;
  return {
    nodes,
    pageInfo: {
      hasNextPage: start + nodes.length < all.length, hasPreviousPage: start > 0,
      startCursor: nodes.length ? Buffer.from(String(start)).toString('base64url') : null,
      endCursor: nodes.length ? Buffer.from(String(end)).toString('base64url') : null,
    },
  };
}

function compareDate(value: string, comparator: DateComparator | undefined): boolean {
  if (!comparator) return true;
  const at = Date.parse(value);
  const bound = (key: keyof DateComparator) => Date.parse(comparator[key]!);
  return (comparator.eq === undefined || at === bound('eq')) && (comparator.gt === undefined || at > bound('gt'))
    && (comparator.gte === undefined || at >= bound('gte')) && (comparator.lt === undefined || at < bound('lt'))
    && (comparator.lte === undefined || at <= bound('lte'));
}

function compareId(id: string, comparator: IdComparator | undefined): boolean {
  if (!comparator) return true;
  return (comparator.eq === undefined || id === comparator.eq) && (comparator.in === undefined || comparator.in.includes(id))
    && (comparator.neq === undefined || id !== comparator.neq) && (comparator.nin === undefined || !comparator.nin.includes(id));
}

function matches(issue: IssueRecord, filter: IssueFilter | undefined): boolean {
  if (!filter) return true;
  return compareId(issue.id, filter.id) && compareDate(issue.updatedAt, filter.updatedAt) && compareDate(issue.createdAt, filter.createdAt)
    && (filter.and ?? []).every((inner) => matches(issue, inner)) && (!filter.or || filter.or.some((inner) => matches(issue, inner)));
}

/**
 * Newest-updated first, with Linear's opaque keyset cursors: the cursor is the
 * last node's (updatedAt, id), so pages stay right while records change.
 */
function keysetConnection<T extends { id: string; updatedAt: string }>(records: readonly T[], args: PageArgs) {
  const key = (record: T) => `${record.updatedAt}\u0000${record.id}`;
  const after = args.after ? Buffer.from(args.after, 'base64url').toString() : undefined;
  const sorted = records.toSorted((a, b) => key(b).localeCompare(key(a)));
  const rest = after === undefined ? sorted : sorted.filter((record) => key(record) < after);
  const first = Math.min(args.first ?? 50, 250);
  const page = rest.slice(0, first);
  const cursor = (record: T | undefined) => (record ? Buffer.from(key(record)).toString('base64url') : null);
  return {
    nodes: page,
    pageInfo: { hasNextPage: rest.length > first, hasPreviousPage: after !== undefined, startCursor: cursor(page[0]), endCursor: cursor(page.at(-1)) },
  };
}

/**
 * Linear's GraphQL API at `/graphql` as the SDK's client calls it: the query is
 * parsed and validated against `schema.ts` and executed over the data set, so a
 * misspelt field fails here as it would at Linear. `issues` orders by
 * `updatedAt` (newest first) with opaque keyset cursors, filters on ids and
 * dates, and hides archived issues unless `includeArchived`; `comments` lists
 * the workspace's comments the same way, a deleted one archived. Errors use Linear's shapes
 * (`extensions.type`), rate limits its headers.
 */
export class LinearFake extends FakeProvider {
  readonly #schema: GraphQLSchema = buildSchema(schemaSource);
  readonly #issues = new Map<string, IssueRecord>();
  readonly #apiKey: string;
  readonly #viewer: UserRecord;
  #clock: number;

  constructor(dataset: LinearDataset) {
    super();
    this.#apiKey = dataset.apiKey;
    this.#viewer = dataset.viewer;
    for (const issue of dataset.issues) this.#issues.set(issue.id, structuredClone(issue));
    this.#clock = Math.max(Date.parse('2026-11-20T12:00:00.000Z'), ...dataset.issues.map((issue) => Date.parse(issue.updatedAt))) + 60_000;
  }

  /** Issues that are neither archived nor trashed: what a workspace shows. */
  liveIssues(): IssueRecord[] {
    return [...this.#issues.values()].filter((issue) => issue.archivedAt === null);
  }

  /** Runs a query in process, without HTTP: what the connector's documents see of the data set now. */
  execute(document: string, variables: Record<string, unknown>): unknown {
    const result = graphqlSync({ schema: this.#schema, source: document, variableValues: variables, rootValue: this.#root() });
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
    return result.data;
  }

  editIssue(id: string, change: Partial<Pick<IssueRecord, 'title' | 'description' | 'priority'>>): void {
    Object.assign(this.#require(id), change, { updatedAt: this.#tick() });
  }

  addIssue(teamKey: string, input: { title: string; description: string }): string {
    const sample = [...this.#issues.values()].find((issue) => issue.team.key === teamKey)!;
    const number = Math.max(...[...this.#issues.values()].filter((issue) => issue.team.key === teamKey).map((issue) => issue.number)) + 1;
    const identifier = `${teamKey}-${number}`;
    const at = this.#tick();
    const issue: IssueRecord = {
      ...structuredClone(sample), ...input, id: uuidOf(`issue:${identifier}`), identifier, number, url: `https://linear.app/acme/issue/${identifier}`,
      createdAt: at, updatedAt: at, archivedAt: null, trashed: null, completedAt: null, canceledAt: null, comments: [], labels: [], assignee: null,
    };
    this.#issues.set(issue.id, issue);
    return issue.id;
  }

  addComment(id: string, body: string): void {
    const issue = this.#require(id);
    const at = this.#tick();
    issue.comments.push({ id: uuidOf(`comment:${id}:${issue.comments.length}:${at}`), body, createdAt: at, updatedAt: at, user: this.#viewer });
    issue.updatedAt = at;
  }

  /**
   * Rewrites the `index`th comment of an issue (0 the oldest). A comment is an
   * entity of its own: the issue's `updatedAt` stays (the case a sync must not miss).
   */
  editComment(id: string, index: number, body: string): void {
    Object.assign(this.#comment(id, index), { body, updatedAt: this.#tick() });
  }

  /** Deletes the `index`th comment: Linear archives it, which moves its `updatedAt` and not the issue's. */
  deleteComment(id: string, index: number): void {
    const at = this.#tick();
    Object.assign(this.#comment(id, index), { archivedAt: at, updatedAt: at });
  }

  /** Deleting in Linear moves the issue to the trash: archived, `trashed`, and updated. */
  trashIssue(id: string): void {
    const issue = this.#require(id);
    const at = this.#tick();
    Object.assign(issue, { archivedAt: at, trashed: true, updatedAt: at });
  }

  protected override routes(): readonly FakeRoute[] {
    return [{ method: 'POST', name: 'graphql', pattern: /^\/graphql$/, handle: (request) => this.#graphql(request) }];
  }

  protected override authorized(request: FakeRequest): boolean {
    const header = request.headers.authorization ?? '';
    return header === this.#apiKey || header === `Bearer ${this.#apiKey}`;
  }

  protected override unauthorized(): FakeReply {
    return {
      status: 401,
      json: { errors: [{ message: 'Authentication required, not authenticated', extensions: { type: 'authentication error', code: 'AUTHENTICATION_ERROR', userPresentableMessage: 'You need to authenticate to access this operation.' } }] },
    };
  }

  protected override faultReply(fault: Fault): FakeReply {
    if (fault.status === 429) {
      return {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfter ?? 60), ...this.#rateHeaders(0) },
        json: { errors: [{ message: 'Rate limit exceeded', extensions: { type: 'ratelimited', code: 'RATELIMITED', userPresentableMessage: 'Rate limit exceeded. Please try again later.' } }] },
      };
    }
    return { status: fault.status, json: { errors: [{ message: 'Internal server error', extensions: { type: 'internal error', code: 'INTERNAL_SERVER_ERROR' } }] } };
  }

  async #graphql(request: FakeRequest): Promise<FakeReply> {
    const body = JSON.parse(request.body || '{}') as { query?: string; variables?: Record<string, unknown>; operationName?: string };
    const variables = body.variables ?? {};
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? 'anonymous';
    const filter = variables.filter as IssueFilter | undefined;
    const route = operation === 'Issues' ? (filter?.id ? 'issues.byId' : filter ? 'issues.changes' : 'issues.list') : operation;
    const result = await graphql({ schema: this.#schema, source: body.query ?? '', variableValues: variables, rootValue: this.#root() });
    const headers = this.#rateHeaders(1499);
    if (result.errors && !result.data) {
      return { status: 400, route, headers, json: { errors: result.errors.map((error) => ({ message: error.message, extensions: { type: 'graphql error', code: 'GRAPHQL_VALIDATION_FAILED' } })) } };
    }
    return { status: 200, route, headers, json: result };
  }

  #root() {
    return {
      viewer: () => this.#viewer,
      issue: ({ id }: { id: string }) => this.#node(this.#require(id)),
      issues: (args: PageArgs & { filter?: IssueFilter; includeArchived?: boolean }) => {
        const issues = [...this.#issues.values()].filter((issue) => (args.includeArchived || issue.archivedAt === null) && matches(issue, args.filter));
        const connection = keysetConnection(issues, args);
        return { ...connection, nodes: connection.nodes.map((issue) => this.#node(issue)) };
      },
      comments: (args: PageArgs & { filter?: { updatedAt?: DateComparator }; includeArchived?: boolean }) => {
        const comments = [...this.#issues.values()].flatMap((issue) => issue.comments.map((comment) => ({ ...comment, issueId: issue.id })))
          .filter((comment) => (args.includeArchived || !comment.archivedAt) && compareDate(comment.updatedAt, args.filter?.updatedAt));
        return keysetConnection(comments, args);
      },
    };
  }

  #node(issue: IssueRecord) {
    return {
      ...issue,
      priorityLabel: priorityLabels[issue.priority] ?? 'No priority',
      labels: (args: PageArgs) => listConnection(issue.labels, args),
      comments: (args: PageArgs) => listConnection(issue.comments.filter((comment) => !comment.archivedAt).toSorted((a, b) => a.createdAt.localeCompare(b.createdAt)), args),
    };
  }

  #rateHeaders(remaining: number): Record<string, string> {
    return {
      'x-ratelimit-requests-limit': '1500', 'x-ratelimit-requests-remaining': String(remaining),
      'x-ratelimit-requests-reset': String(Date.now() + 3_600_000),
    };
  }

  #comment(id: string, index: number): CommentRecord {
    const comment = this.#require(id).comments.filter((candidate) => !candidate.archivedAt)[index];
    if (!comment) throw new Error(`no comment ${index} on issue ${id} in the fake`);
    return comment;
  }

  #require(id: string): IssueRecord {
    const issue = this.#issues.get(id);
    if (!issue) throw new Error(`no issue ${id} in the fake`);
    return issue;
  }

  #tick(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString();
  }
}
