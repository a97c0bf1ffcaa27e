import type { gmail_v1 } from '@googleapis/gmail';

export type GmailApiMessage = gmail_v1.Schema$Message;

/** A message as `users.messages.get` with `format=raw` returns it, with the fields the connector needs. */
export interface RawMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  snippet: string;
  /** Milliseconds since the epoch, as a decimal string. */
  internalDate: string;
  historyId: string;
  /** The RFC 822 message, base64url. */
  raw: string;
}

/** The fields of `format=raw` the connector requires, or undefined when one is missing. */
export function asRawMessage(message: GmailApiMessage): RawMessage | undefined {
  const { id, threadId, internalDate, historyId, raw } = message;
  if (!id || !threadId || !internalDate || !historyId || typeof raw !== 'string') return undefined;
  return { id, threadId, labelIds: message.labelIds ?? [], snippet: message.snippet ?? '', internalDate, historyId, raw };
}
