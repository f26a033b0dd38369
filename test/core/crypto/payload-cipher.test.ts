import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PayloadCipher } from '../../../src/core/crypto/payload-cipher.js';

const cipher = new PayloadCipher(randomBytes(32));
const salt = PayloadCipher.newSalt();
const text = Buffer.from('attack at dawn');

describe('PayloadCipher', () => {
  it('round-trips sealed payloads and hides the plaintext', () => {
    const sealed = cipher.seal(text, { encrypt: true, salt, aad: 'm-1' });
    expect(sealed.includes(text)).toBe(false);
    expect(cipher.open(sealed, 'm-1').equals(text)).toBe(true);
  });

  it('stores unencrypted payloads as plaintext with a format byte', () => {
    const sealed = cipher.seal(text, { encrypt: false, salt, aad: 'm-1' });
    expect(sealed[0]).toBe(0);
    expect(cipher.open(sealed, 'anything').equals(text)).toBe(true);
  });

  it('uses a fresh nonce every time', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      nonces.add(
        cipher.seal(text, { encrypt: true, salt, aad: 'm' }).subarray(17, 29).toString('hex'),
      );
    }
    expect(nonces.size).toBe(5_000);
  });

  it('rejects a tampered ciphertext, another message id, another root key', () => {
    const sealed = cipher.seal(text, { encrypt: true, salt, aad: 'm-1' });
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.open(tampered, 'm-1')).toThrow();
    expect(() => cipher.open(sealed, 'm-2')).toThrow();
    expect(() => new PayloadCipher(randomBytes(32)).open(sealed, 'm-1')).toThrow();
  });

  it('opens a payload whatever queue holds it now (the salt travels with it)', () => {
    const other = PayloadCipher.newSalt();
    const sealed = cipher.seal(text, { encrypt: true, salt: other, aad: 'm-1' });
    expect(cipher.open(sealed, 'm-1').equals(text)).toBe(true);
  });
});
