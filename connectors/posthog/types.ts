/**
 * PostHog's REST objects as the connector reads them (field names and types of
 * PostHog's serializers: `UserBasicSerializer`, `InsightBasicSerializer`,
 * `DashboardBasicSerializer`, `FeatureFlagSerializer`, `CohortSerializer`).
 * Only the fields the connector uses are declared; PostHog sends more.
 */
export interface PostHogUser {
  id: number;
  uuid: string;
  distinct_id: string;
  first_name: string;
  last_name?: string;
  email: string;
}

/** `GET /api/users/@me/`: the user, with the project (team) they last used. */
export interface PostHogMe extends PostHogUser {
  team: { id: number; project_id?: number; name: string; timezone?: string } | null;
}

/** DRF's limit/offset page: `next` is an absolute URL, absent on the last page. */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** A query node: `InsightVizNode`, `DataVisualizationNode`, `TrendsQuery`, `HogQLQuery`… (PostHog's schema.json). */
export interface QueryNode {
  kind: string;
  [key: string]: unknown;
}

export interface Insight {
  id: number;
  short_id: string;
  name: string | null;
  derived_name: string | null;
  description: string | null;
  /** The legacy filter definition, `{}` once an insight has a `query`. */
  filters: Record<string, unknown>;
  query: QueryNode | null;
  dashboards: number[];
  tags: string[];
  favorited: boolean;
  saved: boolean;
  created_by: PostHogUser | null;
  created_at: string;
  /** Moves when a material field (name, description, query, filters, tags…) changes. */
  last_modified_at: string;
  updated_at: string;
  /** Absent from the `basic` serializer; lists leave deleted insights out. */
  deleted?: boolean;
}

export interface Dashboard {
  id: number;
  name: string | null;
  description: string;
  pinned: boolean;
  tags: string[];
  created_by: PostHogUser | null;
  created_at: string;
  deleted: boolean;
  is_shared: boolean;
}

export interface PropertyFilter {
  key: string;
  type: string;
  value?: unknown;
  operator?: string;
  /** Behavioural cohort filters: `performed_event`, with a time window. */
  event_type?: string;
  time_value?: number;
  time_interval?: string;
  negation?: boolean;
}

export interface FlagGroup {
  properties: PropertyFilter[];
  rollout_percentage: number | null;
  variant?: string | null;
}

export interface FeatureFlag {
  id: number;
  key: string;
  /** The flag's description (the field keeps its old name). */
  name: string;
  active: boolean;
  deleted: boolean;
  filters: {
    groups: FlagGroup[];
    multivariate?: { variants: { key: string; name?: string | null; rollout_percentage: number }[] } | null;
    payloads?: Record<string, unknown>;
    aggregation_group_type_index?: number | null;
  };
  ensure_experience_continuity: boolean | null;
  tags: string[];
  created_by: PostHogUser | null;
  created_at: string;
  updated_at: string | null;
}

/** A cohort's criteria: nested AND/OR groups of property filters. */
export interface PropertyGroup {
  type: 'AND' | 'OR';
  values: (PropertyGroup | PropertyFilter)[];
}

export interface Cohort {
  id: number;
  name: string;
  description: string;
  deleted: boolean;
  filters: { properties?: PropertyGroup } | null;
  is_static: boolean;
  is_calculating: boolean;
  count: number | null;
  created_by: PostHogUser | null;
  created_at: string;
  /** When the members were last computed; recalculation follows every edit of the criteria. */
  last_calculation: string | null;
}

/** `POST /api/projects/:id/query/` with a `HogQLQuery`: rows as arrays, in `columns` order. */
export interface HogQLResponse {
  columns: string[];
  types: [string, string][];
  results: unknown[][];
  hasMore?: boolean;
  limit?: number;
  offset?: number;
}

/** PostHog's error body (DRF exceptions through its handler). */
export interface PostHogErrorBody {
  type: string;
  code: string;
  detail: string;
  attr: string | null;
}
