import { readdirSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const pollMs = 20;

/**
 * This process's descriptors of /dev/fuse, one per mount: libfuse closes a mount's once the kernel has let the
 * mount go (nothing inside it any more), so it tells when an unmounted filesystem has stopped being used.
 * Empty where /proc is missing.
 */
export function fuseDescriptors(): Set<string> {
  let fds: string[];
  try {
    fds = readdirSync('/proc/self/fd');
  } catch {
    return new Set();
  }
  return new Set(fds.filter(isFuseDevice));
}

/** Resolves once `fd` is closed (the kernel let the mount go) or after `graceMs`, whichever comes first. */
export async function connectionReleased(fd: string, graceMs: number): Promise<void> {
  for (const deadline = Date.now() + graceMs; isFuseDevice(fd) && Date.now() < deadline; ) await sleep(pollMs);
}

function isFuseDevice(fd: string): boolean {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`) === '/dev/fuse';
  } catch {
    return false;
  }
}
