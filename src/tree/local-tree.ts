import { connectorFor, connectors, isIntegrationType } from '../../connectors/index.ts';
import { presentExplanation } from '../guidance/explain.ts';
import type { ConnectionRecord } from '../store/connections.ts';
import type { FolderFileEntry } from '../store/folder-items.ts';
import type { Store } from '../store/index.ts';
import type { SmartFolderRecord } from '../store/smart-folders.ts';
import type { Workspace } from '../store/workspaces.ts';
import { type IntegrationView, folderJson, integrationReadme, statusJson } from './documents.ts';
import { assignFileNames } from './file-names.ts';
import { type FolderRequest, folderRequest } from './folder-request.ts';
import type { TreeNode, WorkspaceTree } from './nodes.ts';
import { joinPath, pathSegments } from './paths.ts';

/** How long a generated file (README.md, status.json) is reused: they also show sync progress, which moves alone. */
const generatedFileTtlMs = 2000;

/** Creates the smart folder a `mkdir` asks for, with the caller's rights. */
export type FolderCreator = (request: FolderRequest) => SmartFolderRecord;

interface FolderListing {
  generation: number;
  files: Map<string, FolderFileEntry>;
  /** File names by item id, made on the first search that needs them. */
  names?: Map<number, string>;
}

interface WorkspaceSnapshot {
  generation: number;
  folders: Map<string, Map<string, SmartFolderRecord>>;
  connections: Map<string, ConnectionRecord>;
}

type Resolved =
  | { node: TreeNode; children: () => TreeNode[] }
  | { node: TreeNode; read: (offset: number, length: number) => Promise<Buffer> };

/**
 * The workspace's tree answered from the local store alone: no call waits on a
 * provider. Listings are derived once per store change (`store.changes`), so
 * the thousands of `getattr` calls of an `ls -l` are map lookups.
 */
export class LocalTree implements WorkspaceTree {
  readonly #store: Store;
  readonly #workspace: Workspace;
  readonly #createFolder: FolderCreator;
  #snapshot: WorkspaceSnapshot | undefined;
  readonly #listings = new Map<number, FolderListing>();
  readonly #generated = new Map<string, { generation: number; expiresAt: number; bytes: Buffer }>();
  /** Resolved item files by path, for the store generation they were resolved in: FUSE asks for the same paths again and again. */
  readonly #resolvedFiles = new Map<string, Resolved>();
  #resolvedGeneration = -1;

  constructor(store: Store, workspace: Workspace, createFolder: FolderCreator) {
    this.#store = store;
    this.#workspace = workspace;
    this.#createFolder = createFolder;
  }

  async stat(path: string): Promise<TreeNode | undefined> {
    return this.#resolve(path)?.node;
  }

  async list(path: string): Promise<TreeNode[] | undefined> {
    const resolved = this.#resolve(path);
    return resolved && 'children' in resolved ? resolved.children() : undefined;
  }

  async read(path: string, offset: number, length: number): Promise<Buffer | undefined> {
    const resolved = this.#resolve(path);
    if (!resolved || !('read' in resolved)) return undefined;
    return resolved.read(offset, length);
  }

  async makeFolder(path: string): Promise<TreeNode> {
    return this.#folderNode(this.#createFolder(folderRequest(path)));
  }

  /** Where an item appears in one smart folder, or undefined when that folder does not show it. */
  pathInFolder(folderId: number, itemId: number): string | undefined {
    const folder = [...this.#snapshotNow().folders.values()].flatMap((bySlug) => [...bySlug.values()]).find((f) => f.id === folderId);
    if (!folder) return undefined;
    const listing = this.#listing(folder);
    listing.names ??= new Map([...listing.files].map(([name, entry]) => [entry.id, name]));
    const name = listing.names.get(itemId);
    return name === undefined ? undefined : joinPath([folder.integration, folder.slug, name]);
  }

  #resolve(path: string): Resolved | undefined {
    if (this.#resolvedGeneration !== this.#store.changes.value) {
      this.#resolvedFiles.clear();
      this.#resolvedGeneration = this.#store.changes.value;
    }
    const known = this.#resolvedFiles.get(path);
    if (known) return known;
    const resolved = this.#resolveFresh(path);
    // Only synced files: generated files and directories carry counts and times that move on their own.
    if (resolved && 'read' in resolved && resolved.node.path.split('/').length === 4 && !path.endsWith('/.folder.json')) {
      this.#resolvedFiles.set(path, resolved);
    }
    return resolved;
  }

  #resolveFresh(path: string): Resolved | undefined {
    const segments = pathSegments(path);
    const snapshot = this.#snapshotNow();
    const [first, second, third, ...rest] = segments;
    if (first === undefined) return { node: this.#directory([], this.#workspace.createdAt), children: () => this.#rootChildren(snapshot) };
    if (first === '.airstore') {
      if (second === undefined) return { node: this.#directory(['.airstore'], this.#workspace.createdAt), children: () => [this.#generatedNode(['.airstore', 'status.json'])] };
      return second === 'status.json' && third === undefined ? this.#generatedFile(['.airstore', 'status.json']) : undefined;
    }
    const folders = snapshot.folders.get(first);
    if (!folders) return undefined;
    if (second === undefined) {
      return { node: this.#directory([first], this.#workspace.createdAt), children: () => this.#integrationChildren(first, folders) };
    }
    if (second === 'README.md') return third === undefined ? this.#generatedFile([first, 'README.md']) : undefined;
    const folder = folders.get(second);
    if (!folder || rest.length > 0) return undefined;
    if (third === undefined) return { node: this.#folderNode(folder), children: () => this.#folderChildren(folder) };
    if (third === '.folder.json') return this.#generatedFile([first, second, '.folder.json'], folder);
    const entry = this.#listing(folder).files.get(third);
    if (!entry) return undefined;
    return {
      node: { name: third, path: joinPath(segments), type: 'file', size: entry.size, mtime: entry.updatedAt },
      read: (offset, length) => this.#store.items.read(entry.id, offset, length),
    };
  }

  #rootChildren(snapshot: WorkspaceSnapshot): TreeNode[] {
    return [
      this.#directory(['.airstore'], this.#workspace.createdAt),
      ...[...snapshot.folders.keys()].map((integration) => this.#directory([integration], this.#workspace.createdAt)),
    ];
  }

  #integrationChildren(integration: string, folders: Map<string, SmartFolderRecord>): TreeNode[] {
    return [this.#generatedNode([integration, 'README.md']), ...[...folders.values()].map((folder) => this.#folderNode(folder))];
  }

  #folderChildren(folder: SmartFolderRecord): TreeNode[] {
    const base = [folder.integration, folder.slug];
    const files = [...this.#listing(folder).files].map(([name, entry]): TreeNode => ({
      name, path: joinPath([...base, name]), type: 'file', size: entry.size, mtime: entry.updatedAt,
    }));
    return [this.#generatedNode([...base, '.folder.json'], folder), ...files];
  }

  #folderNode(folder: SmartFolderRecord): TreeNode {
    return this.#directory([folder.integration, folder.slug], folder.updatedAt);
  }

  #directory(segments: string[], mtime: number): TreeNode {
    return { name: segments.at(-1) ?? '', path: joinPath(segments), type: 'directory', size: 0, mtime };
  }

  #generatedNode(segments: string[], folder?: SmartFolderRecord): TreeNode {
    const { node } = this.#generatedFile(segments, folder);
    return node;
  }

  /** README.md, status.json and .folder.json, rebuilt when the store changed or their short lifetime ended. */
  #generatedFile(segments: string[], folder?: SmartFolderRecord): Resolved {
    const path = joinPath(segments);
    const now = Date.now();
    const generation = this.#store.changes.value;
    let cached = this.#generated.get(path);
    if (!cached || cached.generation !== generation || cached.expiresAt <= now) {
      cached = { generation, expiresAt: now + generatedFileTtlMs, bytes: Buffer.from(this.#renderGenerated(segments, folder, now)) };
      this.#generated.set(path, cached);
    }
    const { bytes } = cached;
    return {
      node: { name: segments.at(-1)!, path, type: 'file', size: bytes.length, mtime: folder?.updatedAt ?? cached.expiresAt - generatedFileTtlMs },
      read: async (offset, length) => bytes.subarray(offset, offset + length),
    };
  }

  #renderGenerated(segments: string[], folder: SmartFolderRecord | undefined, now: number): string {
    if (folder) {
      const count = this.#listing(folder).files.size;
      const compiled = this.#store.folderQueries.get(folder.id);
      const explanation = compiled && isIntegrationType(folder.integration) ? presentExplanation(compiled, connectorFor(folder.integration), count) : null;
      return folderJson(folder, this.#workspace, count, explanation);
    }
    if (segments[0] === '.airstore') return statusJson(this.#workspace, connectors.map((c) => this.#integrationView(c.id)), now);
    return integrationReadme(this.#integrationView(segments[0]!));
  }

  #integrationView(integration: string): IntegrationView {
    const snapshot = this.#snapshotNow();
    const connection = snapshot.connections.get(integration);
    return {
      connector: connectors.find((c) => c.id === integration)!,
      connection,
      sync: connection ? this.#store.syncState.get(connection.id) : undefined,
      itemCount: connection ? this.#store.items.countLive(connection.id) : 0,
      folders: [...(snapshot.folders.get(integration)?.values() ?? [])].map((folder) => ({ folder, count: this.#listing(folder).files.size })),
    };
  }

  #listing(folder: SmartFolderRecord): FolderListing {
    const generation = this.#store.changes.value;
    let listing = this.#listings.get(folder.id);
    if (!listing || listing.generation !== generation) {
      listing = { generation, files: assignFileNames(this.#store.folderItems.entries(folder.id)) };
      this.#listings.set(folder.id, listing);
    }
    return listing;
  }

  /** Every integration has a directory, connected or not, so `mkdir` works before connecting. */
  #snapshotNow(): WorkspaceSnapshot {
    const generation = this.#store.changes.value;
    if (this.#snapshot?.generation === generation) return this.#snapshot;
    const folders = new Map(connectors.map((c) => [c.id as string, new Map<string, SmartFolderRecord>()]));
    for (const folder of this.#store.smartFolders.list(this.#workspace.id)) folders.get(folder.integration)?.set(folder.slug, folder);
    const connections = new Map(this.#store.connections.list(this.#workspace.id).map((c) => [c.integration, c]));
    this.#listings.clear();
    this.#snapshot = { generation, folders, connections };
    return this.#snapshot;
  }
}
