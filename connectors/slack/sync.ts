import { type WebClient, WebAPIPlatformError } from '@slack/web-api';
import type { ConnectorRuntime, ItemDraft, ItemKey, SyncContext, SyncCursor } from '../../src/sync/connector.ts';
import { classify, createClient } from './client.ts';
import { externalIdOf, fingerprintOf, kindOf, mapThread, versionOf } from './map.ts';
import type { Directory, SlackMessage, SlackThread } from './types.ts';
import { directoryLoader, displayName } from './users.ts';

const pageSize = 200;
const day = 86_400;
/** Message subtypes that are conversation, not channel bookkeeping (joins, topic changes…). */
const conversational = new Set([undefined, 'bot_message', 'file_share', 'me_message']);

/**
 * Slack's checkpoint, flat: `url` (the workspace's, for permalinks),
 * `latest:<channel>` (the newest message read), and a listing in progress as
 * `listing` (channel ids left, the current first), `listCursor` and `listHigh`.
 */
type Cursor = Map<string, string>;

interface Run {
  client: WebClient;
  ctx: SyncContext;
  cursor: Cursor;
  directory: () => Promise<Directory>;
  names: ReadonlyMap<string, string>;
}

/**
 * Slack: the channels the token reads (`extra.channels` narrows them by name).
 * A channel is first listed newest first over `extra.historyDays` (90; 0 for
 * everything); afterwards each run re-reads a window of `extra.lookbackDays` (3)
 * before the newest message, with `oldest`: new messages, new replies (a
 * parent's `latest_reply`) and edits show there, and only conversations whose
 * version moved cost a conversations.replies call. Slack signals no deletions
 * in history, but a window read whole is a listing of its channel's
 * conversations: one missing from it was deleted. Deletions older than the
 * window wait for the daily full listing.
 */
async function sync(ctx: SyncContext): Promise<void> {
  const client = createClient(ctx);
  const cursor: Cursor = new Map(Object.entries(ctx.cursor ?? {}).map(([key, value]) => [key, String(value)]));
  if (!cursor.has('url')) cursor.set('url', (await ctx.call(() => client.auth.test())).url ?? 'https://slack.com/');
  const names = await channels(client, ctx);
  const run: Run = { client, ctx, cursor, directory: directoryLoader(client, ctx), names };
  await listChannels(run);
  for (const id of names.keys()) if (cursor.has(`latest:${id}`)) await readWindow(run, id);
}

async function listChannels(run: Run): Promise<void> {
  const { ctx, cursor } = run;
  if (!cursor.has('listing')) {
    const queue = [...run.names.keys()].filter((id) => ctx.full || !cursor.has(`latest:${id}`));
    if (queue.length === 0) return;
    if (ctx.full) ctx.beginListing();
    cursor.set('listing', queue.join(','));
  }
  const historyDays = Number(ctx.credentials.extra.historyDays ?? 90);
  const oldest = historyDays > 0 ? String(Math.floor(Date.now() / 1000) - historyDays * day) : undefined;
  for (let id = queueOf(cursor)[0]; id !== undefined; id = queueOf(cursor)[0]) {
    const page = await history(run, id, { oldest, cursor: cursor.get('listCursor') });
    if (!cursor.has('listHigh')) cursor.set('listHigh', page?.messages?.[0]?.ts ?? '0');
    const { items, deleted } = await conversations(run, id, page?.messages ?? []);
    const next = page?.response_metadata?.next_cursor;
    if (page?.has_more && next) cursor.set('listCursor', next);
    else {
      if (!cursor.has(`latest:${id}`)) cursor.set(`latest:${id}`, cursor.get('listHigh')!);
      cursor.delete('listCursor');
      cursor.delete('listHigh');
      const rest = queueOf(cursor).filter((queued) => queued !== id);
      if (rest.length > 0) cursor.set('listing', rest.join(','));
      else cursor.delete('listing');
    }
    ctx.commit({ items, deleted, cursor: snapshot(cursor) });
  }
  ctx.endListing();
}

/**
 * The window before the newest message read: what changed there, what is new,
 * and what was deleted. The window is bracketed as a listing of the channel's
 * conversations after `oldest` (exclusive, as Slack reads it); a channel gone
 * mid-window ends nothing, so a failed read deletes nothing.
 */
async function readWindow(run: Run, id: string): Promise<void> {
  const latest = run.cursor.get(`latest:${id}`)!;
  const lookbackDays = Number(run.ctx.credentials.extra.lookbackDays ?? 3);
  const oldest = String(Math.max(0, Number(latest) - lookbackDays * day));
  run.ctx.beginListing(['thread', 'message'], (externalId) => externalId.startsWith(`${id}:`) && Number(externalId.slice(id.length + 1)) > Number(oldest));
  let newest = latest;
  for (let pageCursor: string | undefined; ;) {
    const page = await history(run, id, { oldest, cursor: pageCursor });
    if (!page) return;
    const messages = page.messages ?? [];
    for (const message of messages) if (message.ts && Number(message.ts) > Number(newest)) newest = message.ts;
    const { items, deleted } = await conversations(run, id, messages);
    pageCursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
    if (!pageCursor) run.cursor.set(`latest:${id}`, newest);
    if (items.length > 0 || deleted.length > 0 || newest !== latest) run.ctx.commit({ items, deleted, cursor: snapshot(run.cursor) });
    if (!pageCursor) {
      run.ctx.endListing();
      return;
    }
  }
}

/**
 * The conversations of a history page whose version the store lacks, as items.
 * A lone message that gained replies becomes a thread (and the other way), so
 * the item of the other kind is deleted with it.
 */
async function conversations(run: Run, channelId: string, messages: readonly SlackMessage[]): Promise<{ items: ItemDraft[]; deleted: ItemKey[] }> {
  const tops = messages.filter((message) => conversational.has(message.subtype) && (!message.thread_ts || message.thread_ts === message.ts));
  const wanted = new Set<string>();
  for (const kind of ['thread', 'message'] as const) {
    const ofKind = tops.filter((message) => kindOf(message) === kind);
    const versions = ofKind.map((message) => ({ externalId: externalIdOf(channelId, message.ts), updatedAt: versionOf(message), fingerprint: fingerprintOf(message) }));
    for (const id of run.ctx.check(kind, versions)) wanted.add(id);
  }
  const items: ItemDraft[] = [];
  const deleted: ItemKey[] = [];
  if (wanted.size === 0) return { items, deleted };
  const directory = await run.directory();
  const channel = { id: channelId, name: run.names.get(channelId) ?? channelId };
  for (const top of tops) {
    const externalId = externalIdOf(channelId, top.ts);
    if (!wanted.has(externalId)) continue;
    const thread: SlackThread = { channel, workspaceUrl: run.cursor.get('url')!, messages: kindOf(top) === 'thread' ? await replies(run, channelId, top) : [top] };
    items.push(mapThread(thread, directory));
    deleted.push({ kind: kindOf(top) === 'thread' ? 'message' : 'thread', externalId });
  }
  return { items, deleted };
}

/** A thread's messages, parent first (conversations.replies, 200 a page); the parent alone if the thread vanished. */
async function replies(run: Run, channel: string, parent: SlackMessage): Promise<SlackMessage[]> {
  // The parent as history listed it: the stored version and fingerprint are compared with the listing's.
  const all: SlackMessage[] = [parent];
  let cursor: string | undefined;
  do {
    const page = await run.ctx.call(() => orGone(run.client.conversations.replies({ channel, ts: parent.ts!, limit: pageSize, ...(cursor ? { cursor } : {}) })));
    if (!page) return [parent];
    for (const message of page.messages ?? []) if (message.ts !== parent.ts) all.push(message);
    cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
  } while (cursor);
  return all;
}

/** One page of a channel's history, newest first; undefined when the channel went away or the token left it. */
function history(run: Run, channel: string, options: { oldest?: string; cursor?: string }) {
  return run.ctx.call(() => orGone(run.client.conversations.history({
    channel, limit: pageSize, ...(options.oldest ? { oldest: options.oldest } : {}), ...(options.cursor ? { cursor: options.cursor } : {}),
  })));
}

async function orGone<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof WebAPIPlatformError && ['channel_not_found', 'not_in_channel', 'thread_not_found'].includes(error.data.error)) return undefined;
    throw error;
  }
}

/** The channels to sync, id → name: those the token is a member of, narrowed by `extra.channels`. */
async function channels(client: WebClient, ctx: SyncContext): Promise<Map<string, string>> {
  const wanted = new Set((ctx.credentials.extra.channels ?? '').split(',').map((name) => name.trim().replace(/^#/, '')).filter(Boolean));
  const found = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await ctx.call(() => client.conversations.list({
      types: 'public_channel,private_channel', exclude_archived: true, limit: pageSize, ...(cursor ? { cursor } : {}),
    }));
    for (const channel of page.channels ?? []) {
      if (channel.id && channel.name && channel.is_member && (wanted.size === 0 || wanted.has(channel.name))) found.set(channel.id, channel.name);
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return found;
}

function queueOf(cursor: Cursor): string[] {
  return (cursor.get('listing') ?? '').split(',').filter(Boolean);
}

function snapshot(cursor: Cursor): SyncCursor {
  return Object.fromEntries(cursor);
}

export const runtime: ConnectorRuntime = {
  /** The user behind the token, named as messages show people (display name), so "me" matches authors. */
  async describeAccount(ctx) {
    const client = createClient(ctx);
    const auth = await ctx.call(() => client.auth.test());
    const user = auth.user_id ? (await ctx.call(() => client.users.info({ user: auth.user_id! }))).user : undefined;
    const email = user?.profile?.email;
    return { id: auth.user_id ?? '', name: user ? displayName(user) : (auth.user ?? ''), ...(email ? { email } : {}) };
  },
  sync,
  classify,
};
