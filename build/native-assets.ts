import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type AddonManifest, libfuseFile, manifestKey } from './runtime/addons.ts';

const require = createRequire(import.meta.url);

/**
 * The native files the binary embeds for this machine's platform, by the name
 * `runtime/addons.ts` unpacks them to: better-sqlite3's prebuilt addon,
 * fuse-native's, and the libfuse.so.2 fuse-native's prebuild ships beside it.
 */
function nativeFiles(): Map<string, string> {
  const sqlitePrebuilds = join(dirname(require.resolve('better-sqlite3')), '..', 'prebuilds');
  const fuseAddon = (require('node-gyp-build') as { resolve(dir: string): string }).resolve(dirname(require.resolve('fuse-native')));
  const files = new Map([
    ['better_sqlite3.node', join(sqlitePrebuilds, `${process.platform}-${process.arch}.node`)],
    ['fuse.node', fuseAddon],
  ]);
  const libfuse = join(dirname(fuseAddon), 'libfuse.so');
  if (existsSync(libfuse)) files.set(libfuseFile, libfuse);
  return files;
}

/** SEA `assets`: the native files, and a manifest naming them with a hash of their bytes (the cache directory's name). */
export function nativeAssets(outDir: string): Record<string, string> {
  const files = nativeFiles();
  const hash = createHash('sha256');
  for (const [name, path] of files) hash.update(name).update(readFileSync(path));
  const manifest: AddonManifest = { hash: hash.digest('hex').slice(0, 16), files: [...files.keys()] };
  const manifestFile = join(outDir, manifestKey);
  writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`);
  return { ...Object.fromEntries(files), [manifestKey]: manifestFile };
}
