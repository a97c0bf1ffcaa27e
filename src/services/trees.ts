import { AirstoreError } from '../errors.ts';
import type { Store } from '../store/index.ts';
import { LocalTree } from '../tree/local-tree.ts';
import type { TreeNode } from '../tree/nodes.ts';
import { type Principal, resolveWorkspace } from './access.ts';

export interface SearchHit {
  node: TreeNode;
  title: string;
}

/** The workspace trees the HTTP fs routes read; one per workspace, built on first use. */
export class TreeService {
  readonly #store: Store;
  readonly #trees = new Map<number, LocalTree>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** The HTTP routes only read; smart folders are created through their own routes. */
  treeFor(principal: Principal, workspaceId: string): LocalTree {
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    let tree = this.#trees.get(workspace.id);
    if (!tree) {
      tree = new LocalTree(this.#store, workspace, () => {
        throw new AirstoreError('read_only', 'the fs routes');
      });
      this.#trees.set(workspace.id, tree);
    }
    return tree;
  }

  /** Full-text search over the workspace's items, answered as up to `limit` files that show them, best match first. */
  async search(principal: Principal, workspaceId: string, query: string, limit: number): Promise<SearchHit[]> {
    const tree = this.treeFor(principal, workspaceId);
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const hits: SearchHit[] = [];
    for (const match of this.#store.folderItems.search(workspace.id, query, limit)) {
      const path = tree.pathInFolder(match.folderId, match.itemId);
      const node = path === undefined ? undefined : await tree.stat(path);
      if (node) hits.push({ node, title: match.title });
    }
    return hits;
  }
}
