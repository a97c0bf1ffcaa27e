/**
 * `npm run build`: the single executable `build/airstore`, the CLI bundled
 * with its native addons into a copy of Node 24 (docs/binary.md).
 */
import { mkdirSync, statSync } from 'node:fs';
import { bundle } from './bundle.ts';
import { nativeAssets } from './native-assets.ts';
import { binaryFile, outDir } from './paths.ts';
import { buildExecutable } from './sea.ts';
import { shebangFlags } from './shebang.ts';

mkdirSync(outDir, { recursive: true });
const main = await bundle();
const { stripped } = buildExecutable({ main, assets: nativeAssets(outDir), execArgv: shebangFlags(), workDir: outDir, output: binaryFile });
const megabytes = (statSync(binaryFile).size / 1e6).toFixed(1);
process.stdout.write(`built ${binaryFile} (${megabytes} MB${stripped ? ', symbols stripped' : ''})\n`);
