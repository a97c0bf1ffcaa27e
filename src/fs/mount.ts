import Fuse from 'fuse-native';
import { mkdir, stat } from 'node:fs/promises';
import { AirstoreError } from '../errors.ts';
import type { WorkspaceTree } from '../tree/nodes.ts';
import { connectionReleased, fuseDescriptors } from './fuse-connection.ts';
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
/** How long an unmount waits for callers still inside the mount (a shell cd'ed there) before cutting them off. */
const releaseGraceMs = 5000;

/**
 * Mounts a workspace tree at `mountPoint` (created if missing). A mount point
 * left stale by a crash ("Transport endpoint is not connected") is detached first.
 */
export async function mountTree(options: MountOptions): Promise<Mount> {
  await recoverStaleMount(options.mountPoint);
  await mkdir(options.mountPoint, { recursive: true });
  const descriptorsBefore = fuseDescriptors();
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
  const connection = [...fuseDescriptors()].find((fd) => !descriptorsBefore.has(fd));
  let unmounting: Promise<void> | undefined;
  return {
    unmount: () => {
      unmounting ??= (async () => {
        await new Promise<void>((resolve, reject) => {
          fuse.unmount((error) => (error ? reject(new AirstoreError('mount_failed', options.mountPoint, error.message)) : resolve()));
        });
        // The detach is lazy: a call already inside the mount (the lookup the kernel retries after a failed
        // revalidation, a process cd'ed there) still comes to us. Exiting before the kernel lets go of the mount
        // would fail it with ECONNABORTED instead of its answer (EACCES once revoked).
        if (connection !== undefined) await connectionReleased(connection, releaseGraceMs);
      })();
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
