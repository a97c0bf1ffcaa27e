/**
 * Just enough RFC 5322 / MIME reading for metadata: header fields (unfolded,
 * RFC 2047 encoded words decoded), address lists, and the file names of
 * attachments. The file itself stays the bytes Gmail returned.
 */

export type Headers = ReadonlyMap<string, string>;

const encodedWord = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`); whitespace between adjacent words is dropped. */
export function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(encodedWord, (_all, charset: string, encoding: string, text: string) => {
    const bytes = encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))), 'latin1');
    return new TextDecoder(/^utf-?8$/i.test(charset) ? 'utf-8' : charset.toLowerCase()).decode(bytes);
  });
}

/** The header block of a message or part, and where its body starts. */
export function splitHeaders(text: string): { headers: Map<string, string>; body: string } {
  const end = text.search(/\r?\n\r?\n/);
  const block = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** Splits an address list on commas outside quotes and angle brackets. */
export function addressList(value: string | undefined): string[] {
  if (!value) return [];
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    else if (char === '<' && !quoted) angle = true;
    else if (char === '>' && !quoted) angle = false;
    if (char === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => decodeWords(part).trim()).filter(Boolean);
}

/** The bare address of `Name <addr>` or `addr`, lower case. */
export function addressOf(mailbox: string): string {
  const angled = /<([^>]*)>/.exec(mailbox);
  return (angled ? angled[1]! : mailbox).trim().toLowerCase();
}

/** `Name <addr>` with the name unquoted, or the bare address. */
export function displayOf(mailbox: string): string {
  const angled = /^(.*?)<([^>]*)>\s*$/.exec(mailbox);
  if (!angled) return mailbox.trim();
  const name = angled[1]!.trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
  return name ? `${name} <${angled[2]!.trim()}>` : angled[2]!.trim();
}

/** A header parameter such as `boundary` or `filename` (quoted or not; RFC 2231 `filename*=` for UTF-8 names). */
export function parameter(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const extended = new RegExp(`;\\s*${name}\\*=([^']*)'[^']*'([^;\\s]+)`, 'i').exec(value);
  if (extended) return decodeURIComponent(extended[2]!);
  const plain = new RegExp(`;\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(value);
  if (!plain) return undefined;
  return decodeWords(plain[1] ?? plain[2]!);
}

/** The parts of a multipart body (undefined when the part is not multipart). */
function partsOf(headers: Headers, body: string): { headers: Map<string, string>; body: string }[] | undefined {
  const type = headers.get('content-type') ?? 'text/plain';
  if (!/^multipart\//i.test(type)) return undefined;
  const boundary = parameter(type, 'boundary');
  if (!boundary) return [];
  const delimiter = new RegExp(`^--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?$`, 'm');
  return body.split(delimiter).slice(1, -1).map((section) => splitHeaders(section.replace(/^\r?\n/, '')));
}

/** The file names of a message's attachments, in order: parts with a `filename` or a `name`, walked through multiparts. */
export function attachmentNames(headers: Headers, body: string): string[] {
  const parts = partsOf(headers, body);
  if (parts) return parts.flatMap((part) => attachmentNames(part.headers, part.body));
  const name = parameter(headers.get('content-disposition'), 'filename') ?? parameter(headers.get('content-type'), 'name');
  return name ? [name] : [];
}

/** A part's body decoded from its transfer encoding, as text. */
function decodeBody(headers: Headers, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The first text/plain part that is not an attachment, decoded; empty when there is none. */
export function plainText(headers: Headers, body: string): string {
  const parts = partsOf(headers, body);
  if (parts) {
    for (const part of parts) {
      const text = plainText(part.headers, part.body);
      if (text) return text;
    }
    return '';
  }
  const type = headers.get('content-type') ?? 'text/plain';
  if (!/^text\/plain/i.test(type) || /^attachment/i.test(headers.get('content-disposition') ?? '')) return '';
  return decodeBody(headers, body).replace(/\r\n/g, '\n').trim();
}
