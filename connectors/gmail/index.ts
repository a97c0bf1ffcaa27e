import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import { vocabulary } from './vocabulary.ts';

export const gmail = {
  id: 'gmail',
  displayName: 'Gmail',
  credentials: ['accessToken'],
  vocabulary,
  kinds: [{ name: 'message', aliases: ['messages', 'email', 'emails', 'mail'] }],
  fields: {
    from: { type: 'string', description: 'sender address or name' },
    to: { type: 'string[]', description: 'recipient addresses' },
    cc: { type: 'string[]', description: 'copied addresses' },
    subject: { type: 'string', description: 'subject line' },
    labels: { type: 'string[]', description: 'Gmail labels, e.g. INBOX, STARRED' },
    thread: { type: 'string', description: 'thread id' },
    unread: { type: 'boolean', description: 'not yet read' },
    starred: { type: 'boolean', description: 'starred' },
    has_attachment: { type: 'boolean', description: 'has at least one attachment' },
    attachment: { type: 'string[]', description: 'attachment file names' },
  },
} as const satisfies ConnectorDefinition;
