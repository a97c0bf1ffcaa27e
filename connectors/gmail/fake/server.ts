import type { gmail_v1 } from '@googleapis/gmail';
import { GoogleFake, googleError } from '../../../src/sync/fake/google.ts';
import type { FakeReply, FakeRoute } from '../../../src/sync/fake/server.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import type { RawMessage } from '../types.ts';
import { type GmailDataset, type StoredMessage, messageIdAt, store } from './dataset.ts';
import { letter } from './mailbox.ts';
import { type HistoryKind, MailboxHistory } from './history.ts';

const base = '^/gmail/v1/users/([^/]+)';
const encodeToken = (message: StoredMessage) => Buffer.from(`${message.internalDate}:${message.id}`).toString('base64url');
const decodeToken = (token: string) => {
  const [date, id] = Buffer.from(token, 'base64url').toString().split(':');
  return { date: Number(date), id: id ?? '' };
};
const newestFirst = (a: StoredMessage, b: StoredMessage) => b.internalDate - a.internalDate || (a.id < b.id ? 1 : -1);

/**
 * Gmail's REST API as `@googleapis/gmail` calls it (`/gmail/v1/users/me/…`):
 * profile, labels, messages listed newest first with `q` (`after:`/`before:`)
 * and `pageToken`/`nextPageToken`, messages in raw, metadata or minimal form,
 * and the history of changes since a `startHistoryId` (404 once it is too old).
 * Errors are Google's JSON error bodies; 429 carries Retry-After. OAuth: a
 * Bearer access token, refreshed at `POST /token` with the refresh token.
 */
export class GmailFake extends GoogleFake {
  protected readonly scope = 'https://www.googleapis.com/auth/gmail.readonly';
  readonly #email: string;
  readonly #labels: gmail_v1.Schema$Label[];
  readonly #messages = new Map<string, StoredMessage>();
  readonly #history: MailboxHistory;
  readonly #random = new SeededRandom(77);
  /** Messages already returned in order, newest first; rebuilt after a change. */
  #sorted: StoredMessage[] | undefined;

  constructor(dataset: GmailDataset) {
    super();
    this.#email = dataset.email;
    this.#labels = structuredClone(dataset.labels);
    for (const message of dataset.messages) this.#messages.set(message.id, { ...message, labelIds: [...message.labelIds] });
    this.#history = new MailboxHistory(Math.max(1000, ...dataset.messages.map((message) => message.historyId)));
  }

  /** Every message a sync should hold (not in spam or trash), in Gmail's raw form. */
  messages(): RawMessage[] {
    return this.#listed().map((message) => this.#raw(message));
  }

  /** The mailbox's current history id, as the profile tells it. */
  get historyId(): string {
    return String(this.#history.current);
  }

  labelNames(): Map<string, string> {
    return new Map(this.#labels.map((label) => [label.id!, label.name!]));
  }

  newest(count: number): StoredMessage[] {
    return this.#listed().slice(0, count);
  }

  /** Delivers a new generated message to the inbox; returns its id. */
  deliver(): string {
    const at = Math.max(Date.parse('2026-11-20T12:00:00Z'), ...[...this.#messages.values()].map((message) => message.internalDate)) + 60_000;
    const id = messageIdAt(at, this.#messages.size);
    const stored = store(letter(this.#random, at, `<${id}@mail.gmail.com>`, []), id, id, 0);
    this.#messages.set(id, stored);
    stored.historyId = this.#history.record('messageAdded', stored);
    this.#sorted = undefined;
    return id;
  }

  /** Adds and removes labels of a message, as the Gmail UI does (read, star, archive, move to trash). */
  relabel(id: string, add: readonly string[], remove: readonly string[] = []): void {
    const message = this.#messages.get(id)!;
    const added = add.filter((label) => !message.labelIds.includes(label));
    const removed = remove.filter((label) => message.labelIds.includes(label));
    message.labelIds = [...message.labelIds.filter((label) => !removed.includes(label)), ...added];
    if (added.length > 0) message.historyId = this.#history.record('labelAdded', message, added);
    if (removed.length > 0) message.historyId = this.#history.record('labelRemoved', message, removed);
    this.#sorted = undefined;
  }

  /** Deletes a message for good (not to trash). */
  delete(id: string): void {
    const message = this.#messages.get(id)!;
    this.#messages.delete(id);
    this.#history.record('messageDeleted', message);
    this.#sorted = undefined;
  }

  /** Drops the retained history, so any saved `historyId` is too old (404), as after a week of no sync. */
  expireHistory(): void {
    this.#history.expire();
  }

  protected override apiRoutes(): readonly FakeRoute[] {
    const route = (method: string, name: string, path: string, handle: FakeRoute['handle']): FakeRoute => ({ method, name, pattern: new RegExp(`${base}${path}$`), handle });
    return [
      route('GET', 'users.getProfile', '/profile', () => ({ status: 200, json: this.#profile() })),
      route('GET', 'users.labels.list', '/labels', () => ({ status: 200, json: { labels: this.#labels } })),
      route('GET', 'users.messages.list', '/messages', (request) => this.#list(request.query)),
      route('GET', 'users.messages.get', '/messages/([^/]+)', (request, [, id]) => this.#get(id!, request.query)),
      route('GET', 'users.history.list', '/history', (request) => this.#historyList(request.query)),
    ];
  }

  #profile(): gmail_v1.Schema$Profile {
    const threads = new Set([...this.#messages.values()].map((message) => message.threadId));
    return { emailAddress: this.#email, messagesTotal: this.#messages.size, threadsTotal: threads.size, historyId: String(this.#history.current) };
  }

  #listed(): StoredMessage[] {
    this.#sorted ??= [...this.#messages.values()].filter((message) => !message.labelIds.some((label) => label === 'SPAM' || label === 'TRASH')).sort(newestFirst);
    return this.#sorted;
  }

  #list(query: URLSearchParams): FakeReply {
    const max = Math.min(Number(query.get('maxResults') ?? 100), 500);
    if (!Number.isInteger(max) || max < 1) return googleError(400, 'Invalid maxResults');
    const { after, before } = parseQuery(query.get('q') ?? '');
    const all = query.get('includeSpamTrash') === 'true' ? [...this.#messages.values()].sort(newestFirst) : this.#listed();
    const matching = all.filter((message) => message.internalDate >= after && message.internalDate < before);
    const token = query.get('pageToken');
    const from = token ? decodeToken(token) : undefined;
    const rest = from ? matching.filter((message) => newestFirst(message, { internalDate: from.date, id: from.id } as StoredMessage) > 0) : matching;
    const page = rest.slice(0, max);
    return {
      status: 200,
      json: {
        ...(page.length > 0 ? { messages: page.map((message) => ({ id: message.id, threadId: message.threadId })) } : {}),
        ...(rest.length > max ? { nextPageToken: encodeToken(page.at(-1)!) } : {}),
        resultSizeEstimate: matching.length,
      },
    };
  }

  #get(id: string, query: URLSearchParams): FakeReply {
    const message = this.#messages.get(id);
    if (!message) return googleError(404, 'Requested entity was not found.');
    const format = query.get('format') ?? 'full';
    if (format === 'raw') return { status: 200, json: this.#raw(message) };
    const minimal = { id: message.id, threadId: message.threadId, labelIds: message.labelIds, snippet: message.snippet, sizeEstimate: message.raw.length, historyId: String(message.historyId), internalDate: String(message.internalDate) };
    if (format === 'minimal') return { status: 200, json: minimal };
    if (format !== 'metadata' && format !== 'full') return googleError(400, `Invalid value at 'format' (${format})`);
    const wanted = query.getAll('metadataHeaders').map((name) => name.toLowerCase());
    const headers = headerLines(message.raw).filter((header) => format === 'full' || wanted.length === 0 || wanted.includes(header.name.toLowerCase()));
    return { status: 200, json: { ...minimal, payload: { partId: '', mimeType: 'multipart/mixed', filename: '', headers } } };
  }

  #historyList(query: URLSearchParams): FakeReply {
    const start = Number(query.get('startHistoryId'));
    if (!query.get('startHistoryId') || !Number.isFinite(start)) return googleError(400, 'Invalid startHistoryId');
    if (!this.#history.covers(start)) return googleError(404, 'Requested entity was not found.');
    const max = Math.min(Number(query.get('maxResults') ?? 100), 500);
    const types = query.getAll('historyTypes') as HistoryKind[];
    const after = query.get('pageToken') ? Number(Buffer.from(query.get('pageToken')!, 'base64url').toString()) : start;
    const records = this.#history.since(after).filter((record) => types.length === 0 || types.includes(record.kind));
    const page = records.slice(0, max);
    return {
      status: 200,
      json: {
        ...(page.length > 0 ? { history: page.map((record) => this.#history.toApi(record)) } : {}),
        ...(records.length > max ? { nextPageToken: Buffer.from(String(page.at(-1)!.id)).toString('base64url') } : {}),
        historyId: String(this.#history.current),
      },
    };
  }

  #raw(message: StoredMessage): RawMessage & { sizeEstimate: number } {
    return {
      id: message.id, threadId: message.threadId, labelIds: [...message.labelIds], snippet: message.snippet, sizeEstimate: message.raw.length,
      historyId: String(message.historyId), internalDate: String(message.internalDate), raw: message.raw.toString('base64url'),
    };
  }
}

/** The header fields of a raw message, as the metadata format lists them. */
function headerLines(raw: Buffer): { name: string; value: string }[] {
  const text = raw.toString('utf8');
  const block = text.slice(0, text.search(/\r?\n\r?\n/));
  return block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/).map((line) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon), value: line.slice(colon + 1).trim() };
  });
}

/** The search operators the fake understands: `after:` and `before:` with epoch seconds or `YYYY/MM/DD`. */
function parseQuery(q: string): { after: number; before: number } {
  const at = (value: string) => (/^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value.replace(/\//g, '-') + 'T00:00:00Z'));
  const after = /(?:^|\s)after:(\S+)/.exec(q)?.[1];
  const before = /(?:^|\s)before:(\S+)/.exec(q)?.[1];
  return { after: after ? at(after) : -Infinity, before: before ? at(before) : Infinity };
}
