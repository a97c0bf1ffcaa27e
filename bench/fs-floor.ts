/**
 * The floor of the FUSE stack for bench:fs: fuse-native serving a directory's
 * files from memory, with the kernel options airstore's mount uses. Whatever
 * airstore adds on top is measured against this.
 *
 *   node bench/fs-floor.ts <source dir> <mount point>
 */
import Fuse from 'fuse-native';
import { constants, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detachMount } from '../src/fs/unmount.ts';

const [source, mountPoint] = process.argv.slice(2) as [string, string];
const files = new Map(readdirSync(source).map((name) => [name, readFileSync(join(source, name))]));
const names = [...files.keys()];
const now = Date.now();
const stat = (size: number, directory: boolean) => ({
  mode: directory ? constants.S_IFDIR | 0o555 : constants.S_IFREG | 0o444,
  uid: 0, gid: 0, size, nlink: directory ? 2 : 1, mtime: now, atime: now, ctime: now,
});
type Reply = (code: number, ...values: unknown[]) => void;
const operations = {
  getattr: (path: string, reply: Reply) => {
    if (path === '/') return reply(0, stat(0, true));
    const bytes = files.get(path.slice(1));
    return bytes ? reply(0, stat(bytes.length, false)) : reply(Fuse.ENOENT);
  },
  readdir: (path: string, reply: Reply) => (path === '/' ? reply(0, names, names.map((n) => stat(files.get(n)!.length, false))) : reply(Fuse.ENOENT)),
  open: (_path: string, _flags: number, reply: Reply) => reply(0, 0),
  release: (_path: string, _fd: number, reply: Reply) => reply(0),
  read: (path: string, _fd: number, buffer: Buffer, length: number, position: number, reply: Reply) => {
    const bytes = files.get(path.slice(1))?.subarray(position, position + length);
    if (!bytes) return reply(Fuse.ENOENT);
    bytes.copy(buffer);
    return reply(bytes.length);
  },
};
Fuse.unmount = (point, callback) => {
  detachMount(point).then(() => callback(null), (error: Error) => callback(error));
};
const fuse = new Fuse(mountPoint, operations, { autoCache: true, entryTimeout: 1, attrTimeout: 1, fsname: 'floor' });
fuse.mount((error) => {
  if (error) throw error;
  process.stdout.write('mounted\n');
});
process.once('SIGTERM', () => fuse.unmount(() => process.exit(0)));
