import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { gmail_v1 } from '@googleapis/gmail';
import { people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import type { RawMessage } from '../types.ts';
import { compose, snippetOf } from './compose.ts';
import { type Letter, type ThreadSeed, letter, owner } from './mailbox.ts';

/** A message as the fake keeps it. */
export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  historyId: number;
  raw: Buffer;
  snippet: string;
}

/** What the fake serves: one account's labels and messages. */
export interface GmailDataset {
  email: string;
  labels: gmail_v1.Schema$Label[];
  messages: StoredMessage[];
}

const systemLabels = ['INBOX', 'SENT', 'DRAFT', 'SPAM', 'TRASH', 'UNREAD', 'STARRED', 'IMPORTANT', 'CHAT',
  'CATEGORY_PERSONAL', 'CATEGORY_SOCIAL', 'CATEGORY_PROMOTIONS', 'CATEGORY_UPDATES', 'CATEGORY_FORUMS'];
const userLabels: [string, string][] = [['Label_1', 'Finance/Invoices'], ['Label_2', 'Receipts'], ['Label_3', 'Travel']];

export function labelList(): gmail_v1.Schema$Label[] {
  return [
    ...systemLabels.map((id) => ({ id, name: id, type: 'system', messageListVisibility: 'hide', labelListVisibility: 'labelShow' })),
    ...userLabels.map(([id, name]) => ({ id, name, type: 'user', messageListVisibility: 'show', labelListVisibility: 'labelShow' })),
  ];
}

const end = Date.parse('2026-11-20T12:00:00Z');
const day = 86_400_000;

/** Gmail-style message ids: 16 hex digits that grow with time. */
export function messageIdAt(at: number, sequence: number): string {
  return (BigInt(at) * 1_048_576n + BigInt(sequence % 1_048_576)).toString(16).padStart(16, '0');
}

/** A delivered letter as the fake stores it. */
export function store(letterToStore: Letter, id: string, threadId: string, historyId: number): StoredMessage {
  return {
    id, threadId, labelIds: letterToStore.labelIds, internalDate: letterToStore.draft.date, historyId,
    raw: compose(letterToStore.draft), snippet: snippetOf(letterToStore.draft.text),
  };
}

/** A deterministic mailbox of `messages` messages over the last year, newest on 2026-11-20. */
export function generateDataset(options: { messages: number; seed?: number }): GmailDataset {
  const random = new SeededRandom(options.seed ?? 1);
  const times = Array.from({ length: options.messages }, () => end - Math.floor(random.next() * 365 * day)).sort((a, b) => a - b);
  const threads: ThreadSeed[] = [];
  const messages = times.map((at, index) => {
    const id = messageIdAt(at, index);
    const mail = letter(random, at, `<${id}.${index}@mail.gmail.com>`, threads.slice(-40));
    const thread = mail.replyTo ?? id;
    const stored = store(mail, id, thread, 1000 + index);
    if (!mail.replyTo && mail.labelIds.some((label) => label === 'CATEGORY_PERSONAL' || label === 'SENT')) {
      const other = mail.draft.from.email === owner.email ? mail.draft.to[0]! : mail.draft.from;
      threads.push({ id, subject: mail.draft.subject, messageId: mail.draft.messageId, with: people.find((person) => person.email === other.email)! });
    }
    return stored;
  });
  return { email: owner.email, labels: labelList(), messages };
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** The raw-format messages of `fixtures/` (`messages.get.<id>.json`, Gmail's answers to `format=raw`). */
export function fixtureMessages(): RawMessage[] {
  return readdirSync(fixtures).filter((name) => name.startsWith('messages.get.')).sort()
    .map((name) => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as RawMessage);
}

export function fixtureDataset(): GmailDataset {
  const profile = JSON.parse(readFileSync(join(fixtures, 'users.getProfile.json'), 'utf8')) as gmail_v1.Schema$Profile;
  const labels = (JSON.parse(readFileSync(join(fixtures, 'labels.list.json'), 'utf8')) as gmail_v1.Schema$ListLabelsResponse).labels ?? [];
  const messages = fixtureMessages().map((message) => ({
    id: message.id, threadId: message.threadId, labelIds: message.labelIds, internalDate: Number(message.internalDate),
    historyId: Number(message.historyId), raw: Buffer.from(message.raw, 'base64url'), snippet: message.snippet,
  }));
  return { email: profile.emailAddress!, labels, messages };
}
