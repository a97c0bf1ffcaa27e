import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import { vocabulary } from './vocabulary.ts';

export const linear = {
  id: 'linear',
  displayName: 'Linear',
  credentials: ['apiKey', 'accessToken'],
  vocabulary,
  kinds: [{ name: 'issue', aliases: ['issues'] }],
  fields: {
    state: { type: 'string', description: 'workflow state name, e.g. "In Progress"' },
    state_type: {
      type: 'enum',
      values: ['triage', 'backlog', 'unstarted', 'started', 'completed', 'canceled'],
      description: 'workflow state category',
    },
    priority: { type: 'enum', values: ['none', 'urgent', 'high', 'medium', 'low'], description: 'issue priority' },
    assignee: { type: 'string', description: 'assignee name or email' },
    creator: { type: 'string', description: 'creator name or email' },
    team: { type: 'string', description: 'team key or name' },
    labels: { type: 'string[]', description: 'label names' },
    cycle: { type: 'string', description: 'cycle name or number; "current" for the active cycle' },
    project: { type: 'string', description: 'project name' },
    cycle_starts_at: { type: 'date', description: 'when the issue\'s cycle starts (ISO 8601, UTC)' },
    cycle_ends_at: { type: 'date', description: 'when the issue\'s cycle ends (ISO 8601, UTC); "current sprint" compares both with now' },
    identifier: { type: 'string', description: 'team key and number, e.g. ENG-123' },
    created: { type: 'date', description: 'when the issue was created' },
    updated: { type: 'date', description: 'when the issue last changed' },
  },
  sync: {
    intervalMs: 5 * 60_000,
    reconcileMs: 24 * 3_600_000,
    // Linear allows 1,500 requests an hour per API key: about 0.4 a second sustained, with room for a burst.
    rateLimit: { perSecond: 0.4, burst: 60 },
    baseUrlOption: 'LinearClient apiUrl (the GraphQL endpoint)',
    cursor: 'GraphQL issues(filter: { updatedAt: { gt } }, orderBy: updatedAt) with cursor pagination',
    load: () => import('./sync.ts').then((module) => module.runtime),
  },
} as const satisfies ConnectorDefinition;
