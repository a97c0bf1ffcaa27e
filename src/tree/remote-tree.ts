import { maxReadLength } from '../config.ts';
import { posix } from 'node:path';
import { AirstoreError } from '../errors.ts';
import { APIConnectionError, AuthenticationError, NotFoundError, PermissionDeniedError } from '../sdk/errors.ts';
import type Airstore from '../sdk/index.ts';
import type { VirtualFile } from '../sdk/types.ts';
import { folderRequest } from './folder-request.ts';
import type { MountCache } from './mount-cache.ts';
import type { TreeNode, WorkspaceTree } from './nodes.ts';
import { pathSegments } from './paths.ts';

/** Listings are reused this long before asking the server again: an `ls -l` stats every entry. */
const listingTtlMs = 1000;
/** Once the server is unreachable, the cache answers alone this long before the server is tried again. */
const offlineRetryMs = 3000;

export interface RemoteTreeEvents {
  /** Called when the server stops or starts answering. */
  onConnectivity(online: boolean): void;
  /** Called when the server refuses the token (revoked, expired). */
  onUnauthorized(): void;
}

function toNode(file: VirtualFile): TreeNode {
  return { name: file.name, path: file.path, type: file.is_folder ? 'directory' : 'file', size: file.size, mtime: Date.parse(file.modified_at) };
}

/**
 * A workspace tree held by an agent elsewhere (a hub, or the agent already
 * running on this machine), read through the HTTP fs routes. What it has seen
 * goes to a disk cache; when the server is unreachable, the cache answers.
 */
export class RemoteTree implements WorkspaceTree {
  readonly #client: Airstore;
  readonly #workspaceId: string;
  readonly #cache: MountCache;
  readonly #events: RemoteTreeEvents;
  readonly #listings = new Map<string, { fetchedAt: number; children: TreeNode[] }>();
  #online = true;
  #offlineSince = 0;
  readonly #mountedAt = Date.now();

  constructor(client: Airstore, workspaceId: string, cache: MountCache, events: RemoteTreeEvents) {
    this.#client = client;
    this.#workspaceId = workspaceId;
    this.#cache = cache;
    this.#events = events;
  }

  async stat(path: string): Promise<TreeNode | undefined> {
    const segments = pathSegments(path);
    if (segments.length === 0) return { name: '', path: '/', type: 'directory', size: 0, mtime: this.#mountedAt };
    const parent = await this.list(posix.dirname(`/${segments.join('/')}`));
    return parent?.find((child) => child.name === segments.at(-1));
  }

  async list(path: string): Promise<TreeNode[] | undefined> {
    const normalised = `/${pathSegments(path).join('/')}`;
    const memo = this.#listings.get(normalised);
    if (memo && Date.now() - memo.fetchedAt < listingTtlMs) return memo.children;
    if (this.#resting()) return this.#cache.listing(normalised);
    try {
      const children = (await this.#client.fs.list(this.#workspaceId, { path: normalised })).map(toNode);
      this.#connected(true);
      this.#listings.set(normalised, { fetchedAt: Date.now(), children });
      await this.#cache.saveListing(normalised, children);
      return children;
    } catch (error) {
      if (error instanceof NotFoundError) {
        this.#listings.delete(normalised);
        await this.#cache.forgetListing(normalised);
        return undefined;
      }
      this.#failed(error);
      return this.#cache.listing(normalised);
    }
  }

  async read(path: string, offset: number, length: number): Promise<Buffer | undefined> {
    const node = await this.stat(path);
    if (!node || node.type !== 'file') return undefined;
    let bytes = await this.#cache.file(node);
    if (!bytes && this.#resting()) throw new AirstoreError('agent_unreachable', 'the server', 'this file was never read while online');
    if (!bytes) {
      try {
        bytes = await this.#readWhole(node);
        this.#connected(true);
      } catch (error) {
        this.#failed(error);
        throw new AirstoreError('agent_unreachable', 'the server', 'this file was never read while online');
      }
      await this.#cache.saveFile(node, bytes);
    }
    return bytes.subarray(offset, offset + length);
  }

  /** A file in reads of at most `maxReadLength` bytes (what the server answers at once), for the offline cache. */
  async #readWhole(node: TreeNode): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let offset = 0; ;) {
      const part = await this.#client.fs.readBytes(this.#workspaceId, { path: node.path, offset, length: maxReadLength });
      parts.push(part);
      offset += part.length;
      if (part.length < maxReadLength || offset >= node.size) return Buffer.concat(parts);
    }
  }

  async makeFolder(path: string): Promise<TreeNode> {
    const request = folderRequest(path);
    try {
      await this.#client.smartFolders.create(this.#workspaceId, request);
    } catch (error) {
      this.#failed(error);
      throw error;
    }
    this.#listings.delete(`/${request.integration}`);
    const node = await this.stat(path);
    if (!node) throw new AirstoreError('path_not_found', path);
    return node;
  }

  /** Offline and not yet due to try the server again. */
  #resting(): boolean {
    return !this.#online && Date.now() - this.#offlineSince < offlineRetryMs;
  }

  #connected(online: boolean): void {
    if (!online) this.#offlineSince = Date.now();
    if (this.#online === online) return;
    this.#online = online;
    this.#events.onConnectivity(online);
  }

  /** Unreachable: note it and let the cache answer. Refused: the token is over. Anything else is the caller's. */
  #failed(error: unknown): void {
    if (error instanceof APIConnectionError) return this.#connected(false);
    if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
      this.#events.onUnauthorized();
      throw new AirstoreError('token_revoked');
    }
    if (!(error instanceof NotFoundError)) throw error;
  }
}
