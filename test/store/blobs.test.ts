import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BlobStore, inlineLimit } from '../../src/store/blobs.ts';
import { removeDataDir, tempDataDir } from '../helpers/agent.ts';

const dir = tempDataDir();
after(() => removeDataDir(dir));

async function* chunks(total: number, fail = false): AsyncIterable<Uint8Array> {
  for (let sent = 0; sent < total; sent += 65_536) {
    if (fail && sent > inlineLimit) throw new Error('connection reset');
    yield new Uint8Array(Math.min(65_536, total - sent)).fill(sent / 65_536);
  }
}

describe('store: blobs', () => {
  const blobs = new BlobStore(join(dir, 'blobs'));
  const files = () => readdirSync(join(dir, 'blobs'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());

  it('keeps a small download in memory and writes nothing', async () => {
    const { content, head } = await blobs.spool(chunks(1000));
    assert.ok(Buffer.isBuffer(content));
    assert.equal(content.length, 1000);
    assert.deepEqual(head, content);
  });

  it('writes a large one once under its hash, and gives its first 100 KB for search text', async () => {
    const first = await blobs.spool(chunks(inlineLimit * 2));
    const second = await blobs.spool(chunks(inlineLimit * 2));
    assert.ok(!Buffer.isBuffer(first.content));
    assert.deepEqual(second.content, first.content);
    assert.equal(first.content.size, inlineLimit * 2);
    assert.equal(first.head.length, 100 * 1024);
    assert.equal(files().length, 1);
    assert.deepEqual(await blobs.read(first.content.blob, inlineLimit * 2 - 3, 10), Buffer.from([31, 31, 31]));
  });

  it('leaves no partial file behind when the download fails', async () => {
    await assert.rejects(blobs.spool(chunks(inlineLimit * 3, true)), /connection reset/);
    assert.equal(files().length, 1);
  });
});
