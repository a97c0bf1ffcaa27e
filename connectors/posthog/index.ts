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
    person: { type: 'string', description: 'distinct id or email of the person' },
    active: { type: 'boolean', description: 'feature flag is active' },
    created_by: { type: 'string', description: 'creator of an insight, dashboard, flag or cohort' },
    tags: { type: 'string[]', description: 'tags' },
  },
} as const satisfies ConnectorDefinition;
