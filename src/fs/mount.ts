import Fuse from 'fuse-native';
import { mkdir, stat } from 'node:fs/promises';
import { AirstoreError } from '../errors.ts';
import type { WorkspaceTree } from '../tree/nodes.ts';
import { fuseOperations } from './operations.ts';
import { detachMount } from './unmount.ts';

// fuse-native unmounts only with `fusermount`, which comes with the fuse package rather than libfuse2;
// ours falls back to `umount -l` so that root needs nothing but libfuse2.
Fuse.unmount = (mountPoint, callback) => {
  detachMount(mountPoint).then(() => callback(null), (error: Error) => callback(error));
};

export interface MountOptions {
  mountPoint: string;
  tree: WorkspaceTree;
  isAuthorized: () => boolean;
  onUnauthorized: () => void;
}

export interface Mount {
  unmount(): Promise<void>;
}

/** Kernel cache lifetimes: short enough that a sync shows within a few seconds. */
const entryTimeoutSeconds = 1;
const attrTimeoutSeconds = 1;

/**
 * Mounts a workspace tree at `mountPoint` (created if missing). A mount point
 * left stale by a crash ("Transport endpoint is not connected") is detached first.
 */
export async function mountTree(options: MountOptions): Promise<Mount> {
  await recoverStaleMount(options.mountPoint);
  await mkdir(options.mountPoint, { recursive: true });
  const fuse = new Fuse(options.mountPoint, fuseOperations(options), {
    fsname: 'airstore',
    subtype: 'airstore',
    autoCache: true,
    entryTimeout: entryTimeoutSeconds,
    attrTimeout: attrTimeoutSeconds,
  });
  await new Promise<void>((resolve, reject) => {
    fuse.mount((error) => (error ? reject(new AirstoreError('mount_failed', options.mountPoint, error.message)) : resolve()));
  });
  let unmounting: Promise<void> | undefined;
  return {
    unmount: () => {
      unmounting ??= new Promise<void>((resolve, reject) => {
        fuse.unmount((error) => (error ? reject(new AirstoreError('mount_failed', options.mountPoint, error.message)) : resolve()));
      });
      return unmounting;
    },
  };
}

async function recoverStaleMount(mountPoint: string): Promise<void> {
  try {
    await stat(mountPoint);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTCONN') await detachMount(mountPoint);
  }
}
