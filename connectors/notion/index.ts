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
  sync: {
    intervalMs: 10 * 60_000,
    reconcileMs: 24 * 3_600_000,
    // Notion allows an average of three requests a second per integration, with some bursts beyond.
    rateLimit: { perSecond: 3, burst: 10 },
    baseUrlOption: '@notionhq/client baseUrl (default https://api.notion.com; the SDK adds /v1)',
    cursor: 'search sorted by last_edited_time descending, read back to the last minute already read (Notion rounds edit times to the minute); search with filter.in_trash for deletions',
    load: () => import('./sync.ts').then((module) => module.runtime),
  },
} as const satisfies ConnectorDefinition;
