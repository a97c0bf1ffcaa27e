import type { RenderedItem } from '../../src/sync/connector.ts';
import { addressList, addressOf, attachmentNames, decodeWords, displayOf, plainText, splitHeaders } from './mime.ts';
import { renderMessage } from './render.ts';
import type { RawMessage } from './types.ts';

/** The metadata guidance filters on; keys are the fields `index.ts` declares. */
export interface GmailMetadata {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  labels: string[];
  thread: string;
  unread: boolean;
  starred: boolean;
  has_attachment: boolean;
  attachment: string[];
  date: string;
  snippet: string;
}

/** The longest searchable text kept from a message body. */
const maxBodyText = 20_000;

/**
 * A raw Gmail message → the item the store keeps: headers and labels (by name,
 * from `labelNames`: id → name) as metadata, the exact bytes as its file.
 */
export function mapMessage(message: RawMessage, labelNames: ReadonlyMap<string, string>): RenderedItem {
  const raw = Buffer.from(message.raw, 'base64url');
  const { headers, body } = splitHeaders(raw.toString('utf8'));
  const from = addressList(headers.get('from'))[0] ?? '';
  const subject = decodeWords(headers.get('subject') ?? '').trim();
  const attachment = attachmentNames(headers, body);
  const at = Number(message.internalDate);
  const metadata: GmailMetadata = {
    from: displayOf(from),
    to: addressList(headers.get('to')).map(addressOf),
    cc: addressList(headers.get('cc')).map(addressOf),
    subject,
    labels: message.labelIds.map((id) => labelNames.get(id) ?? id).sort(),
    thread: message.threadId,
    unread: message.labelIds.includes('UNREAD'),
    starred: message.labelIds.includes('STARRED'),
    has_attachment: attachment.length > 0,
    attachment,
    date: new Date(at).toISOString(),
    snippet: message.snippet,
  };
  const sender = /^(.*?)\s*<[^>]*>$/.exec(metadata.from)?.[1] || addressOf(from).split('@')[0]!;
  const { fileName, content } = renderMessage(raw, { date: metadata.date, sender, subject: subject || message.id });
  return {
    kind: 'message',
    externalId: message.id,
    title: subject || '(no subject)',
    fileName,
    body: [subject, metadata.from, plainText(headers, body).slice(0, maxBodyText) || message.snippet, attachment.join(' ')].filter(Boolean).join('\n\n'),
    metadata: { ...metadata },
    content,
    createdAt: at,
    updatedAt: at,
  };
}
