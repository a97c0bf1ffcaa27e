import { type Fault, type FakeReply, type FakeRequest, type FakeRoute, FakeProvider } from '../../../src/sync/fake/server.ts';
import { displayName } from '../users.ts';
import type { Directory, SlackMessage, SlackThread } from '../types.ts';
import type { ChannelData, SlackDataset } from './dataset.ts';

type Params = URLSearchParams;

const encodeCursor = (ts: string) => Buffer.from(`next_ts:${ts}`).toString('base64');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64').toString().replace(/^next_ts:/, '');
const offsetCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeOffset = (cursor: string | null) => (cursor ? Number(Buffer.from(cursor, 'base64').toString().replace(/^offset:/, '')) : 0);

/**
 * Slack's Web API as the WebClient calls it: `POST /api/<method>` with a
 * form-encoded body and a Bearer token; answers `{ ok, … }` with HTTP 200, also
 * for errors (`invalid_auth`, `token_revoked`, `channel_not_found`), cursor
 * pagination in `response_metadata.next_cursor`, history newest first between
 * `oldest` and `latest` (exclusive unless `inclusive`), replies parent first.
 * Rate limits are 429 with Retry-After, as Slack sends them.
 */
export class SlackFake extends FakeProvider {
  readonly #dataset: SlackDataset;
  readonly #channels = new Map<string, ChannelData>();
  #clock: number;
  #sequence = 900_000;

  constructor(dataset: SlackDataset) {
    super();
    this.#dataset = structuredClone(dataset);
    for (const data of this.#dataset.channels) this.#channels.set(data.channel.id!, data);
    const all = this.#dataset.channels.flatMap((data) => [...data.messages, ...Object.values(data.replies).flat()]);
    this.#clock = Math.floor(Math.max(Date.parse('2026-11-20T12:00:00Z') / 1000, ...all.map((message) => Number(message.ts)))) + 60;
  }

  /** User id → display name, as the connector resolves them. */
  directory(): Directory {
    return new Map(this.#dataset.users.map((user) => [user.id!, displayName(user)]));
  }

  /** Every conversation the token's user can read, as the connector should file it. */
  threads(): SlackThread[] {
    return this.#dataset.channels.filter((data) => data.channel.is_member).flatMap((data) => data.messages.map((message) => ({
      channel: { id: data.channel.id!, name: data.channel.name! },
      workspaceUrl: this.#dataset.team.url,
      messages: [message, ...(data.replies[message.ts!] ?? [])],
    })));
  }

  channelId(name: string): string {
    return this.#byName(name).channel.id!;
  }

  /** The newest top-level messages of a channel, newest first. */
  recent(channelName: string): SlackMessage[] {
    return this.#byName(channelName).messages.toSorted((a, b) => Number(b.ts) - Number(a.ts));
  }

  post(channelName: string, user: string, text: string): string {
    const ts = this.#tick();
    this.#byName(channelName).messages.push({ type: 'message', user, text, ts });
    return ts;
  }

  reply(channelName: string, parentTs: string, user: string, text: string): void {
    const data = this.#byName(channelName);
    const parent = data.messages.find((message) => message.ts === parentTs)!;
    const ts = this.#tick();
    const replies = [...(data.replies[parentTs] ?? []), { type: 'message', user, text, ts, thread_ts: parentTs }];
    data.replies[parentTs] = replies;
    Object.assign(parent, { thread_ts: parentTs, reply_count: replies.length, latest_reply: ts, reply_users: [...new Set(replies.map((entry) => entry.user))] });
  }

  edit(channelName: string, ts: string, text: string): void {
    const message = this.#byName(channelName).messages.find((candidate) => candidate.ts === ts)!;
    Object.assign(message, { text, edited: { user: message.user, ts: this.#tick() } });
  }

  /** Deletes a reply; the parent's reply count, newest reply and repliers follow, as in Slack. */
  deleteReply(channelName: string, parentTs: string, ts: string): void {
    const data = this.#byName(channelName);
    const parent = data.messages.find((message) => message.ts === parentTs)!;
    const replies = (data.replies[parentTs] ?? []).filter((reply) => reply.ts !== ts);
    data.replies[parentTs] = replies;
    Object.assign(parent, { reply_count: replies.length, latest_reply: replies.at(-1)?.ts, reply_users: [...new Set(replies.map((entry) => entry.user))] });
  }

  delete(channelName: string, ts: string): void {
    const data = this.#byName(channelName);
    data.messages = data.messages.filter((message) => message.ts !== ts);
    delete data.replies[ts];
  }

  protected override routes(): readonly FakeRoute[] {
    const method = (name: string, handle: (params: Params) => FakeReply): FakeRoute => ({
      method: 'POST', name, pattern: new RegExp(`^/api/${name.replace('.', '\\.')}$`), handle: (request) => handle(new URLSearchParams(request.body)),
    });
    return [
      method('auth.test', () => this.#ok({ url: this.#dataset.team.url, team: this.#dataset.team.name, user: this.#user(this.#dataset.userId)?.name, team_id: this.#dataset.team.id, user_id: this.#dataset.userId, is_enterprise_install: false })),
      method('users.info', (params) => {
        const user = this.#user(params.get('user') ?? '');
        return user ? this.#ok({ user }) : this.#error('user_not_found');
      }),
      method('users.list', (params) => this.#paged(this.#dataset.users, params, 'members')),
      method('conversations.list', (params) => {
        const types = (params.get('types') ?? 'public_channel').split(',');
        const channels = this.#dataset.channels.map((data) => data.channel)
          .filter((channel) => types.includes(channel.is_private ? 'private_channel' : 'public_channel'))
          .filter((channel) => !(params.get('exclude_archived') === 'true' && channel.is_archived))
          .filter((channel) => !channel.is_private || channel.is_member);
        return this.#paged(channels, params, 'channels');
      }),
      method('conversations.history', (params) => this.#history(params)),
      method('conversations.replies', (params) => this.#replies(params)),
    ];
  }

  protected override authorized(request: FakeRequest): boolean {
    const bearer = request.headers.authorization;
    const token = bearer?.startsWith('Bearer ') ? bearer.slice(7) : new URLSearchParams(request.body).get('token');
    return token === this.#dataset.token;
  }

  /** Slack answers a refused token with HTTP 200; `token_revoked` once revoked. */
  protected override unauthorized(): FakeReply {
    return this.#error('token_revoked');
  }

  protected override faultReply(fault: Fault): FakeReply {
    if (fault.status === 429) return { status: 429, headers: { 'retry-after': String(fault.retryAfter ?? 30) }, json: { ok: false, error: 'ratelimited' } };
    return { status: fault.status, json: { ok: false, error: 'internal_error' } };
  }

  #history(params: Params): FakeReply {
    const data = this.#channels.get(params.get('channel') ?? '');
    if (!data) return this.#error('channel_not_found');
    if (!data.channel.is_member) return this.#error('not_in_channel');
    const inclusive = params.get('inclusive') === 'true';
    const oldest = Number(params.get('oldest') ?? 0);
    const latest = Number(params.get('latest') ?? Infinity);
    const after = params.get('cursor') ? Number(decodeCursor(params.get('cursor')!)) : Infinity;
    const limit = Math.min(Number(params.get('limit') ?? 100), 999);
    const within = data.messages
      .filter((message) => {
        const at = Number(message.ts);
        return (inclusive ? at >= oldest : at > oldest) && (inclusive ? at <= latest : at < latest) && at < after;
      })
      .sort((a, b) => Number(b.ts) - Number(a.ts));
    const page = within.slice(0, limit);
    const more = within.length > limit;
    return this.#ok({
      messages: page, has_more: more, pin_count: 0, channel_actions_ts: null, channel_actions_count: 0,
      response_metadata: { next_cursor: more ? encodeCursor(page.at(-1)!.ts!) : '' },
    });
  }

  #replies(params: Params): FakeReply {
    const data = this.#channels.get(params.get('channel') ?? '');
    if (!data) return this.#error('channel_not_found');
    const parent = data.messages.find((message) => message.ts === params.get('ts'));
    if (!parent) return this.#error('thread_not_found');
    return this.#paged([parent, ...(data.replies[parent.ts!] ?? [])], params, 'messages');
  }

  #paged<T>(all: readonly T[], params: Params, key: string): FakeReply {
    const offset = decodeOffset(params.get('cursor'));
    const limit = Math.min(Number(params.get('limit') ?? 100), 1000);
    const more = offset + limit < all.length;
    return this.#ok({ [key]: all.slice(offset, offset + limit), ...(key === 'messages' ? { has_more: more } : {}), response_metadata: { next_cursor: more ? offsetCursor(offset + limit) : '' } });
  }

  #ok(body: Record<string, unknown>): FakeReply {
    return { status: 200, json: { ok: true, ...body } };
  }

  #error(error: string): FakeReply {
    return { status: 200, json: { ok: false, error } };
  }

  #user(id: string) {
    return this.#dataset.users.find((user) => user.id === id);
  }

  #byName(name: string): ChannelData {
    const data = this.#dataset.channels.find((candidate) => candidate.channel.name === name);
    if (!data) throw new Error(`no channel #${name} in the fake`);
    return data;
  }

  #tick(): string {
    this.#clock += 1;
    return `${this.#clock}.${String(++this.#sequence).padStart(6, '0')}`;
  }
}
