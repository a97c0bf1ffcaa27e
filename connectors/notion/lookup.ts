import { type Client, type SearchResponse, isFullDataSource, isFullPage, isFullUser } from '@notionhq/client';
import type { SyncContext } from '../../src/sync/connector.ts';
import { errorCode } from './client.ts';
import { titleOf } from './map.ts';
import { plainOf } from './rich-text.ts';
import type { DataSourceInfo, Lookup, PageObjectResponse } from './types.ts';

type DataSource = Extract<SearchResponse['results'][number], { object: 'data_source'; title: unknown }>;

function infoOf(source: DataSource): DataSourceInfo {
  const parent = source.database_parent;
  return { title: plainOf(source.title), parentPageId: parent.type === 'page_id' ? parent.page_id : null };
}

/**
 * The names a run needs to map pages: people (`users.list`, read once), the
 * titles of parent pages and of databases' data sources. Search results fill
 * it as they pass; what is still missing is read before a batch is mapped.
 */
export class RunLookup implements Lookup {
  readonly #client: Client;
  readonly #ctx: SyncContext;
  #users: Map<string, string> | undefined;
  readonly #pages = new Map<string, string | null>();
  readonly #sources = new Map<string, DataSourceInfo | null>();

  constructor(client: Client, ctx: SyncContext) {
    this.#client = client;
    this.#ctx = ctx;
  }

  see(results: readonly SearchResponse['results'][number][]): void {
    for (const result of results) {
      if (isFullPage(result)) this.#pages.set(result.id, titleOf(result));
      else if (isFullDataSource(result)) this.#sources.set(result.id, infoOf(result));
    }
  }

  /** Reads the people, data sources and parent pages that mapping `pages` needs and the run has not seen. */
  async prepare(pages: readonly PageObjectResponse[]): Promise<void> {
    if (pages.length === 0) return;
    this.#users ??= await this.#readUsers();
    for (const page of pages) {
      if (page.parent.type === 'data_source_id' && !this.#sources.has(page.parent.data_source_id)) {
        const id = page.parent.data_source_id;
        const source = await this.#retrieve(() => this.#client.dataSources.retrieve({ data_source_id: id }));
        this.#sources.set(id, source && isFullDataSource(source) ? infoOf(source) : null);
      }
    }
    const parents = pages.map((page) => (page.parent.type === 'page_id' ? page.parent.page_id : page.parent.type === 'data_source_id' ? this.#sources.get(page.parent.data_source_id)?.parentPageId : null));
    for (const id of new Set(parents)) {
      if (!id || this.#pages.has(id)) continue;
      const page = await this.#retrieve(() => this.#client.pages.retrieve({ page_id: id }));
      this.#pages.set(id, page && isFullPage(page) ? titleOf(page) : null);
    }
  }

  user(id: string): string | null {
    return this.#users?.get(id) ?? null;
  }

  pageTitle(id: string): string | null {
    return this.#pages.get(id) ?? null;
  }

  dataSource(id: string): DataSourceInfo | null {
    return this.#sources.get(id) ?? null;
  }

  /** An object, or undefined when it is gone or not shared with the integration. */
  #retrieve<T>(request: () => Promise<T>): Promise<T | undefined> {
    return this.#ctx.call(async () => {
      try {
        return await request();
      } catch (error) {
        if (errorCode(error) === 'object_not_found') return undefined;
        throw error;
      }
    });
  }

  /** Everyone in the workspace; without the "read user information" capability, nobody (names stay empty). */
  async #readUsers(): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await this.#ctx.call(async () => {
        try {
          return await this.#client.users.list({ page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) });
        } catch (error) {
          if (errorCode(error) === 'restricted_resource') return undefined;
          throw error;
        }
      });
      if (!page) {
        this.#ctx.log('users.list refused (the integration lacks "read user information"): people are left unnamed');
        break;
      }
      for (const user of page.results) if (isFullUser(user) && user.name) names.set(user.id, user.name);
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor);
    return names;
  }
}
