/** One entry of the workspace's tree, as `stat` and `list` answer it (FUSE and HTTP alike). */
export interface TreeNode {
  name: string;
  /** Absolute path in the workspace, e.g. `/github/open-prs/1423_fix-token-refresh.md`. */
  path: string;
  type: 'directory' | 'file';
  /** Exact byte length of what `read` returns; 0 for directories. */
  size: number;
  /** Modification time, Unix ms: the item's own for synced files. */
  mtime: number;
}

/** What the FUSE front-end and the HTTP fs routes need of a tree, wherever it is held. */
export interface WorkspaceTree {
  stat(path: string): Promise<TreeNode | undefined>;
  /** The children of a directory; undefined when the path is missing or a file. */
  list(path: string): Promise<TreeNode[] | undefined>;
  /** Up to `length` bytes from `offset`; undefined when the path is missing or a directory. */
  read(path: string, offset: number, length: number): Promise<Buffer | undefined>;
  /** `mkdir <integration>/<name>`: creates the smart folder whose guidance is the name. */
  makeFolder(path: string): Promise<TreeNode>;
}
