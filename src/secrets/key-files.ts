import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AirstoreError } from '../errors.ts';

export interface KeyFile {
  value: string;
  /** True when this call created the file, so the caller may show the value once. */
  created: boolean;
}

/**
 * Reads a secret kept in a file of its own, creating it with `create()` the first
 * time. The file is created exclusively with mode 0600 and tightened back to 0600
 * if someone loosened it.
 */
export function loadOrCreateKeyFile(path: string, create: () => string): KeyFile {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    const value = create();
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new AirstoreError('data_dir_unusable', dirname(path), (error as Error).message);
    }
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const value = readFileSync(path, 'utf8').trim();
  if (!value) throw new AirstoreError('data_dir_unusable', dirname(path), `${path} is empty`);
  return { value, created: false };
}
