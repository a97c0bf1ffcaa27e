import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import { vocabulary } from './vocabulary.ts';

export const gdrive = {
  id: 'gdrive',
  displayName: 'Google Drive',
  credentials: ['accessToken'],
  vocabulary,
  kinds: [{ name: 'file', aliases: ['files', 'document', 'documents', 'doc', 'docs'] }],
  fields: {
    file_type: {
      type: 'enum',
      values: ['document', 'spreadsheet', 'presentation', 'pdf', 'image', 'folder', 'other'],
      description: 'kind of file',
    },
    mime_type: { type: 'string', description: 'MIME type' },
    owner: { type: 'string', description: 'owner email or name' },
    folder: { type: 'string', description: 'name of the parent folder' },
    shared_drive: { type: 'string', description: 'name of the shared drive' },
    starred: { type: 'boolean', description: 'starred' },
    shared_with_me: { type: 'boolean', description: 'shared with the account rather than owned' },
    created: { type: 'date', description: 'when the file was created' },
    modified: { type: 'date', description: 'when its content last changed' },
  },
  sync: {
    intervalMs: 5 * 60_000,
    reconcileMs: 7 * 24 * 3_600_000,
    // Drive's default quota is 12,000 queries a minute per user.
    rateLimit: { perSecond: 20, burst: 40 },
    baseUrlOption: 'googleapis rootUrl (default https://www.googleapis.com/); extra.tokenUrl sets the OAuth token endpoint',
    cursor: 'changes.list from the saved page token',
    load: () => import('./sync.ts').then((module) => module.runtime),
  },
} as const satisfies ConnectorDefinition;
