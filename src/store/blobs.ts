import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type FileHandle, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpooledFile } from '../sync/connector.ts';

/** Bytes below this stay in the item's row; larger files go to a blob file. */
export const inlineLimit = 1024 * 1024;
/** How much of a spooled file a connector may read back for search text. */
const headLength = 100 * 1024;
/** An unreferenced blob this recent may belong to a page not yet committed: sweeping spares it. */
const sweepAfterMs = 60 * 60 * 1000;

/**
 * Large file contents, outside SQLite: `blobs/<first two hex>/<sha256>`, named by
 * their hash so that a file written before its page commits (or twice) is
 * harmless. A download is written to disk as it arrives, never held whole.
 */
export class BlobStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Reads a stream to its end: small contents come back as bytes, large ones as a blob written here. */
  async spool(chunks: AsyncIterable<Uint8Array>): Promise<SpooledFile> {
    const hash = createHash('sha256');
    const held: Buffer[] = [];
    let size = 0;
    let file: { handle: FileHandle; path: string } | undefined;
    try {
      for await (const chunk of chunks) {
        const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        hash.update(bytes);
        size += bytes.length;
        if (file) await file.handle.write(bytes);
        else {
          held.push(Buffer.from(bytes));
          if (size >= inlineLimit) {
            file = await this.#temporary();
            await file.handle.write(Buffer.concat(held));
            held.length = 0;
          }
        }
      }
      if (!file) {
        const content = Buffer.concat(held);
        return { content, head: content.subarray(0, headLength) };
      }
      await file.handle.close();
      const blob = hash.digest('hex');
      await this.#keep(file.path, blob);
      file = undefined;
      return { content: { blob, size }, head: await this.read(blob, 0, headLength) };
    } finally {
      if (file) {
        await file.handle.close().catch(() => {});
        await rm(file.path, { force: true });
      }
    }
  }

  /** Up to `length` bytes of a blob from `offset`. */
  async read(blob: string, offset: number, length: number): Promise<Buffer> {
    const handle = await open(this.#pathOf(blob), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** Removes blobs no item refers to, and abandoned downloads, once they are old enough to be nobody's. */
  async sweep(referenced: ReadonlySet<string>, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const shard of await readdir(this.#dir).catch(() => [] as string[])) {
      const shardDir = join(this.#dir, shard);
      for (const name of await readdir(shardDir).catch(() => [] as string[])) {
        if (referenced.has(name)) continue;
        const path = join(shardDir, name);
        const { mtimeMs } = await stat(path);
        if (now - mtimeMs < sweepAfterMs) continue;
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async #temporary(): Promise<{ handle: FileHandle; path: string }> {
    const dir = join(this.#dir, 'tmp');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, randomBytes(8).toString('hex'));
    return { handle: await open(path, 'wx', 0o600), path };
  }

  /** Moves a finished download to its name; the same content already there is kept, and marked fresh. */
  async #keep(path: string, blob: string): Promise<void> {
    const target = this.#pathOf(blob);
    mkdirSync(join(this.#dir, blob.slice(0, 2)), { recursive: true, mode: 0o700 });
    const existing = await stat(target).catch(() => undefined);
    if (existing) {
      await rm(path, { force: true });
      const now = new Date();
      await utimes(target, now, now);
    } else await rename(path, target);
  }

  #pathOf(blob: string): string {
    return join(this.#dir, blob.slice(0, 2), blob);
  }
}
