/** Builds RFC 822 messages as a mail client would send them: encoded words, multipart bodies, base64 attachments. */

export interface Mailbox {
  name?: string;
  email: string;
}

export interface Attachment {
  name: string;
  type: string;
  data: Buffer;
}

export interface Draft {
  from: Mailbox;
  to: readonly Mailbox[];
  cc?: readonly Mailbox[];
  subject: string;
  /** Milliseconds since the epoch. */
  date: number;
  messageId: string;
  /** Message-ID of the message replied to. */
  inReplyTo?: string;
  text: string;
  html?: string;
  attachments?: readonly Attachment[];
}

const ascii = /^[\x20-\x7e]*$/;

function word(text: string): string {
  return ascii.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

function mailbox(box: Mailbox): string {
  if (!box.name) return box.email;
  const name = ascii.test(box.name) && /[(),.:;<>@[\]"]/.test(box.name) ? `"${box.name.replace(/(["\\])/g, '\\$1')}"` : word(box.name);
  return `${name} <${box.email}>`;
}

/** Quoted-printable of UTF-8 text, soft line breaks at 76. */
function quotedPrintable(text: string): string {
  const lines = text.replace(/\r?\n/g, '\n').split('\n').map((line) => {
    let encoded = '';
    for (const byte of Buffer.from(line)) {
      const char = String.fromCharCode(byte);
      encoded += (byte >= 33 && byte <= 126 && char !== '=') || byte === 32 ? char : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    encoded = encoded.replace(/ $/, '=20');
    const wrapped: string[] = [];
    while (encoded.length > 76) {
      let cut = 75;
      while (/=[0-9A-F]?$/.test(encoded.slice(cut - 2, cut))) cut--;
      wrapped.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    return [...wrapped, encoded].join('\r\n');
  });
  return lines.join('\r\n');
}

function textPart(type: 'plain' | 'html', text: string): string {
  return ascii.test(text.replace(/\n/g, ' '))
    ? `Content-Type: text/${type}; charset="UTF-8"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${text.replace(/\r?\n/g, '\r\n')}`
    : `Content-Type: text/${type}; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(text)}`;
}

function attachmentPart(attachment: Attachment): string {
  const name = ascii.test(attachment.name) ? `"${attachment.name}"` : `"${word(attachment.name)}"`;
  const base64 = attachment.data.toString('base64').replace(/.{76}/g, '$&\r\n').replace(/\r\n$/, '');
  return `Content-Type: ${attachment.type}; name=${name}\r\nContent-Disposition: attachment; filename=${name}\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}`;
}

function multipart(subtype: string, boundary: string, parts: readonly string[]): string {
  return `Content-Type: multipart/${subtype}; boundary="${boundary}"\r\n\r\n${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`;
}

/** The message's bytes, CRLF line ends, as Gmail stores what it received. */
export function compose(draft: Draft): Buffer {
  const headers = [
    'MIME-Version: 1.0',
    `Date: ${new Date(draft.date).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${draft.messageId}`,
    ...(draft.inReplyTo ? [`In-Reply-To: ${draft.inReplyTo}`, `References: ${draft.inReplyTo}`] : []),
    `Subject: ${word(draft.subject)}`,
    `From: ${mailbox(draft.from)}`,
    `To: ${draft.to.map(mailbox).join(', ')}`,
    ...(draft.cc?.length ? [`Cc: ${draft.cc.map(mailbox).join(', ')}`] : []),
  ];
  const boundary = (kind: string) => `000000000000${kind}${draft.messageId.replace(/\W/g, '').slice(0, 16)}`;
  let body = draft.html
    ? multipart('alternative', boundary('a'), [textPart('plain', draft.text), textPart('html', draft.html)])
    : textPart('plain', draft.text);
  if (draft.attachments?.length) body = multipart('mixed', boundary('m'), [body.replace(/\r\n$/, ''), ...draft.attachments.map(attachmentPart)]);
  return Buffer.from(`${headers.join('\r\n')}\r\n${body}`);
}

/** Gmail's snippet: the start of the text, whitespace collapsed, HTML-escaped. */
export function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.slice(0, 140).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
}
