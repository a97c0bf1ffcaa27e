import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import { vocabulary } from './vocabulary.ts';

export const github = {
  id: 'github',
  displayName: 'GitHub',
  credentials: ['accessToken'],
  vocabulary,
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
    number: { type: 'number', description: 'issue or pull request number' },
    created: { type: 'date', description: 'when it was opened' },
    updated: { type: 'date', description: 'when it last changed' },
  },
  sync: {
    intervalMs: 5 * 60_000,
    reconcileMs: 24 * 3_600_000,
    // Under the secondary limit (900 points a minute); the hourly budget is enforced by 403/429 with reset headers.
    rateLimit: { perSecond: 10, burst: 20 },
    baseUrlOption: 'Octokit baseUrl (GitHub Enterprise Server: https://HOST/api/v3)',
    cursor: 'issues and comments with since + sort=updated per repository, ETag conditional requests',
    load: () => import('./sync.ts').then((module) => module.runtime),
  },
} as const satisfies ConnectorDefinition;
