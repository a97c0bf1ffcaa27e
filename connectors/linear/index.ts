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
  },
} as const satisfies ConnectorDefinition;
