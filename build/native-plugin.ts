import type { Plugin } from 'esbuild';
import { join } from 'node:path';

const addons = join(import.meta.dirname, 'runtime', 'addons.ts');

/**
 * The native addons' own loaders look for `.node` files beside their package,
 * which a single executable does not have. This swaps them, in the bundle only,
 * for `runtime/addons.ts`, which unpacks the embedded copies and loads those:
 * better-sqlite3's `lib/binding.js` and the `node-gyp-build` call of fuse-native.
 */
export const embeddedAddons: Plugin = {
  name: 'embedded-addons',
  setup(build) {
    build.onResolve({ filter: /^\.\/binding$/ }, (args) => (
      /better-sqlite3[\\/]lib$/.test(args.resolveDir) ? { path: 'better-sqlite3', namespace: 'embedded-addon' } : undefined
    ));
    build.onResolve({ filter: /^node-gyp-build$/ }, (args) => (
      /fuse-native$/.test(args.resolveDir) ? { path: 'fuse-native', namespace: 'embedded-addon' } : undefined
    ));
    build.onLoad({ filter: /.*/, namespace: 'embedded-addon' }, (args) => ({
      resolveDir: import.meta.dirname,
      loader: 'js',
      contents: args.path === 'better-sqlite3'
        ? `const { loadAddon } = require(${JSON.stringify(addons)});\nlet addon;\nexports.getBinding = () => (addon ??= loadAddon('better_sqlite3.node'));\n`
        : `const { loadAddon } = require(${JSON.stringify(addons)});\nmodule.exports = () => loadAddon('fuse.node');\n`,
    }));
  },
};
