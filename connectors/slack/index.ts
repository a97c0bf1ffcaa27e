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
  },
} as const satisfies ConnectorDefinition;
