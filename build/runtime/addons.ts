import { constants } from 'node:os';
import { join } from 'node:path';
import { getAsset, getRawAsset } from 'node:sea';
import { AirstoreError } from '../../src/errors.ts';
import { cacheRoot, unpacked } from './cache-dir.ts';

/** What `build/native-assets.ts` embeds beside the files: a name for this set of them, from their bytes. */
export interface AddonManifest {
  hash: string;
  /** Asset keys, which are also the file names they unpack to. */
  files: string[];
}

export const manifestKey = 'addons.json';
export const libfuseFile = 'libfuse.so.2';

// glibc's RTLD_NODELETE, which os.constants.dlopen does not list.
const rtldNodelete = 0x1000;

let directory: string | undefined;

/** The embedded native files, unpacked once per build into the private cache directory. */
function addonDir(): string {
  if (directory) return directory;
  const manifest = JSON.parse(getAsset(manifestKey, 'utf8')) as AddonManifest;
  const files = new Map(manifest.files.map((file) => [file, () => new Uint8Array(getRawAsset(file))]));
  directory = unpacked(cacheRoot(), manifest.hash, files);
  return directory;
}

function dlopen(path: string, flags = constants.dlopen.RTLD_LAZY!): object {
  const module = { exports: {} };
  process.dlopen(module, path, flags);
  return module.exports;
}

/** Loads an embedded addon (`better_sqlite3.node`, `fuse.node`) as `require` would from node_modules. */
export function loadAddon(file: string): object {
  try {
    const path = join(addonDir(), file);
    if (file !== 'fuse.node') return dlopen(path);
    return loadFuse(path);
  } catch (error) {
    throw new AirstoreError('addon_unavailable', file, (error as Error).message);
  }
}

/**
 * fuse-native links against libfuse.so.2. The system's copy (Debian's libfuse2) is preferred; without one, the copy
 * fuse-native's prebuild ships is loaded first, kept loaded, and then satisfies the addon's dependency by its soname.
 */
function loadFuse(path: string): object {
  try {
    return dlopen(path);
  } catch (error) {
    if (!(error as Error).message.includes(libfuseFile)) throw error;
  }
  try {
    dlopen(join(addonDir(), libfuseFile), constants.dlopen.RTLD_NOW! | constants.dlopen.RTLD_GLOBAL! | rtldNodelete);
  } catch {
    // A shared library is not an addon: "did not self-register" is expected, and the library stays loaded.
  }
  return dlopen(path);
}
