import { join } from 'node:path';

/** Where `npm run build` writes: the binary, and its intermediates (git-ignored). */
export const binaryFile = join(import.meta.dirname, 'airstore');
export const outDir = join(import.meta.dirname, 'out');
export const bundleFile = join(outDir, 'airstore.cjs');
