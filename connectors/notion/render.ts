import { type FrontMatterScalar, fileNameOf, frontMatter } from '../../src/sync/render.ts';
import type { NotionMetadata } from './map.ts';
import { readableValue } from './properties.ts';
import type { Lookup, PageObjectResponse } from './types.ts';

/**
 * A Notion page as Markdown: YAML front matter (title, url, id, created and
 * edited times and people, parent page, database, and a database row's every
 * property as a readable value), then the title and the page's blocks. File
 * name: the id's first 8 hex digits and a slug of the title, `<id8>_<slug>.md`.
 */
export function renderPage(
  page: PageObjectResponse, title: string, metadata: NotionMetadata, markdown: string, lookup: Lookup,
): { fileName: string; content: Buffer; properties: string } {
  const properties: Record<string, FrontMatterScalar> = {};
  for (const [name, value] of Object.entries(page.properties)) if (value.type !== 'title') properties[name] = readableValue(value, lookup);
  const header = frontMatter({
    title,
    url: page.url,
    id: page.id,
    created: page.created_time,
    created_by: metadata.author,
    edited: page.last_edited_time,
    edited_by: metadata.edited_by,
    parent: metadata.parent,
    database: metadata.database,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  });
  const text = Object.entries(properties).map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value ?? '')}`).join('\n');
  return {
    fileName: fileNameOf(page.id.replaceAll('-', '').slice(0, 8), title, 'md'),
    content: Buffer.from(`${header}\n# ${title}\n${markdown ? `\n${markdown}\n` : ''}`),
    properties: text,
  };
}
