import { type Fault, type FakeReply, type FakeRequest, type FakeRoute, FakeProvider } from '../../../src/sync/fake/server.ts';
import type { Cohort, Dashboard, FeatureFlag, Insight, PostHogErrorBody } from '../types.ts';
import type { PostHogDataset } from './dataset.ts';
import { micros, uuid7 } from './dataset.ts';
import { HogQLError, parseSelect } from './hogql-parse.ts';
import { type EventRecord, type EventRow, type PersonRecord, runSelect } from './hogql-run.ts';

type Listed = Insight | Dashboard | FeatureFlag | Cohort;

export function postHogError(status: number, body: PostHogErrorBody, headers?: Record<string, string>): FakeReply {
  return { status, headers, json: body };
}

const notFound = () => postHogError(404, { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null });
const invalid = (detail: string, attr: string | null = null) => postHogError(400, { type: 'validation_error', code: 'invalid_input', detail, attr });

/** Insight list fields the `basic` serializer leaves out. */
const fullInsight = (insight: Insight) => ({ ...insight, deleted: false, last_modified_by: insight.created_by, result: null, hasMore: null, columns: null, is_sample: false, timezone: 'UTC' });

/**
 * PostHog's API on 127.0.0.1 for one project: `/api/users/@me/`, the insight,
 * dashboard, feature flag and cohort lists (DRF limit/offset pages with
 * absolute `next` URLs, deleted objects left out, insights with `basic`,
 * `order` and `date_from`), and `POST /api/projects/:id/query/` running the
 * HogQL subset of `hogql-parse.ts` over the events. Errors have PostHog's
 * `{ type, code, detail, attr }` shape.
 */
export class PostHogFake extends FakeProvider {
  readonly #data: PostHogDataset;
  readonly #persons: Map<string, PersonRecord>;
  #clock: number;

  constructor(dataset: PostHogDataset) {
    super();
    this.#data = structuredClone(dataset);
    this.#persons = new Map(this.#data.persons.map((person) => [person.distinct_id, person]));
    const times = [...this.#data.events.map((event) => event.timestamp), ...this.#data.insights.map((insight) => insight.last_modified_at), ...this.#data.flags.map((flag) => flag.updated_at ?? flag.created_at)];
    this.#clock = Math.max(...times.map((time) => Date.parse(time))) + 60_000;
  }

  get projectId(): number {
    return this.#data.projectId;
  }

  /** What the lists show now: objects not deleted. */
  live(): { insights: Insight[]; dashboards: Dashboard[]; flags: FeatureFlag[]; cohorts: Cohort[] } {
    const data = this.#data;
    return { insights: data.insights.filter((insight) => !insight.deleted), dashboards: data.dashboards.filter((dashboard) => !dashboard.deleted), flags: data.flags.filter((flag) => !flag.deleted), cohorts: data.cohorts.filter((cohort) => !cohort.deleted) };
  }

  events(): readonly EventRecord[] {
    return this.#data.events;
  }

  person(distinctId: string): PersonRecord | undefined {
    return this.#persons.get(distinctId);
  }

  editInsight(id: number, change: Partial<Pick<Insight, 'name' | 'description' | 'tags'>>): void {
    const at = this.#tick();
    Object.assign(this.#find(this.#data.insights, id), change, { last_modified_at: at, updated_at: at });
  }

  /** Deleting in PostHog is soft: the object stays, marked deleted, and lists leave it out. */
  deleteInsight(id: number): void {
    Object.assign(this.#find(this.#data.insights, id), { deleted: true, updated_at: this.#tick() });
  }

  deleteFlag(id: number): void {
    Object.assign(this.#find(this.#data.flags, id), { deleted: true, updated_at: this.#tick() });
  }

  editFlag(id: number, change: Partial<Pick<FeatureFlag, 'active' | 'name'>> & { rollout?: number }): void {
    const flag = this.#find(this.#data.flags, id);
    const { rollout, ...rest } = change;
    Object.assign(flag, rest, { updated_at: this.#tick() });
    if (rollout !== undefined) for (const group of flag.filters.groups) group.rollout_percentage = rollout;
  }

  renameDashboard(id: number, name: string): void {
    this.#find(this.#data.dashboards, id).name = name;
  }

  /** New events now (one second apart), from the first persons; returns their uuids. */
  addEvents(event: string, count: number, properties: Record<string, unknown> = {}): string[] {
    return Array.from({ length: count }, (_, i) => this.#ingest(event, Date.parse(this.#tick()), i, properties));
  }

  /**
   * An event arriving now with an older time (`at`), as from a client that was
   * offline: it lands in a day already synced, maybe before that day's newest.
   */
  addLateEvent(event: string, at: number, properties: Record<string, unknown> = {}): string {
    return this.#ingest(event, at, this.#data.events.length, properties);
  }

  protected override routes(): readonly FakeRoute[] {
    const list = (name: string, path: string, items: () => Listed[]): FakeRoute => ({
      method: 'GET', name: `${name}.list`, pattern: new RegExp(`^/api/projects/(\\d+)/${path}/$`),
      handle: (request, [project]) => (this.#isProject(project) ? this.#page(request, items()) : notFound()),
    });
    return [
      { method: 'GET', name: 'users.me', pattern: /^\/api\/users\/@me\/$/, handle: () => ({ status: 200, json: { ...this.#data.me, organization: { id: 'org-acme', name: 'Acme' } } }) },
      { method: 'GET', name: 'insights.list', pattern: /^\/api\/projects\/(\d+)\/insights\/$/, handle: (request, [project]) => (this.#isProject(project) ? this.#insights(request) : notFound()) },
      list('dashboards', 'dashboards', () => this.live().dashboards),
      list('feature_flags', 'feature_flags', () => this.live().flags.map((flag) => ({ ...flag, version: 1, experiment_set: [], surveys: [], features: [], status: 'ACTIVE' }))),
      list('cohorts', 'cohorts', () => this.live().cohorts.map((cohort) => ({ ...cohort, groups: [], query: null, errors_calculating: 0, experiment_set: [] }))),
      { method: 'POST', name: 'query', pattern: /^\/api\/projects\/(\d+)\/query\/$/, handle: (request, [project]) => (this.#isProject(project) ? this.#query(request) : notFound()) },
    ];
  }

  protected override authorized(request: FakeRequest): boolean {
    return request.headers.authorization === `Bearer ${this.#data.apiKey}`;
  }

  protected override unauthorized(): FakeReply {
    return postHogError(401, { type: 'authentication_error', code: 'authentication_failed', detail: 'Personal API key found in request Authorization header is invalid.', attr: null });
  }

  protected override faultReply(fault: Fault): FakeReply {
    if (fault.status === 429) {
      const wait = fault.retryAfter ?? 60;
      return postHogError(429, { type: 'throttled_error', code: 'throttled', detail: `Request was throttled. Expected available in ${wait} seconds.`, attr: null }, { 'retry-after': String(wait) });
    }
    return postHogError(fault.status, { type: 'server_error', code: 'error', detail: 'A server error occurred.', attr: null });
  }

  #isProject(id: string | undefined): boolean {
    return Number(id) === this.#data.projectId;
  }

  #insights(request: FakeRequest): FakeReply {
    let insights = this.live().insights;
    const dateFrom = request.query.get('date_from');
    if (dateFrom) {
      const from = Date.parse(dateFrom);
      if (Number.isNaN(from)) return invalid(`Invalid date: ${dateFrom}`, 'date_from');
      insights = insights.filter((insight) => Date.parse(insight.last_modified_at) > from);
    }
    const order = request.query.get('order');
    if (order) {
      const field = order.replace(/^-/, '') as 'last_modified_at' | 'created_at' | 'id';
      if (!['last_modified_at', 'created_at', 'id'].includes(field)) return invalid(`Cannot resolve keyword '${field}' into field.`, 'order');
      const sign = order.startsWith('-') ? -1 : 1;
      insights = insights.toSorted((a, b) => sign * (String(a[field]) < String(b[field]) ? -1 : String(a[field]) > String(b[field]) ? 1 : 0));
    }
    const basic = ['1', 'true'].includes(request.query.get('basic') ?? '');
    return this.#page(request, basic ? insights : insights.map(fullInsight));
  }

  /** DRF's LimitOffsetPagination: `count`, absolute `next` and `previous`. */
  #page(request: FakeRequest, items: readonly object[]): FakeReply {
    const limit = Math.min(Number(request.query.get('limit') ?? 100) || 100, 1000);
    const offset = Number(request.query.get('offset') ?? 0) || 0;
    const link = (at: number) => {
      const query = new URLSearchParams(request.query);
      query.set('limit', String(limit));
      if (at > 0) query.set('offset', String(at));
      else query.delete('offset');
      return `${this.url}${request.path}?${query}`;
    };
    return {
      status: 200,
      json: { count: items.length, next: offset + limit < items.length ? link(offset + limit) : null, previous: offset > 0 ? link(Math.max(0, offset - limit)) : null, results: items.slice(offset, offset + limit) },
    };
  }

  #query(request: FakeRequest): FakeReply {
    let body: { query?: { kind?: unknown; query?: unknown } };
    try {
      body = JSON.parse(request.body || '{}') as typeof body;
    } catch {
      return postHogError(400, { type: 'validation_error', code: 'parse_error', detail: 'JSON parse error', attr: null });
    }
    if (body.query?.kind !== 'HogQLQuery') return invalid(`Unsupported query kind: ${String(body.query?.kind)}`, 'query');
    if (typeof body.query.query !== 'string') return invalid('This field is required.', 'query');
    try {
      const select = parseSelect(body.query.query);
      const rows: EventRow[] = this.#data.events.map((event) => ({ event, person: this.#persons.get(event.distinct_id) }));
      const result = runSelect(select, rows, body.query.query);
      return { status: 200, route: select.groupBy.length > 0 ? 'query.groups' : 'query.rows', json: { ...result, is_cached: false, timezone: 'UTC', error: null, modifiers: {}, timings: [] } };
    } catch (error) {
      if (error instanceof HogQLError) return invalid(error.message);
      throw error;
    }
  }

  #find<T extends { id: number }>(objects: T[], id: number): T {
    const found = objects.find((object) => object.id === id);
    if (!found) throw new Error(`no object ${id} in the fake`);
    return found;
  }

  #ingest(event: string, ms: number, i: number, properties: Record<string, unknown>): string {
    const record = { uuid: uuid7(ms, `added:${ms}:${i}`), event, distinct_id: this.#data.persons[i % this.#data.persons.length]!.distinct_id, timestamp: micros(ms), properties };
    this.#data.events.push(record);
    return record.uuid;
  }

  #tick(): string {
    this.#clock += 1000;
    return micros(this.#clock);
  }
}
