import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TreeNode } from './nodes.ts';

/**
 * What a remote mount has seen, kept on disk in the data directory so that
 * listings and files already read stay readable while the server is away.
 * One directory per (server, workspace); entries are keyed by a hash of the
 * path and written atomically (temporary file, then rename).
 */
export class MountCache {
  readonly #dir: string;

  constructor(dataDir: string, server: string, workspaceId: string) {
    const identity = createHash('sha256').update(`${server}\n${workspaceId}`).digest('hex').slice(0, 24);
    this.#dir = join(dataDir, 'mount-cache', identity);
  }

  async saveListing(path: string, children: readonly TreeNode[]): Promise<void> {
    await this.#write(`${key(path)}.list.json`, JSON.stringify(children));
  }

  async listing(path: string): Promise<TreeNode[] | undefined> {
    const text = await this.#read(`${key(path)}.list.json`);
    return text === undefined ? undefined : (JSON.parse(text.toString('utf8')) as TreeNode[]);
  }

  async forgetListing(path: string): Promise<void> {
    await rm(join(this.#dir, `${key(path)}.list.json`), { force: true });
  }

  /** A file's bytes, valid only for the size and mtime they were read at. */
  async saveFile(node: TreeNode, bytes: Buffer): Promise<void> {
    await this.#write(`${key(node.path)}.${node.mtime}.${node.size}.bytes`, bytes);
  }

  async file(node: TreeNode): Promise<Buffer | undefined> {
    return this.#read(`${key(node.path)}.${node.mtime}.${node.size}.bytes`);
  }

  async #write(name: string, data: string | Buffer): Promise<void> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    const temporary = join(this.#dir, `.${name}.${process.pid}.tmp`);
    await writeFile(temporary, data, { mode: 0o600 });
    await rename(temporary, join(this.#dir, name));
  }

  async #read(name: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.#dir, name));
    } catch {
      return undefined;
    }
  }
}

function key(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 32);
}
