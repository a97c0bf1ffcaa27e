import type { ConnectorDefinition } from '../../src/sync/connector.ts';

export const github = {
  id: 'github',
  displayName: 'GitHub',
  credentials: ['accessToken'],
  kinds: [
    { name: 'issue', aliases: ['issues'] },
    { name: 'pull_request', aliases: ['pull_requests', 'pr', 'prs', 'pull', 'pulls'] },
  ],
  fields: {
    repo: { type: 'string', description: 'owner/name of the repository' },
    state: { type: 'enum', values: ['open', 'closed', 'merged'], description: 'issue or pull request state' },
    author: { type: 'string', description: 'login of the author' },
    assignee: { type: 'string[]', description: 'logins of the assignees' },
    reviewer: { type: 'string[]', description: 'logins of those who reviewed' },
    review_requested: { type: 'string[]', description: 'logins or teams whose review is requested' },
    labels: { type: 'string[]', description: 'label names' },
    draft: { type: 'boolean', description: 'pull request is a draft' },
    mentions: { type: 'string[]', description: 'logins mentioned' },
  },
} as const satisfies ConnectorDefinition;
