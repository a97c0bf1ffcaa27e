import Fuse, { type FuseOperations, type FuseStat } from 'fuse-native';
import { constants } from 'node:fs';
import type { TreeNode, WorkspaceTree } from '../tree/nodes.ts';
import { errnoFor } from './errno.ts';

type Reply = (code: number, ...values: unknown[]) => void;

export interface OperationsOptions {
  tree: WorkspaceTree;
  /** Checked on every call: false once the mount's token is revoked or expired. */
  isAuthorized: () => boolean;
  /** Called once, the first time a call finds the mount no longer authorised. */
  onUnauthorized: () => void;
}

/** O_ACCMODE, which Node's fs.constants does not export. */
const accessModeMask = 3;
const uid = process.getuid?.() ?? 0;
const gid = process.getgid?.() ?? 0;

/** Directories where `mkdir` creates smart folders are writable; everything else is read-only. */
function toStat(node: TreeNode): FuseStat {
  const isDirectory = node.type === 'directory';
  const mkdirAllowed = isDirectory && node.path.split('/').length === 2 && !node.path.startsWith('/.');
  return {
    mode: isDirectory ? constants.S_IFDIR | (mkdirAllowed ? 0o755 : 0o555) : constants.S_IFREG | 0o444,
    uid,
    gid,
    size: node.size,
    nlink: isDirectory ? 2 : 1,
    blksize: 4096,
    blocks: Math.ceil(node.size / 512),
    mtime: node.mtime,
    atime: node.mtime,
    ctime: node.mtime,
  };
}

/**
 * The FUSE callbacks over a workspace tree. Each has the same beats: check the
 * mount is still authorised, ask the tree, map failures through `errnoFor`,
 * reply. The tree answers from the store (or its cache), never from a provider.
 */
export function fuseOperations({ tree, isAuthorized, onUnauthorized }: OperationsOptions): FuseOperations {
  let revoked = false;
  const run = (reply: Reply, work: () => Promise<void>) => {
    if (revoked || !isAuthorized()) {
      if (!revoked) {
        revoked = true;
        onUnauthorized();
      }
      reply(Fuse.EACCES);
      return;
    }
    work().catch((error: unknown) => reply(errnoFor(error)));
  };
  const readOnly = (...args: unknown[]) => (args.at(-1) as Reply)(Fuse.EROFS);

  const operations = {
    getattr: (path: string, reply: Reply) => run(reply, async () => {
      const node = await tree.stat(path);
      if (node) reply(0, toStat(node));
      else reply(Fuse.ENOENT);
    }),
    readdir: (path: string, reply: Reply) => run(reply, async () => {
      const children = await tree.list(path);
      if (children) reply(0, children.map((child) => child.name), children.map(toStat));
      else reply(Fuse.ENOTDIR);
    }),
    open: (path: string, flags: number, reply: Reply) => run(reply, async () => {
      if ((flags & accessModeMask) !== constants.O_RDONLY) return reply(Fuse.EROFS);
      const node = await tree.stat(path);
      if (!node) reply(Fuse.ENOENT);
      else if (node.type === 'directory') reply(Fuse.EISDIR);
      else reply(0, 0);
    }),
    read: (path: string, _fd: number, buffer: Buffer, length: number, position: number, reply: Reply) => run(reply, async () => {
      const bytes = await tree.read(path, position, length);
      if (!bytes) return reply(Fuse.ENOENT);
      bytes.copy(buffer);
      reply(bytes.length);
    }),
    release: (_path: string, _fd: number, reply: Reply) => reply(0),
    mkdir: (path: string, _mode: number, reply: Reply) => run(reply, async () => {
      await tree.makeFolder(path);
      reply(0);
    }),
    rmdir: (_path: string, reply: Reply) => reply(Fuse.EPERM),
    statfs: (_path: string, reply: Reply) => reply(0, {
      bsize: 4096, frsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, favail: 0, fsid: 0, flag: 1, namemax: 255,
    }),
    create: readOnly,
    write: readOnly,
    truncate: readOnly,
    ftruncate: readOnly,
    unlink: readOnly,
    rename: readOnly,
    symlink: readOnly,
    link: readOnly,
    mknod: readOnly,
    chmod: readOnly,
    chown: readOnly,
    utimens: readOnly,
    setxattr: readOnly,
    removexattr: readOnly,
  };
  return operations;
}
