import type { ConnectorDefinition } from '../../src/sync/connector.ts';
import { vocabulary } from './vocabulary.ts';

export const notion = {
  id: 'notion',
  displayName: 'Notion',
  credentials: ['apiKey', 'accessToken'],
  vocabulary,
  kinds: [
    { name: 'page', aliases: ['pages', 'doc', 'docs', 'note', 'notes'] },
    { name: 'database_row', aliases: ['row', 'rows', 'entry', 'entries', 'database_rows'] },
  ],
  fields: {
    database: { type: 'string', description: 'title of the parent database' },
    parent: { type: 'string', description: 'title of the parent page' },
    author: { type: 'string', description: 'name of the creator' },
    edited_by: { type: 'string', description: 'name of the last editor' },
    status: { type: 'string', description: 'value of a Status or Select property' },
    tags: { type: 'string[]', description: 'values of multi-select properties' },
  },
} as const satisfies ConnectorDefinition;
