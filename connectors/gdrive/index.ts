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
  },
} as const satisfies ConnectorDefinition;
