import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AirstoreError } from '../errors.ts';

const formatVersion = 1;
const ivLength = 12;
const tagLength = 16;

/**
 * AES-256-GCM for credentials at rest. A sealed value is
 * `version (1) | iv (12) | tag (16) | ciphertext`; the associated data binds it
 * to its row, so a ciphertext copied onto another connection fails to open.
 */
export class CredentialCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new AirstoreError('secret_unreadable', 'the data key must be 32 bytes');
    this.#key = key;
  }

  seal(plaintext: string, associatedData: string): Buffer {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(formatVersion), iv, cipher.getAuthTag(), ciphertext]);
  }

  open(sealed: Buffer, associatedData: string): string {
    if (sealed[0] !== formatVersion) throw new AirstoreError('secret_unreadable', 'unknown format version');
    const iv = sealed.subarray(1, 1 + ivLength);
    const tag = sealed.subarray(1 + ivLength, 1 + ivLength + tagLength);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(1 + ivLength + tagLength)), decipher.final()]).toString('utf8');
    } catch {
      throw new AirstoreError('secret_unreadable', 'wrong data key or tampered value');
    }
  }
}
