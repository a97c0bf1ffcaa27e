import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import { vocabulary } from './vocabulary.ts';

export const slack = {
  id: 'slack',
  displayName: 'Slack',
  credentials: ['accessToken'],
  vocabulary,
  kinds: [
    { name: 'thread', aliases: ['threads'] },
    { name: 'message', aliases: ['messages'] },
  ],
  fields: {
    channel: { type: 'string', description: 'channel name without #' },
    author: { type: 'string', description: 'display name of the author' },
    participants: { type: 'string[]', description: 'display names of everyone in the thread' },
    mentions: { type: 'string[]', description: 'display names mentioned' },
    has_files: { type: 'boolean', description: 'a message carries files' },
    replies: { type: 'number', description: 'replies in the thread' },
    created: { type: 'date', description: 'when the first message was posted' },
    updated: { type: 'date', description: 'the last reply or edit' },
  },
  sync: {
    intervalMs: 5 * 60_000,
    reconcileMs: 24 * 3_600_000,
    // conversations.history and .replies are Tier 3 (about 50 calls a minute), users.list Tier 2.
    rateLimit: { perSecond: 0.8, burst: 20 },
    baseUrlOption: 'WebClient slackApiUrl (GovSlack: https://slack-gov.com/api/)',
    cursor: 'conversations.history with oldest per channel over a look-back window, conversations.replies for threads',
    load: () => import('./sync.ts').then((module) => module.runtime),
  },
} as const satisfies ConnectorDefinition;
