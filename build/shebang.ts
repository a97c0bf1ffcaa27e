import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const cliEntry = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

/** The Node flags of the CLI's shebang (`--max-semi-space-size=4 --expose-gc`), which the binary must run with too. */
export function shebangFlags(): string[] {
  return readFileSync(cliEntry, 'utf8').split('\n', 1)[0]!.split(' ').filter((word) => word.startsWith('--'));
}
