import type { gmail_v1 } from '@googleapis/gmail';
import type { ConnectorRuntime, ItemDraft, ItemKey, SyncContext } from '../../src/sync/connector.ts';
import { mapConcurrent } from '../../src/sync/concurrency.ts';
import { googleStatus } from '../../src/sync/google.ts';
import { classify, createClient } from './client.ts';
import { type GmailCursor, cursorOf, windowStart } from './cursor.ts';
import { mapMessage } from './map.ts';
import { asRawMessage } from './types.ts';

type Client = gmail_v1.Gmail;

/** Messages a listing page asks for (Gmail allows up to 500). */
const pageSize = 100;
/** `messages.get` requests in flight at once. */
const fetchConcurrency = 8;
const historyTypes = ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'];
/** Messages Gmail's own listing leaves out; a message moved there is a deletion here. */
const hiddenLabels = ['SPAM', 'TRASH'];

/**
 * Gmail: a first sync lists the mailbox newest first (`messages.list`, within
 * `extra.window` days), fetching each message raw, every page committed with
 * its page token; it starts from the profile's `historyId`, so what changes
 * while it runs is replayed after. From then on `history.list` from the saved
 * `historyId` names the messages added, relabelled or deleted, and only those
 * are fetched. A history id Gmail no longer knows (404) means a full resync.
 */
async function sync(ctx: SyncContext): Promise<void> {
  const run = new GmailRun(ctx);
  let cursor = cursorOf(ctx.cursor);
  if (cursor.listing) {
    cursor = await run.list(cursor);
  } else if (cursor.historyId === undefined) {
    cursor = await run.list(await run.startListing());
  } else {
    const replayed = await run.replay(cursor);
    if (replayed === 'expired') ctx.log('history id expired: full resync');
    if (replayed === 'expired' || ctx.full) cursor = await run.list(await run.startListing(replayed === 'expired'));
    else return;
  }
  await run.replay(cursor);
}

class GmailRun {
  readonly #ctx: SyncContext;
  readonly #client: Client;
  #labels: Promise<Map<string, string>> | undefined;

  constructor(ctx: SyncContext) {
    this.#ctx = ctx;
    this.#client = createClient(ctx);
  }

  /**
   * A bracketed listing from now: its history id from the profile, its window
   * from `extra.window`. `refetch` when the history that would tell label
   * changes of stored messages is lost.
   */
  async startListing(refetch = false): Promise<GmailCursor> {
    const { data } = await this.#ctx.call(() => this.#client.users.getProfile({ userId: 'me' }, { signal: this.#ctx.signal }));
    this.#ctx.beginListing();
    const after = windowStart(this.#ctx.credentials.extra.window);
    return { historyId: data.historyId!, listing: true, pageToken: '', ...(after !== undefined ? { after } : {}), ...(refetch ? { refetch } : {}) };
  }

  /** The listing's pages from the cursor's page token on; returns the cursor once it is done. */
  async list(start: GmailCursor): Promise<GmailCursor> {
    let cursor = start;
    while (cursor.listing) {
      const { data } = await this.#ctx.call(() => this.#client.users.messages.list({
        userId: 'me', maxResults: pageSize,
        ...(cursor.pageToken ? { pageToken: cursor.pageToken } : {}),
        ...(cursor.after !== undefined ? { q: `after:${cursor.after}` } : {}),
      }, { signal: this.#ctx.signal }));
      const ids = (data.messages ?? []).map((message) => message.id!).filter(Boolean);
      const wanted = this.#ctx.check('message', ids.map((id) => ({ externalId: id, updatedAt: 0 })));
      const { items, gone } = await this.#fetch(cursor.refetch ? ids : ids.filter((id) => wanted.has(id)));
      cursor = data.nextPageToken
        ? { ...cursor, pageToken: data.nextPageToken }
        : { historyId: cursor.historyId, ...(cursor.after !== undefined ? { after: cursor.after } : {}) };
      this.#ctx.commit({ items, deleted: gone, cursor, ...(data.resultSizeEstimate ? { total: data.resultSizeEstimate } : {}) });
    }
    this.#ctx.endListing();
    return cursor;
  }

  /** Applies the history since the cursor's `historyId`, page by page; `expired` when Gmail no longer keeps it. */
  async replay(from: GmailCursor): Promise<'done' | 'expired'> {
    const { historyId, after } = from;
    if (historyId === undefined) return 'expired';
    let pageToken: string | undefined;
    do {
      const data = await this.#historyPage(historyId, pageToken);
      if (data === undefined) return 'expired';
      const touched = new Set<string>();
      const removed = new Set<string>();
      for (const record of data.history ?? []) {
        const changed = [...record.messagesAdded ?? [], ...record.labelsAdded ?? [], ...record.labelsRemoved ?? []];
        for (const { message } of changed) if (message?.id && !removed.has(message.id)) touched.add(message.id);
        for (const { message } of record.messagesDeleted ?? []) {
          if (!message?.id) continue;
          touched.delete(message.id);
          removed.add(message.id);
        }
      }
      const { items, gone } = await this.#fetch([...touched]);
      pageToken = data.nextPageToken ?? undefined;
      // Until its last page, a replay is redone from the same history id after a crash: it is idempotent.
      const cursor: GmailCursor = { historyId: pageToken ? historyId : data.historyId!, ...(after !== undefined ? { after } : {}) };
      this.#ctx.commit({ items, deleted: [...gone, ...[...removed].map((id) => ({ kind: 'message', externalId: id }))], cursor });
    } while (pageToken);
    return 'done';
  }

  async #historyPage(historyId: string, pageToken: string | undefined): Promise<gmail_v1.Schema$ListHistoryResponse | undefined> {
    return this.#ctx.call(async () => {
      try {
        const { data } = await this.#client.users.history.list({
          userId: 'me', startHistoryId: historyId, maxResults: 500, historyTypes, ...(pageToken ? { pageToken } : {}),
        }, { signal: this.#ctx.signal });
        return data;
      } catch (error) {
        if (googleStatus(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Messages in raw form, mapped; those gone meanwhile, or in spam or trash, as deletions. */
  async #fetch(ids: readonly string[]): Promise<{ items: ItemDraft[]; gone: ItemKey[] }> {
    if (ids.length === 0) return { items: [], gone: [] };
    const labels = await this.#labelNames();
    const fetched = await mapConcurrent(ids, fetchConcurrency, async (id) => {
      const message = await this.#message(id);
      const raw = message && asRawMessage(message);
      return raw && !raw.labelIds.some((label) => hiddenLabels.includes(label)) ? mapMessage(raw, labels) : id;
    });
    return {
      items: fetched.filter((entry) => typeof entry !== 'string'),
      gone: fetched.filter((entry) => typeof entry === 'string').map((id) => ({ kind: 'message', externalId: id })),
    };
  }

  async #message(id: string): Promise<gmail_v1.Schema$Message | undefined> {
    return this.#ctx.call(async () => {
      try {
        return (await this.#client.users.messages.get({ userId: 'me', id, format: 'raw' }, { signal: this.#ctx.signal })).data;
      } catch (error) {
        if (googleStatus(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Label id → name, read once per run and only when a message is to be mapped. */
  #labelNames(): Promise<Map<string, string>> {
    this.#labels ??= this.#ctx.call(() => this.#client.users.labels.list({ userId: 'me' }, { signal: this.#ctx.signal }))
      .then(({ data }) => new Map((data.labels ?? []).map((label) => [label.id!, label.name ?? label.id!])));
    this.#labels.catch(() => { this.#labels = undefined; });
    return this.#labels;
  }
}

export const runtime: ConnectorRuntime = {
  async describeAccount(ctx) {
    const { data } = await ctx.call(() => createClient(ctx).users.getProfile({ userId: 'me' }, { signal: ctx.signal }));
    return { id: data.emailAddress!, email: data.emailAddress! };
  },
  sync,
  classify,
};
