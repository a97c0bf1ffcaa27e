import { AirstoreError } from '../errors.ts';

/**
 * The segments of an absolute workspace path. Refuses what could escape or
 * confuse the tree (`..`, `.`, NUL) instead of resolving it; repeated and
 * trailing slashes are folded. `/` is the empty list.
 */
export function pathSegments(path: string): string[] {
  if (!path.startsWith('/')) throw new AirstoreError('invalid_path', JSON.stringify(path), 'it must start with /');
  if (path.includes('\0')) throw new AirstoreError('invalid_path', JSON.stringify(path.replaceAll('\0', '\\0')), 'it contains a NUL byte');
  const segments = path.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new AirstoreError('invalid_path', JSON.stringify(path), '"." and ".." are not allowed');
  }
  return segments;
}

export function joinPath(segments: readonly string[]): string {
  return `/${segments.join('/')}`;
}
