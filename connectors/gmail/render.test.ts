import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureMessages, generateDataset, labelList } from './fake/dataset.ts';
import { mapMessage } from './map.ts';
import { renderMessage } from './render.ts';

interface Part {
  headers: Map<string, string>;
  body: string;
}

/**
 * An independent, strict reading of RFC 5322 + MIME, written for this test:
 * CRLF line ends, the header fields a message must have, every multipart with
 * its boundary and closing delimiter. Returns the leaf parts.
 */
function parseMime(bytes: Buffer): { headers: Map<string, string>; leaves: Part[] } {
  const text = bytes.toString('utf8');
  assert.doesNotMatch(text, /[^\r]\n/, 'lines end with CRLF');
  const top = part(text);
  for (const field of ['from', 'date', 'mime-version', 'message-id', 'content-type']) assert.ok(top.headers.has(field), `has ${field}`);
  return { headers: top.headers, leaves: leaves(top) };

  function part(source: string): Part {
    const split = source.indexOf('\r\n\r\n');
    assert.ok(split > 0, 'a header block ends with an empty line');
    const headers = new Map<string, string>();
    for (const line of source.slice(0, split).replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
      const match = /^([!-9;-~]+):\s?(.*)$/.exec(line);
      assert.ok(match, `header field: ${line}`);
      headers.set(match[1]!.toLowerCase(), match[2]!);
    }
    return { headers, body: source.slice(split + 4) };
  }

  function leaves(node: Part): Part[] {
    const type = node.headers.get('content-type') ?? 'text/plain';
    if (!type.startsWith('multipart/')) return [node];
    const boundary = /boundary="([^"]+)"/.exec(type)?.[1];
    assert.ok(boundary, 'a multipart has a boundary');
    assert.ok(node.body.includes(`\r\n--${boundary}--`), 'a multipart is closed');
    const sections = node.body.split(`--${boundary}`);
    return sections.slice(1, -1).flatMap((section) => leaves(part(section.replace(/^\r\n/, '').replace(/\r\n$/, ''))));
  }
}

const labels = new Map(labelList().map((label) => [label.id!, label.name!]));

describe('gmail render', () => {
  it('writes the raw message as an .eml that parses as MIME, attachments included', () => {
    for (const message of fixtureMessages()) {
      const item = mapMessage(message, labels);
      assert.match(item.fileName, /^\d{4}-\d{2}-\d{2}_[a-z0-9-]+_[a-z0-9-]+\.eml$/);
      const { leaves } = parseMime(item.content);
      const attachments = leaves.filter((leaf) => /^attachment/.test(leaf.headers.get('content-disposition') ?? ''));
      assert.deepEqual(attachments.map((leaf) => /filename="([^"]+)"/.exec(leaf.headers.get('content-disposition')!)![1]), item.metadata.attachment);
      for (const attachment of attachments) {
        assert.equal(attachment.headers.get('content-transfer-encoding'), 'base64');
        const data = Buffer.from(attachment.body.replace(/\r\n/g, ''), 'base64');
        assert.equal(data.toString('base64'), attachment.body.replace(/\r\n/g, ''), 'valid base64');
        assert.match(data.toString('latin1'), /^%PDF-1\.4[\s\S]*%%EOF\n$/);
      }
      assert.ok(leaves.some((leaf) => (leaf.headers.get('content-type') ?? '').startsWith('text/plain')), 'has a text part');
    }
  });

  it('parses every message of a generated mailbox', () => {
    for (const message of generateDataset({ messages: 200, seed: 3 }).messages) parseMime(message.raw);
  });

  it('names a file by UTC date, sender and subject', () => {
    assert.deepEqual(renderMessage(Buffer.from('x'), { date: '2026-11-20T23:59:00.000Z', sender: 'Amazon.de', subject: 'Ihre Bestellung' }), {
      fileName: '2026-11-20_amazon-de_ihre-bestellung.eml', content: Buffer.from('x'),
    });
  });
});
