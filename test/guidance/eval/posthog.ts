import { type EvalItem, type EvalSuite, ago } from './types.ts';

const me = 'alice@acme.com';

const item = (id: string, kind: string, title: string, at: number, meta: Record<string, unknown>, body = '', created?: number): EvalItem => ({
  id, kind, title, body, at, ...(created === undefined ? {} : { created }), meta: { tags: [], ...meta },
});
const insight = (id: string, title: string, at: number, meta: Record<string, unknown>, body = '', created?: number) => item(id, 'insight', title, at, meta, body, created);
const flag = (id: string, key: string, at: number, meta: Record<string, unknown>, body = '') => item(id, 'feature_flag', key, at, meta, body);
const event = (id: string, name: string, day: string, at: number, body = '') =>
  item(id, 'event', `${name} ${day}`, at, { event: name }, `Events named ${name} on ${day}. ${body}`);

export const posthog: EvalSuite = {
  integration: 'posthog',
  account: { id: me, name: 'Alice Martin', email: me },
  items: [
    insight('h1', 'Weekly signups', ago(3), { created_by: me, tags: ['growth'] }, 'Trend of signed_up events per week. HogQL: SELECT count() FROM events WHERE event = \'signed_up\''),
    insight('h2', 'Checkout funnel conversion', ago(6), { created_by: 'bob@acme.com', tags: ['revenue'] }, 'Funnel from cart_viewed to purchase_completed.'),
    insight('h3', 'Pageviews by country', ago(12), { created_by: me, tags: ['traffic'] }, 'Breakdown of $pageview by $geoip_country_name.'),
    insight('h4', 'Churned customers by plan', ago(20), { created_by: 'carol@acme.com', tags: ['revenue', 'retention'] }, 'Customers who cancelled, by plan.'),
    insight('h5', 'DAU / MAU', ago(2), { created_by: 'bob@acme.com', tags: ['engagement'] }, 'Stickiness of active users.', ago(2)),
    item('h6', 'dashboard', 'Growth overview', ago(5), { created_by: me, tags: ['growth'] }, 'Signups, activation, retention.'),
    item('h7', 'dashboard', 'Revenue', ago(15), { created_by: 'carol@acme.com', tags: ['revenue'] }, 'MRR, churn, expansion.'),
    item('h8', 'dashboard', 'Product health', ago(1), { created_by: 'bob@acme.com' }, 'Errors, latency, usage.'),
    flag('h9', 'new-onboarding-flow', ago(2), { active: true, created_by: me, tags: ['onboarding'] }, 'Rolled out to 50% of new users.'),
    flag('h10', 'dark-mode', ago(8), { active: true, created_by: 'dave@acme.com', tags: ['frontend'] }, 'Enabled for everyone.'),
    flag('h11', 'legacy-export', ago(40), { active: false, created_by: 'bob@acme.com' }, 'Kept for rollback only.'),
    flag('h12', 'checkout-v2', ago(4), { active: false, created_by: 'carol@acme.com', tags: ['revenue'] }, 'Paused after a drop in conversion.'),
    flag('h13', 'ai-search-beta', ago(1), { active: true, created_by: me, tags: ['beta'] }, 'Beta testers cohort only.'),
    item('h14', 'cohort', 'Power users', ago(30), { created_by: 'bob@acme.com' }, 'Users active 20 of the last 30 days.'),
    item('h15', 'cohort', 'Churned in October', ago(22), { created_by: 'carol@acme.com' }, 'Customers whose subscription was cancelled in October.'),
    item('h16', 'cohort', 'Beta testers', ago(10), { created_by: me, tags: ['beta'] }, 'Opted in to beta features.'),
    event('h17', '$pageview', '2026-11-24', ago(1)),
    event('h18', '$pageview', '2026-11-23', ago(2, 3)),
    event('h19', 'signed_up', '2026-11-24', ago(1)),
    event('h20', 'signed_up', '2026-11-18', ago(7, 2)),
    event('h21', 'purchase_completed', '2026-11-24', ago(1)),
    event('h22', '$exception', '2026-11-24', ago(1), 'TypeError: cannot read properties of undefined.'),
    event('h23', '$pageview', '2026-11-17', ago(8)),
    insight('h24', 'Retention by signup cohort', ago(9), { created_by: me, tags: ['retention'] }, 'Weekly retention of users grouped by signup week.'),
  ],
  cases: [
    { guidance: 'active feature flags', expected: ['h9', 'h10', 'h13'] },
    { guidance: 'disabled flags', expected: ['h11', 'h12'] },
    { guidance: 'my insights', expected: ['h1', 'h3', 'h24'] },
    { guidance: 'revenue dashboards', expected: ['h7'] },
    { guidance: 'pageview events from yesterday', expected: ['h17'] },
    { guidance: 'signup events', expected: ['h19', 'h20'] },
    { guidance: 'flags created by alice', expected: ['h9', 'h13'] },
    { guidance: 'cohorts', expected: ['h14', 'h15', 'h16'] },
    { guidance: 'insights about churn', expected: ['h4'] },
    { guidance: 'beta flags', expected: ['h13'] },
    { guidance: 'dashboards', expected: ['h6', 'h7', 'h8'] },
    { guidance: 'events from the last 2 days', expected: ['h17', 'h19', 'h21', 'h22'] },
    { guidance: 'revenue insights and dashboards', expected: ['h2', 'h4', 'h7'] },
    { guidance: 'exceptions', expected: ['h22'] },
    { guidance: 'everything tagged growth', expected: ['h1', 'h6'] },
    { guidance: 'insights created this week', expected: ['h5'] },
    { guidance: 'retention insights', expected: ['h4', 'h24'] },
    { guidance: 'purchase events', expected: ['h21'] },
    { guidance: 'inactive flags created by carol', expected: ['h12'] },
    { guidance: 'things tagged onboarding', expected: ['h9'] },
    { guidance: 'funnels', expected: ['h2'] },
  ],
};
