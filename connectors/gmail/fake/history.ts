import type { gmail_v1 } from '@googleapis/gmail';
import type { StoredMessage } from './dataset.ts';

export type HistoryKind = 'messageAdded' | 'messageDeleted' | 'labelAdded' | 'labelRemoved';

interface HistoryRecord {
  id: number;
  kind: HistoryKind;
  message: { id: string; threadId: string; labelIds: string[] };
  labelIds: string[];
}

/**
 * A mailbox's change log: every change gets the next history id; records
 * older than the retained window are gone, and asking from before it is a 404.
 */
export class MailboxHistory {
  #current: number;
  #floor: number;
  #records: HistoryRecord[] = [];

  constructor(current: number) {
    this.#current = current;
    this.#floor = current;
  }

  get current(): number {
    return this.#current;
  }

  record(kind: HistoryKind, message: StoredMessage, labelIds: readonly string[] = []): number {
    this.#current += 1;
    this.#records.push({ id: this.#current, kind, message: { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] }, labelIds: [...labelIds] });
    return this.#current;
  }

  expire(): void {
    this.#records = [];
    this.#floor = this.#current;
  }

  /** Whether changes since `historyId` are still known. */
  covers(historyId: number): boolean {
    return historyId >= this.#floor && historyId <= this.#current;
  }

  since(historyId: number): HistoryRecord[] {
    return this.#records.filter((record) => record.id > historyId);
  }

  toApi(record: HistoryRecord): gmail_v1.Schema$History {
    const message = { id: record.message.id, threadId: record.message.threadId, labelIds: record.message.labelIds };
    const entry: gmail_v1.Schema$History = { id: String(record.id), messages: [{ id: message.id, threadId: message.threadId }] };
    if (record.kind === 'messageAdded') entry.messagesAdded = [{ message }];
    if (record.kind === 'messageDeleted') entry.messagesDeleted = [{ message }];
    if (record.kind === 'labelAdded') entry.labelsAdded = [{ message, labelIds: record.labelIds }];
    if (record.kind === 'labelRemoved') entry.labelsRemoved = [{ message, labelIds: record.labelIds }];
    return entry;
  }
}
