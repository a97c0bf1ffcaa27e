import { createHash } from 'node:crypto';
import { extname } from 'node:path';

/** Names the tree itself uses in a smart folder, which no item may take. */
const reservedNames = new Set(['.folder.json']);
const maxNameBytes = 255;

export interface NamedEntry {
  externalId: string;
  fileName: string;
}

/**
 * File names for a folder's items: filesystem-safe, at most 255 bytes, unique.
 * Names that collide all get a short suffix derived from the item's own id, so a
 * name does not depend on the order of the listing and stays stable across syncs.
 */
export function assignFileNames<T extends NamedEntry>(entries: readonly T[]): Map<string, T> {
  const wanted = entries.map((entry) => safeName(entry.fileName || entry.externalId));
  const counts = new Map<string, number>();
  for (const name of wanted) counts.set(name, (counts.get(name) ?? 0) + 1);
  const named = new Map<string, T>();
  entries.forEach((entry, index) => {
    const name = wanted[index]!;
    named.set(counts.get(name)! > 1 || reservedNames.has(name) ? withSuffix(name, entry.externalId) : name, entry);
  });
  return named;
}

function safeName(name: string): string {
  const cleaned = name.replace(/[\0/\\]/g, '_').replace(/[\r\n\t]/g, ' ').trim();
  const usable = cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
  return truncateBytes(usable, maxNameBytes);
}

function withSuffix(name: string, externalId: string): string {
  const suffix = `~${createHash('sha256').update(externalId).digest('hex').slice(0, 6)}`;
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  return truncateBytes(stem, maxNameBytes - Buffer.byteLength(suffix + extension)) + suffix + extension;
}

/** Cuts a string to at most `bytes` UTF-8 bytes without splitting a character. */
function truncateBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > bytes) break;
    out += char;
  }
  return out;
}
