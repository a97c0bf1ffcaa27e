import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureMessages, labelList } from './fake/dataset.ts';
import { mapMessage } from './map.ts';

const labels = new Map(labelList().map((label) => [label.id!, label.name!]));
const fixture = (subject: string) => {
  const items = fixtureMessages().map((message) => ({ message, item: mapMessage(message, labels) }));
  const found = items.find(({ item }) => item.title.startsWith(subject));
  assert.ok(found, subject);
  return found;
};

describe('gmail map', () => {
  it('maps an invoice with its attachment, labels by name and the raw bytes as the file', () => {
    const { message, item } = fixture('Your invoice from Stripe');
    assert.deepEqual({ ...item, content: undefined, body: undefined }, {
      kind: 'message',
      externalId: message.id,
      title: 'Your invoice from Stripe #INV-2026-1120',
      fileName: '2026-11-20_stripe_your-invoice-from-stripe-inv-2026-1120.eml',
      body: undefined,
      metadata: {
        from: 'Stripe <invoice+statements@stripe.com>',
        to: ['maria.chen@acme.dev'],
        cc: [],
        subject: 'Your invoice from Stripe #INV-2026-1120',
        labels: ['CATEGORY_UPDATES', 'Finance/Invoices', 'IMPORTANT', 'INBOX', 'UNREAD'],
        thread: message.threadId,
        unread: true,
        starred: false,
        has_attachment: true,
        attachment: ['Invoice-INV-2026-1120.pdf'],
        date: '2026-11-20T09:14:03.000Z',
        snippet: message.snippet,
      },
      content: undefined,
      createdAt: Date.parse('2026-11-20T09:14:03Z'),
      updatedAt: Date.parse('2026-11-20T09:14:03Z'),
    });
    assert.deepEqual(item.content, Buffer.from(message.raw, 'base64url'));
    assert.match(item.body, /Amount due: €1,240\.00/);
    assert.match(item.body, /Invoice-INV-2026-1120\.pdf/);
  });

  it('keeps a reply in its thread, with its cc, and marks a starred message', () => {
    const first = fixture('Contract renewal with Globex');
    const reply = fixture('Re: Contract renewal with Globex');
    assert.equal(reply.item.metadata.thread, first.message.id);
    assert.deepEqual(reply.item.metadata.cc, ['samir.haddad@acme.dev']);
    assert.equal(reply.item.metadata.from, 'Maria Chen <maria.chen@acme.dev>');
    assert.deepEqual(reply.item.metadata.labels, ['SENT']);
    assert.equal(first.item.metadata.starred, true);
    assert.deepEqual(first.item.metadata.attachment, ['MSA-2027.pdf']);
  });

  it('decodes encoded words and quoted-printable text', () => {
    const { item } = fixture('Café');
    assert.equal(item.title, 'Café meeting — Thursday?');
    assert.equal(item.metadata.from, 'Chloé Dubois <chloe.dubois@acme.dev>');
    assert.equal(item.fileName, '2026-11-16_chloe-dubois_cafe-meeting-thursday.eml');
    assert.match(item.body, /on se voit jeudi au café près du bureau \? Je réserve une table pour 12h30\./);
    assert.equal(item.metadata.has_attachment, false);
  });
});
