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
    date: { type: 'date', description: 'when Gmail received it' },
    snippet: { type: 'string', description: 'the start of the text, as Gmail shows it' },
  },
  sync: {
    intervalMs: 5 * 60_000,
    reconcileMs: 7 * 24 * 3_600_000,
    // Gmail's per-user quota is 250 units a second; messages.get costs 5, history.list 2.
    rateLimit: { perSecond: 40, burst: 50 },
    baseUrlOption: 'googleapis rootUrl (default https://gmail.googleapis.com/); extra.tokenUrl sets the OAuth token endpoint',
    cursor: 'history.list from the saved historyId; 404 → full resync',
    load: () => import('./sync.ts').then((module) => module.runtime),
  },
} as const satisfies ConnectorDefinition;
