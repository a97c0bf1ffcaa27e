import { type Client, type SearchParameters, type SearchResponse, isFullPage, isFullUser } from '@notionhq/client';
import type { ConnectorRuntime, ItemDraft, ItemKey, SyncContext } from '../../src/sync/connector.ts';
import { mapConcurrent } from '../../src/sync/concurrency.ts';
import { readBlocks } from './blocks.ts';
import { classify, createClient, errorCode } from './client.ts';
import { type NotionCursor, cursorOf, snapshot } from './cursor.ts';
import { RunLookup } from './lookup.ts';
import { isGone, kindOf, mapPage } from './map.ts';
import type { PageObjectResponse } from './types.ts';

const epoch = '1970-01-01T00:00:00.000Z';
/** Notion rounds `last_edited_time` down to the minute: a minute's edits look alike. */
const minute = 60_000;
/** Pages whose blocks are read at once. */
const fetchConcurrency = 3;

type Result = SearchResponse['results'][number];

const editedAt = (result: Result) => ('last_edited_time' in result ? Date.parse(result.last_edited_time) : 0);

/**
 * Notion: everything shared with the integration through `search`, newest
 * edit first, 100 a page, each page's blocks read and converted to Markdown. A
 * first sync (or a reconcile) lists all and is bracketed, so pages no longer
 * shared become tombstones. Afterwards two passes stop at the last minute
 * already read: the trash (`filter.in_trash`), whose pages become tombstones,
 * and the changes, whose pages are read again unless the store holds their
 * `last_edited_time` from a minute that had closed. Every page of results is
 * committed with the cursor.
 */
async function sync(ctx: SyncContext): Promise<void> {
  const run = new NotionRun(ctx, cursorOf(ctx.cursor));
  if (run.cursor.listCursor || ctx.full || !run.cursor.since) await run.list();
  if (!run.cursor.changesCursor) await run.trash();
  await run.changes();
}

class NotionRun {
  readonly cursor: NotionCursor;
  readonly #ctx: SyncContext;
  readonly #client: Client;
  readonly #lookup: RunLookup;
  /** Edit times of the pages read in this run: a later pass need not read them again for an open minute. */
  readonly #read = new Map<string, string>();

  constructor(ctx: SyncContext, cursor: NotionCursor) {
    this.#ctx = ctx;
    this.cursor = cursor;
    this.#client = createClient(ctx);
    this.#lookup = new RunLookup(this.#client, ctx);
  }

  async list(): Promise<void> {
    const { cursor } = this;
    if (!cursor.listCursor) this.#beginListing();
    for (;;) {
      const page = await this.#search(cursor.listCursor, {});
      if (!page) {
        this.#beginListing();
        continue;
      }
      cursor.listHigh ??= page.results.length > 0 ? new Date(Math.max(...page.results.map(editedAt))).toISOString() : (cursor.since ?? epoch);
      const { items, deleted } = await this.#results(page.results);
      if (page.has_more && page.next_cursor) cursor.listCursor = page.next_cursor;
      else {
        cursor.since = cursor.since && cursor.since > cursor.listHigh ? cursor.since : cursor.listHigh;
        cursor.readAt = cursor.listAt;
        Object.assign(cursor, { listCursor: undefined, listHigh: undefined, listAt: undefined });
      }
      this.#ctx.commit({ items, deleted, cursor: snapshot(cursor) });
      if (!cursor.listCursor) break;
    }
    this.#ctx.endListing();
  }

  /** Trashed pages edited since the last minute read become tombstones. */
  async trash(): Promise<void> {
    const { cursor } = this;
    const floor = this.#floor();
    for (;;) {
      const page = await this.#search(cursor.trashCursor, { in_trash: true });
      if (!page) {
        cursor.trashCursor = undefined;
        continue;
      }
      const recent = page.results.filter((result) => editedAt(result) >= floor);
      const deleted = recent.filter(isFullPage).map((gone): ItemKey => ({ kind: kindOf(gone), externalId: gone.id }));
      const resumed = cursor.trashCursor !== undefined;
      const more = page.has_more && page.next_cursor !== null && recent.length === page.results.length;
      cursor.trashCursor = more ? page.next_cursor! : undefined;
      if (deleted.length > 0 || more || resumed) this.#ctx.commit({ deleted, cursor: snapshot(cursor) });
      if (!more) return;
    }
  }

  /** Pages edited since the last minute read, newest first, until results are older than that. */
  async changes(): Promise<void> {
    const { cursor } = this;
    const floor = this.#floor();
    cursor.changesAt ??= Date.now();
    for (;;) {
      const page = await this.#search(cursor.changesCursor, {});
      if (!page) {
        cursor.changesCursor = undefined;
        continue;
      }
      const recent = page.results.filter((result) => editedAt(result) >= floor);
      cursor.changesHigh ??= recent.length > 0 ? new Date(Math.max(...recent.map(editedAt))).toISOString() : (cursor.since ?? epoch);
      const { items, deleted } = await this.#results(recent);
      const more = page.has_more && page.next_cursor !== null && recent.length === page.results.length;
      if (more) cursor.changesCursor = page.next_cursor!;
      else {
        cursor.since = cursor.since && cursor.since > cursor.changesHigh ? cursor.since : cursor.changesHigh;
        cursor.readAt = cursor.changesAt;
        Object.assign(cursor, { changesCursor: undefined, changesHigh: undefined, changesAt: undefined });
      }
      this.#ctx.commit({ items, deleted, cursor: snapshot(cursor) });
      if (!more) return;
    }
  }

  #beginListing(): void {
    this.#ctx.beginListing();
    Object.assign(this.cursor, { listCursor: undefined, listHigh: undefined, listAt: Date.now() });
  }

  /** The oldest edit time a pass reads: a minute before the last one read, or before the last pass began if earlier. */
  #floor(): number {
    const since = Date.parse(this.cursor.since ?? epoch);
    return Math.min(since, this.cursor.readAt ?? since) - minute;
  }

  /** One page of search results, newest edit first; undefined when Notion refuses a saved start cursor (the pass restarts). */
  async #search(start: string | undefined, filter: { in_trash?: true }): Promise<SearchResponse | undefined> {
    const body: SearchParameters = {
      sort: { timestamp: 'last_edited_time', direction: 'descending' }, page_size: 100,
      ...(filter.in_trash ? { filter: { in_trash: true } } : {}), ...(start ? { start_cursor: start } : {}),
    };
    return this.#ctx.call(async () => {
      try {
        return await this.#client.search(body);
      } catch (error) {
        if (start && errorCode(error) === 'validation_error') {
          this.#ctx.log(`search refused the saved start cursor; the pass starts again: ${(error as Error).message}`);
          return undefined;
        }
        throw error;
      }
    });
  }

  /** Search results → the items to save (pages the store lacks, holds older, or read in an open minute) and the deletions. */
  async #results(results: readonly Result[]): Promise<{ items: ItemDraft[]; deleted: ItemKey[] }> {
    this.#lookup.see(results);
    const pages = results.filter(isFullPage);
    const deleted = pages.filter(isGone).map((page): ItemKey => ({ kind: kindOf(page), externalId: page.id }));
    const live = pages.filter((page) => !isGone(page));
    const wanted = new Set<string>();
    for (const kind of ['page', 'database_row'] as const) {
      const versions = live.filter((page) => kindOf(page) === kind).map((page) => ({ externalId: page.id, updatedAt: Date.parse(page.last_edited_time) }));
      for (const id of this.#ctx.check(kind, versions)) wanted.add(id);
    }
    const { readAt } = this.cursor;
    const open = (page: PageObjectResponse) => readAt !== undefined && Date.parse(page.last_edited_time) + minute > readAt && this.#read.get(page.id) !== page.last_edited_time;
    const fetch = live.filter((page) => wanted.has(page.id) || open(page));
    for (const page of fetch) this.#read.set(page.id, page.last_edited_time);
    return { items: await this.#items(fetch), deleted };
  }

  async #items(pages: readonly PageObjectResponse[]): Promise<ItemDraft[]> {
    await this.#lookup.prepare(pages);
    const items = await mapConcurrent(pages, fetchConcurrency, async (page) => {
      const blocks = await readBlocks(this.#client, this.#ctx, page.id);
      // Deleted or unshared since the search: the next trash pass or listing says which.
      return blocks && mapPage({ page, blocks }, this.#lookup);
    });
    return items.filter((item) => item !== undefined);
  }
}

export const runtime: ConnectorRuntime = {
  async describeAccount(ctx) {
    const me = await ctx.call(() => createClient(ctx).users.me({}));
    // The integration is a bot; "me" is the person who installed it, where Notion says who that is.
    const owner = me.type === 'bot' && 'owner' in me.bot && me.bot.owner.type === 'user' ? me.bot.owner.user : undefined;
    if (owner && isFullUser(owner) && owner.type === 'person') {
      return { id: owner.id, ...(owner.name ? { name: owner.name } : {}), ...(owner.person.email ? { email: owner.person.email } : {}) };
    }
    const workspace = me.type === 'bot' && 'workspace_name' in me.bot ? me.bot.workspace_name : null;
    return { id: me.id, ...((me.name ?? workspace) ? { name: (me.name ?? workspace)! } : {}) };
  },
  sync,
  classify,
};
