import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The `node` dev dependency's binary: Node 24, whatever node runs npm. */
export const nodeBinary = join(dirname(require.resolve('node/package.json')), 'bin', 'node');
const postject = join(dirname(require.resolve('postject')), 'cli.js');

// Node's marker that a blob was injected (doc/api/single-executable-applications.md).
const seaFuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export interface SeaOptions {
  main: string;
  assets: Record<string, string>;
  execArgv: string[];
  workDir: string;
  output: string;
}

/**
 * Writes the SEA blob with the same Node binary it is injected into (its code
 * cache is only valid there), then injects it into a copy of that binary.
 * Symbols are stripped when binutils' `strip` is at hand: the binary is ~15% smaller.
 */
export function buildExecutable(options: SeaOptions): { stripped: boolean } {
  const config = join(options.workDir, 'sea-config.json');
  const blob = join(options.workDir, 'sea.blob');
  writeFileSync(config, `${JSON.stringify({
    main: options.main,
    output: blob,
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    execArgv: options.execArgv,
    assets: options.assets,
  }, null, 2)}\n`);
  quietly(nodeBinary, ['--experimental-sea-config', config]);

  const staging = `${options.output}.partial`;
  copyFileSync(nodeBinary, staging);
  chmodSync(staging, 0o755);
  const stripped = strip(staging);
  quietly(nodeBinary, [postject, staging, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', seaFuse]);
  renameSync(staging, options.output);
  return { stripped };
}

/** Runs a build step, showing its output only when it fails (postject warns about every ELF note it skips). */
function quietly(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${failed.stdout ?? ''}${failed.stderr ?? ''}`);
    throw error;
  }
}

function strip(file: string): boolean {
  try {
    execFileSync('strip', [file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
