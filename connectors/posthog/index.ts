import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import { vocabulary } from './vocabulary.ts';

export const posthog = {
  id: 'posthog',
  displayName: 'PostHog',
  credentials: ['apiKey'],
  vocabulary,
  kinds: [
    { name: 'insight', aliases: ['insights', 'chart', 'charts'] },
    { name: 'dashboard', aliases: ['dashboards'] },
    { name: 'feature_flag', aliases: ['feature_flags', 'flag', 'flags'] },
    { name: 'cohort', aliases: ['cohorts'] },
    { name: 'event', aliases: ['events'] },
  ],
  fields: {
    event: { type: 'string', description: 'event name, e.g. "$pageview" or "signed_up"' },
    person: { type: 'string[]', description: 'e-mails (else distinct ids) of the persons in a day\'s events, e.g. "maria@example.com"' },
    active: { type: 'boolean', description: 'feature flag is active' },
    created_by: { type: 'string', description: 'creator of an insight, dashboard, flag or cohort' },
    tags: { type: 'string[]', description: 'tags' },
  },
  sync: {
    intervalMs: 10 * 60_000,
    reconcileMs: 24 * 3_600_000,
    // Personal API keys get 240 requests a minute and 1,200 an hour on the analytics endpoints (insights, and the
    // query endpoint 120 an hour): 0.3 a second stays under the hourly budget; an idle run costs 5 requests, one a query.
    rateLimit: { perSecond: 0.3, burst: 30 },
    baseUrlOption: 'the API host (default https://us.posthog.com; https://eu.posthog.com, or a self-hosted instance)',
    cursor: 'insights by last_modified_at (date_from), HogQL groups of events per name and day by their newest timestamp and count',
    load: () => import('./sync.ts').then((module) => module.runtime),
  },
} as const satisfies ConnectorDefinition;
