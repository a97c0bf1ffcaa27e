import type { RenderedItem } from '../../src/sync/connector.ts';
import { markdownOfBlocks } from './markdown.ts';
import { plainOf } from './rich-text.ts';
import { renderPage } from './render.ts';
import type { Lookup, PageContent, PageObjectResponse } from './types.ts';

/** The metadata guidance filters on; keys are the fields `index.ts` declares. */
export interface NotionMetadata {
  database: string | null;
  parent: string | null;
  author: string | null;
  edited_by: string | null;
  status: string | null;
  tags: string[];
}

export type NotionKind = 'page' | 'database_row';

/** A page whose parent is a database (its data source) is a row; every other page is a page. */
export function kindOf(page: Pick<PageObjectResponse, 'parent'>): NotionKind {
  return page.parent.type === 'data_source_id' || page.parent.type === 'database_id' ? 'database_row' : 'page';
}

/** The page's title property as text. */
export function titleOf(page: Pick<PageObjectResponse, 'properties'>): string {
  for (const value of Object.values(page.properties)) if (value.type === 'title') return plainOf(value.title).trim();
  return '';
}

/** Archived and trashed pages leave the store. */
export function isGone(page: Pick<PageObjectResponse, 'in_trash' | 'archived'> & { is_archived?: boolean }): boolean {
  return page.in_trash || page.archived || page.is_archived === true;
}

/** The database (data source) and parent page titles: a row's parent is the page that holds its database. */
function placeOf(page: PageObjectResponse, lookup: Lookup): { database: string | null; parent: string | null } {
  const { parent } = page;
  if (parent.type === 'page_id') return { database: null, parent: lookup.pageTitle(parent.page_id) };
  if (parent.type !== 'data_source_id') return { database: null, parent: null };
  const source = lookup.dataSource(parent.data_source_id);
  return { database: source?.title ?? null, parent: source?.parentPageId ? lookup.pageTitle(source.parentPageId) : null };
}

export function metadataOf(page: PageObjectResponse, lookup: Lookup): NotionMetadata {
  const values = Object.values(page.properties);
  const status = values.find((value) => value.type === 'status') ?? values.find((value) => value.type === 'select');
  const tags = values.flatMap((value) => (value.type === 'multi_select' ? value.multi_select.map((option) => option.name) : []));
  return {
    ...placeOf(page, lookup),
    author: lookup.user(page.created_by.id),
    edited_by: lookup.user(page.last_edited_by.id),
    status: status?.type === 'status' ? (status.status?.name ?? null) : status?.type === 'select' ? (status.select?.name ?? null) : null,
    tags: [...new Set(tags)],
  };
}

/** A page or database row → the item the store keeps; its id is Notion's page id. */
export function mapPage(content: PageContent, lookup: Lookup): RenderedItem {
  const { page } = content;
  const title = titleOf(page) || 'Untitled';
  const metadata = metadataOf(page, lookup);
  const markdown = markdownOfBlocks(content.blocks);
  const { fileName, content: bytes, properties } = renderPage(page, title, metadata, markdown, lookup);
  return {
    kind: kindOf(page),
    externalId: page.id,
    title,
    fileName,
    body: [title, properties, markdown].filter(Boolean).join('\n\n'),
    metadata: { ...metadata },
    content: bytes,
    createdAt: Date.parse(page.created_time),
    updatedAt: Date.parse(page.last_edited_time),
  };
}
