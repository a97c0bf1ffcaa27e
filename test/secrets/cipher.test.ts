import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { CredentialCipher } from '../../src/secrets/cipher.ts';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(randomBytes(32));

  it('opens what it sealed for the same row', () => {
    const sealed = cipher.seal('{"accessToken":"ghp_x"}', 'conn_a');
    assert.equal(cipher.open(sealed, 'conn_a'), '{"accessToken":"ghp_x"}');
  });

  it('never writes the plaintext and never seals twice alike', () => {
    const a = cipher.seal('ghp_secretvalue', 'conn_a');
    const b = cipher.seal('ghp_secretvalue', 'conn_a');
    assert.equal(a.indexOf('ghp_secretvalue'), -1);
    assert.notDeepEqual(a, b, 'a fresh IV per seal');
  });

  it('refuses a value moved onto another row', () => {
    const sealed = cipher.seal('secret', 'conn_a');
    assert.throws(() => cipher.open(sealed, 'conn_b'), { code: 'secret_unreadable' });
  });

  it('refuses a tampered value', () => {
    const sealed = cipher.seal('secret', 'conn_a');
    sealed[sealed.length - 1]! ^= 1;
    assert.throws(() => cipher.open(sealed, 'conn_a'), { code: 'secret_unreadable' });
  });

  it('refuses another data key', () => {
    const sealed = cipher.seal('secret', 'conn_a');
    assert.throws(() => new CredentialCipher(randomBytes(32)).open(sealed, 'conn_a'), { code: 'secret_unreadable' });
  });
});
