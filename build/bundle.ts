import { build } from 'esbuild';
import { join } from 'node:path';
import { embeddedAddons } from './native-plugin.ts';
import { bundleFile } from './paths.ts';

/**
 * Bundles the CLI into one CommonJS script, the format Node 24's single
 * executables run. `import.meta` has no CommonJS meaning: its paths become the
 * script's own (in the executable, the executable's directory).
 */
export async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'runtime', 'entry.ts')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    // Not minified: the code cache makes parsing cheap, and a stack trace stays readable.
    keepNames: true,
    legalComments: 'none',
    define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    plugins: [embeddedAddons],
    logLevel: 'warning',
  });
  if (result.errors.length > 0) throw new Error('bundling failed');
  return bundleFile;
}
