import type { SeededRandom } from '../../../src/sync/fake/random.ts';
import type { FeatureFlag, FlagGroup, PropertyFilter, PropertyGroup, QueryNode } from '../types.ts';
import type { PersonRecord } from './hogql-run.ts';

/** What a SaaS product's PostHog project holds: the events its app sends and the team's analyses of them. */
export const eventWeights: readonly (readonly [string, number])[] = [
  ['$pageview', 40], ['$autocapture', 12], ['$pageleave', 10], ['feature_used', 10], ['search_performed', 5], ['signed_up', 5],
  ['$identify', 4], ['subscription_started', 3], ['invoice_paid', 4], ['$exception', 2],
];

const paths = ['/', '/pricing', '/dashboard', '/settings/billing', '/docs/getting-started', '/reports/weekly', '/signup', '/blog/launch-week'];
const searches = ['invoices', 'overdue invoices, "net 30"', 'export csv', 'team, roles', 'api key', 'refund policy'];
const errors = ["TypeError: Cannot read properties of undefined (reading 'map')", 'NetworkError: request to /api/reports failed', 'RangeError: Invalid time value'];

export function eventProperties(event: string, random: SeededRandom, person: PersonRecord): Record<string, unknown> {
  const url = `https://app.acme.dev${random.pick(paths)}`;
  const browser = { $browser: random.pick(['Chrome', 'Safari', 'Firefox', 'Edge']), $os: random.pick(['Mac OS X', 'Windows', 'iOS', 'Android']), $lib: 'web' };
  const plan = random.pick(['pro', 'team', 'enterprise']);
  switch (event) {
    case '$pageview': case '$pageleave': return { ...browser, $current_url: url, $pathname: new URL(url).pathname };
    case '$autocapture': return { ...browser, $current_url: url, $event_type: 'click', $el_text: random.pick(['Save', 'Upgrade', 'Export', 'Invite teammate']) };
    case 'feature_used': return { ...browser, feature: random.pick(['export', 'dashboards', 'api', 'sso', 'alerts']), $current_url: url };
    case 'search_performed': return { ...browser, query: random.pick(searches), results: random.int(0, 40) };
    case 'signed_up': return { ...browser, plan: 'free', source: random.pick(['google', 'direct', 'referral', 'newsletter']) };
    case '$identify': return { $anon_distinct_id: `anon-${random.int(1000, 9999)}`, $set: { email: person.properties.email ?? null } };
    case 'subscription_started': return { plan, interval: random.pick(['month', 'year']), seats: random.int(1, 40) };
    case 'invoice_paid': return { plan, amount: random.pick([29, 99, 490, 1290]), currency: 'USD', invoice_id: `in_${random.int(100000, 999999)}` };
    default: return { ...browser, $exception_type: 'Error', $exception_message: random.pick(errors), $current_url: url };
  }
}

const events = (event: string, math?: string, mathProperty?: string) => ({ kind: 'EventsNode', event, name: event, ...(math ? { math } : {}), ...(mathProperty ? { math_property: mathProperty } : {}) });
const viz = (source: QueryNode): QueryNode => ({ kind: 'InsightVizNode', source });

interface InsightTemplate {
  name: string;
  description: string;
  tags: string[];
  query?: QueryNode;
  filters?: Record<string, unknown>;
}

export const insightTemplates: readonly InsightTemplate[] = [
  { name: 'Weekly signups', description: 'New accounts per week, all sources.', tags: ['growth'], query: viz({ kind: 'TrendsQuery', series: [events('signed_up')], interval: 'week', dateRange: { date_from: '-90d' } }) },
  { name: 'Daily active users', description: '', tags: ['engagement'], query: viz({ kind: 'TrendsQuery', series: [events('$pageview', 'dau')], interval: 'day', dateRange: { date_from: '-30d' } }) },
  {
    name: 'Signup to paid funnel', description: 'From sign-up to the first paid invoice within two weeks.', tags: ['revenue', 'growth'],
    query: viz({ kind: 'FunnelsQuery', series: [events('signed_up'), events('subscription_started'), events('invoice_paid')], funnelsFilter: { funnelWindowInterval: 14, funnelWindowIntervalUnit: 'day' }, dateRange: { date_from: '-30d' } }),
  },
  { name: 'Pageviews by browser', description: '', tags: ['traffic'], query: viz({ kind: 'TrendsQuery', series: [events('$pageview')], breakdownFilter: { breakdown: '$browser', breakdown_type: 'event' }, dateRange: { date_from: '-14d' } }) },
  {
    name: 'Revenue by plan', description: 'Sum of paid invoices, by plan.', tags: ['revenue'],
    query: viz({ kind: 'TrendsQuery', series: [events('invoice_paid', 'sum', 'amount')], breakdownFilter: { breakdown: 'plan', breakdown_type: 'event' }, interval: 'month', dateRange: { date_from: '-180d' } }),
  },
  {
    name: 'Week 1 retention', description: 'Users who come back the weeks after signing up.', tags: ['retention'],
    query: viz({ kind: 'RetentionQuery', retentionFilter: { targetEntity: { id: 'signed_up', type: 'events' }, returningEntity: { id: '$pageview', type: 'events' }, period: 'Week', totalIntervals: 8 } }),
  },
  {
    name: 'Errors on billing pages', description: 'Exceptions where the URL mentions billing.', tags: ['engineering'],
    query: viz({ kind: 'TrendsQuery', series: [events('$exception')], properties: [{ key: '$current_url', type: 'event', value: 'billing', operator: 'icontains' }], dateRange: { date_from: '-7d' } }),
  },
  {
    name: 'Top searches', description: 'What people search for, this month.', tags: ['product'],
    query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: "SELECT properties.query AS query, count() AS searches\nFROM events\nWHERE event = 'search_performed' AND timestamp > now() - INTERVAL 30 DAY\nGROUP BY query\nORDER BY searches DESC\nLIMIT 20" } },
  },
  { name: 'Feature adoption', description: '', tags: ['product'], query: viz({ kind: 'TrendsQuery', series: [events('feature_used', 'dau')], breakdownFilter: { breakdown: 'feature', breakdown_type: 'event' } }) },
  { name: 'Stickiness of active users', description: 'Days a week users come back.', tags: ['engagement'], query: viz({ kind: 'StickinessQuery', series: [events('$pageview')], interval: 'day' }) },
  { name: 'New, returning and dormant users', description: '', tags: ['growth'], query: viz({ kind: 'LifecycleQuery', series: [events('$pageview')], interval: 'week' }) },
  { name: 'Paths from pricing', description: 'Where visitors go after /pricing.', tags: ['traffic'], query: viz({ kind: 'PathsQuery', pathsFilter: { startPoint: '/pricing', includeEventTypes: ['$pageview'] } }) },
  { name: 'Churned subscriptions (legacy)', description: 'Made before insights had queries.', tags: [], filters: { insight: 'TRENDS', events: [{ id: 'subscription_cancelled', type: 'events' }], interval: 'week' } },
  { name: 'Invoices paid', description: '', tags: ['revenue'], query: viz({ kind: 'TrendsQuery', series: [events('invoice_paid')], interval: 'day', dateRange: { date_from: '-30d' } }) },
];

export const dashboardTemplates: readonly { name: string; description: string; tags: string[] }[] = [
  { name: 'Growth overview', description: 'Signups, activation and retention.', tags: ['growth'] },
  { name: 'Revenue', description: 'MRR, paid invoices, expansion.', tags: ['revenue'] },
  { name: 'Product health', description: 'Errors, usage of features, search.', tags: ['engineering'] },
  { name: 'Marketing site', description: '', tags: [] },
];

const staff: PropertyFilter = { key: 'email', type: 'person', value: '@acme.dev', operator: 'icontains' };
const rollout = (percentage: number, properties: PropertyFilter[] = []): FlagGroup => ({ properties, rollout_percentage: percentage, variant: null });

export const flagTemplates: readonly { key: string; description: string; active: boolean; tags: string[]; filters: FeatureFlag['filters'] }[] = [
  { key: 'new-onboarding-flow', description: 'The three-step onboarding; half of new users.', active: true, tags: ['onboarding'], filters: { groups: [rollout(100, [staff]), rollout(50)], payloads: {} } },
  { key: 'dark-mode', description: 'Dark theme for everyone.', active: true, tags: ['frontend'], filters: { groups: [rollout(100)], payloads: {} } },
  { key: 'checkout-v2', description: 'Paused after a drop in conversion.', active: false, tags: ['revenue'], filters: { groups: [rollout(20)], payloads: {} } },
  { key: 'ai-search-beta', description: 'Beta testers only.', active: true, tags: ['beta'], filters: { groups: [rollout(100, [{ key: 'id', type: 'cohort', value: 4 }])], payloads: {} } },
  {
    key: 'pricing-page-experiment', description: 'Annual plans shown first, or monthly.', active: true, tags: ['growth'],
    filters: { groups: [rollout(100)], multivariate: { variants: [{ key: 'control', name: 'Monthly first', rollout_percentage: 50 }, { key: 'annual-first', name: 'Annual first', rollout_percentage: 50 }] }, payloads: { 'annual-first': '{"discount": 20}' } },
  },
  { key: 'legacy-export', description: 'Kept for rollback only.', active: false, tags: [], filters: { groups: [rollout(0)], payloads: {} } },
  { key: 'sso-enforcement', description: 'Require SSO for enterprise accounts.', active: true, tags: ['security'], filters: { groups: [rollout(100, [{ key: 'plan', type: 'person', value: ['enterprise'], operator: 'exact' }])], payloads: {} } },
  { key: 'usage-based-billing', description: '', active: false, tags: ['revenue', 'beta'], filters: { groups: [rollout(10, [staff])], payloads: {} } },
  { key: 'realtime-alerts', description: 'Alerts pushed over websockets.', active: true, tags: ['engineering'], filters: { groups: [rollout(30)], payloads: {} } },
  { key: 'weekly-digest-email', description: 'A Monday summary of usage.', active: true, tags: ['growth'], filters: { groups: [rollout(100, [{ key: 'email', type: 'person', operator: 'is_set' }])], payloads: {} } },
];

const group = (type: 'AND' | 'OR', ...values: PropertyGroup['values']): PropertyGroup => ({ type, values });

export const cohortTemplates: readonly { name: string; description: string; filters: { properties: PropertyGroup } | null }[] = [
  { name: 'Paying customers', description: 'Paid an invoice in the last 30 days.', filters: { properties: group('OR', group('AND', { key: 'invoice_paid', type: 'behavioral', value: 'performed_event', event_type: 'events', time_value: 30, time_interval: 'day' })) } },
  { name: 'Churn risk', description: 'Paying, but no pageview for two weeks.', filters: { properties: group('AND', { key: 'invoice_paid', type: 'behavioral', value: 'performed_event', event_type: 'events', time_value: 60, time_interval: 'day' }, { key: '$pageview', type: 'behavioral', value: 'performed_event', event_type: 'events', time_value: 14, time_interval: 'day', negation: true }) } },
  { name: 'Acme staff', description: 'Our own accounts.', filters: { properties: group('OR', group('AND', staff)) } },
  { name: 'Beta testers', description: 'Opted in to beta features (uploaded list).', filters: null },
  { name: 'Enterprise accounts', description: '', filters: { properties: group('OR', group('AND', { key: 'plan', type: 'person', value: ['enterprise'], operator: 'exact' })) } },
  { name: 'Power searchers', description: 'Searched in the last week.', filters: { properties: group('OR', group('AND', { key: 'search_performed', type: 'behavioral', value: 'performed_event', event_type: 'events', time_value: 7, time_interval: 'day' })) } },
];
