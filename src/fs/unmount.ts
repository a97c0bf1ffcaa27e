import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Detaches a FUSE mount: `fusermount -uz` where the fuse package is installed
 * (needed by users who are not root), else `umount -l`, which root always has.
 * Lazy either way, so a busy mount point (a shell cd'ed into it) still detaches.
 */
export async function detachMount(mountPoint: string): Promise<void> {
  try {
    await run('fusermount', ['-uz', mountPoint]);
  } catch {
    await run('umount', ['-l', mountPoint]);
  }
}
