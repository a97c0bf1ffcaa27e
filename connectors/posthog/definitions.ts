import type { FlagGroup, FeatureFlag, PropertyFilter, PropertyGroup, QueryNode } from './types.ts';

/**
 * PostHog definitions in words, for the files: an insight's query node, a
 * flag's release conditions, a cohort's criteria. Whatever is not described
 * here is still in the file, as the JSON PostHog returned.
 */

const operators: Readonly<Record<string, string>> = {
  exact: 'is', is_not: 'is not', icontains: 'contains', not_icontains: 'does not contain', regex: 'matches', not_regex: 'does not match',
  gt: '>', gte: '>=', lt: '<', lte: '<=', is_set: 'is set', is_not_set: 'is not set', is_date_before: 'is before', is_date_after: 'is after',
  in: 'is in', not_in: 'is not in',
};

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

function valueOf(value: unknown): string {
  return Array.isArray(value) ? value.map(code).join(' or ') : code(value);
}

export function describeProperty(filter: PropertyFilter): string {
  if (filter.type === 'cohort') return `${filter.negation ? 'not ' : ''}in cohort ${code(filter.value)}`;
  if (filter.type === 'behavioral') {
    const window = filter.time_value ? ` in the last ${filter.time_value} ${filter.time_interval ?? 'day'}s` : '';
    const verb = String(filter.value ?? 'performed_event').replace(/_/g, ' ');
    return `${filter.negation ? 'not ' : ''}${verb} ${code(filter.key)}${window}`;
  }
  const operator = operators[filter.operator ?? 'exact'] ?? filter.operator ?? 'is';
  const target = filter.operator === 'is_set' || filter.operator === 'is_not_set' ? '' : ` ${valueOf(filter.value)}`;
  return `${filter.type} property ${code(filter.key)} ${operator}${target}`;
}

const isGroup = (value: PropertyGroup | PropertyFilter): value is PropertyGroup => 'values' in value && (value.type === 'AND' || value.type === 'OR');

/** A cohort's nested AND/OR criteria as a Markdown list. */
export function describeCriteria(group: PropertyGroup, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const lines = [`${indent}- ${group.type === 'AND' ? 'all of' : 'any of'}:`];
  for (const value of group.values) {
    if (isGroup(value)) lines.push(...describeCriteria(value, depth + 1));
    else lines.push(`${indent}  - ${describeProperty(value)}`);
  }
  return lines;
}

function describeCondition(group: FlagGroup, index: number, aggregation: string): string {
  const rollout = group.rollout_percentage ?? 100;
  const who = group.properties.length === 0 ? `all ${aggregation}` : `${aggregation} where ${group.properties.map(describeProperty).join(' and ')}`;
  return `${index + 1}. ${rollout}% of ${who}${group.variant ? ` → variant ${code(group.variant)}` : ''}`;
}

/** A flag's release conditions, variants and payloads as Markdown. */
export function describeRelease(flag: FeatureFlag): string[] {
  const aggregation = flag.filters.aggregation_group_type_index == null ? 'users' : `groups (type ${flag.filters.aggregation_group_type_index})`;
  const lines = flag.filters.groups.length === 0 ? ['No release conditions: the flag matches no one.'] : flag.filters.groups.map((group, i) => describeCondition(group, i, aggregation));
  const variants = flag.filters.multivariate?.variants ?? [];
  if (variants.length > 0) lines.push('', 'Variants:', ...variants.map((variant) => `- ${code(variant.key)}: ${variant.rollout_percentage}%${variant.name ? ` (${variant.name})` : ''}`));
  const payloads = Object.entries(flag.filters.payloads ?? {});
  if (payloads.length > 0) lines.push('', 'Payloads:', ...payloads.map(([key, payload]) => `- ${code(key)}: ${code(payload)}`));
  return lines;
}

/** The analysis node inside the wrappers PostHog stores (`InsightVizNode`, `DataVisualizationNode`, `DataTableNode`). */
export function sourceOf(query: QueryNode): QueryNode {
  const source = query.source as QueryNode | undefined;
  return source && typeof source.kind === 'string' ? sourceOf(source) : query;
}

const types: Readonly<Record<string, string>> = {
  TrendsQuery: 'trends', FunnelsQuery: 'funnels', RetentionQuery: 'retention', PathsQuery: 'paths', StickinessQuery: 'stickiness',
  LifecycleQuery: 'lifecycle', HogQLQuery: 'sql', EventsQuery: 'events',
};

/** trends, funnels, retention, paths, stickiness, lifecycle, sql, events; the legacy `filters.insight` otherwise. */
export function insightType(query: QueryNode | null, filters: Record<string, unknown>): string {
  if (query) return types[sourceOf(query).kind] ?? 'other';
  return typeof filters.insight === 'string' ? filters.insight.toLowerCase() : 'other';
}

interface SeriesNode {
  kind: string;
  event?: string | null;
  id?: number;
  name?: string;
  custom_name?: string;
  math?: string;
  math_property?: string;
}

function describeSeries(node: SeriesNode, index: number): string {
  const what = node.kind === 'ActionsNode' ? `action ${code(node.name ?? node.id)}` : node.event ? code(node.event) : 'all events';
  const math = node.math ? `${node.math.replace(/_/g, ' ')}${node.math_property ? ` of ${code(node.math_property)}` : ''}` : 'total count';
  return `${index + 1}. ${what} — ${math}${node.custom_name ? ` (“${node.custom_name}”)` : ''}`;
}

/** An insight's query in words: type, series, date range, interval, breakdown, filters, funnel and retention settings. */
export function describeQuery(query: QueryNode): string[] {
  const source = sourceOf(query);
  if (source.kind === 'HogQLQuery') return ['- Type: SQL (HogQL), below'];
  const lines = [`- Type: ${types[source.kind] ?? source.kind}`];
  const series = (source.series as SeriesNode[] | undefined) ?? [];
  if (series.length > 0) lines.push('- Series:', ...series.map((node, i) => `  ${describeSeries(node, i)}`));
  const range = source.dateRange as { date_from?: string | null; date_to?: string | null } | undefined;
  if (range) lines.push(`- Date range: ${range.date_from ?? 'all time'} → ${range.date_to ?? 'now'}`);
  if (typeof source.interval === 'string') lines.push(`- Interval: ${source.interval}`);
  const breakdown = source.breakdownFilter as { breakdown?: unknown; breakdown_type?: string } | undefined;
  if (breakdown?.breakdown != null) lines.push(`- Breakdown: ${breakdown.breakdown_type ?? 'event'} property ${code(breakdown.breakdown)}`);
  const properties = (source.properties as PropertyFilter[] | undefined) ?? [];
  if (properties.length > 0) lines.push('- Filters:', ...properties.map((filter) => `  - ${describeProperty(filter)}`));
  const funnel = source.funnelsFilter as { funnelWindowInterval?: number; funnelWindowIntervalUnit?: string } | undefined;
  if (funnel?.funnelWindowInterval) lines.push(`- Conversion window: ${funnel.funnelWindowInterval} ${funnel.funnelWindowIntervalUnit ?? 'day'}s`);
  const retention = source.retentionFilter as { targetEntity?: { id?: unknown }; returningEntity?: { id?: unknown }; period?: string; totalIntervals?: number } | undefined;
  if (retention) {
    lines.push(`- Retention: users who did ${code(retention.targetEntity?.id ?? 'any event')} and came back to do ${code(retention.returningEntity?.id ?? 'any event')}`);
    if (retention.period) lines.push(`- Period: ${retention.period}, ${retention.totalIntervals ?? 8} intervals`);
  }
  return lines;
}
