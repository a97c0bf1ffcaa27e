/** The part of fuse-native 2.2.6 (a CommonJS module without types) that src/fs uses. */
declare module 'fuse-native' {
  type Callback = (code: number, ...values: unknown[]) => void;

  export interface FuseStat {
    mode: number;
    uid: number;
    gid: number;
    size: number;
    nlink: number;
    blksize?: number;
    blocks?: number;
    mtime: Date | number;
    atime: Date | number;
    ctime: Date | number;
  }

  export type FuseOperations = Record<string, (...args: never[]) => void>;

  export interface FuseOptions {
    mkdir?: boolean;
    force?: boolean;
    debug?: boolean;
    autoCache?: boolean;
    entryTimeout?: number;
    attrTimeout?: number;
    fsname?: string;
    subtype?: string;
    allowOther?: boolean;
    timeout?: number | false;
  }

  class Fuse {
    constructor(mountPoint: string, operations: FuseOperations, options?: FuseOptions);
    mount(callback: (error: Error | null) => void): void;
    unmount(callback: (error: Error | null) => void): void;
    static unmount(mountPoint: string, callback: (error: Error | null) => void): void;
    static ENOENT: number;
    static EACCES: number;
    static EROFS: number;
    static EPERM: number;
    static EEXIST: number;
    static EINVAL: number;
    static EIO: number;
    static EISDIR: number;
    static ENOTDIR: number;
  }
  export type { Callback };
  export default Fuse;
}
