import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_CACHE_HOME/airstore`, else `~/.cache/airstore`: where the binary unpacks what it cannot run from inside itself. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'airstore');
}

/**
 * The directory `<root>/<name>` holding `files`, written once and reused: the
 * files go to a private temporary directory renamed into place, so a reader
 * never sees half a file and two processes starting at once both end with one
 * complete copy. A directory another user could have written is refused, since
 * the process loads code from it.
 */
export function unpacked(root: string, name: string, files: ReadonlyMap<string, () => Uint8Array>): string {
  const dir = join(root, name);
  if (!isPrivate(dir)) {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const staging = join(root, `.${name}.${randomBytes(6).toString('hex')}`);
    mkdirSync(staging, { mode: 0o700 });
    try {
      for (const [file, bytes] of files) writeFileSync(join(staging, file), bytes(), { mode: 0o500 });
      renameSync(staging, dir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another process won the race: its copy is as good as ours.
      if (!isPrivate(dir)) throw error;
    }
  }
  return dir;
}

function isPrivate(dir: string): boolean {
  let info;
  try {
    info = statSync(dir);
  } catch {
    return false;
  }
  if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o077) !== 0) {
    throw new Error(`${dir} is not a directory private to this user`);
  }
  return true;
}
