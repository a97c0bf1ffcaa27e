import { randomBytes } from 'node:crypto';

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A public identifier such as `ws_k3j9x0q2m4n8p1r7`: a prefix and 16 random base-32 characters (80 bits). */
export function newExternalId(prefix: string): string {
  let out = `${prefix}_`;
  for (const byte of randomBytes(16)) out += base32[byte & 31];
  return out;
}

/** A bearer secret: a prefix and 32 random bytes in base64url (256 bits). */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
