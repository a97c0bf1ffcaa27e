/**
 * Notion's objects as the SDK types them (API version 2025-09-03, the SDK's
 * default), and the shapes the connector builds from them.
 */
import type {
  BlockObjectResponse, DataSourceObjectResponse, PageObjectResponse, RichTextItemResponse, UserObjectResponse,
} from '@notionhq/client';

export type { BlockObjectResponse, DataSourceObjectResponse, PageObjectResponse, RichTextItemResponse, UserObjectResponse };

/** One property value of a page (a database row's column). */
export type PropertyValue = PageObjectResponse['properties'][string];

/** A block with its children, read recursively. */
export interface BlockNode {
  block: BlockObjectResponse;
  children: BlockNode[];
}

/** A page and its content, ready to map. */
export interface PageContent {
  page: PageObjectResponse;
  blocks: BlockNode[];
}

/** A database's data source as a row's front matter names it. */
export interface DataSourceInfo {
  title: string;
  /** The page that holds the database, where it is a page. */
  parentPageId: string | null;
}

/** Names the mapping needs beyond the page itself: people, parent pages, databases. */
export interface Lookup {
  user(id: string): string | null;
  pageTitle(id: string): string | null;
  dataSource(id: string): DataSourceInfo | null;
}
