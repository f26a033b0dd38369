/**
 * Encryption at rest for message payloads (AES-256-GCM).
 *
 * Each queue has a random 16-byte salt; its data key is HKDF-SHA256(root key, salt,
 * "switchyard/sqs-sse/v1"). An encrypted payload is self-describing, so a message moved to
 * another queue (dead-letter redrive, move tasks) stays readable wherever it goes:
 *
 *   0x01 | salt (16) | nonce (12) | tag (16) | ciphertext        — server-managed key (SSE-SQS)
 *   0x00 | plaintext                                              — queue without encryption
 *
 * The message id is the additional authenticated data, so a ciphertext cannot be replayed
 * under another message's identity. Derived keys are cached per salt.
 */
import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
  randomFillSync,
} from 'node:crypto';

const FORMAT_PLAIN = 0x00;
const FORMAT_SSE = 0x01;
const SALT_LEN = 16;
const NONCE_LEN = 12;
const TAG_LEN = 16;
const HEADER_LEN = 1 + SALT_LEN + NONCE_LEN + TAG_LEN;
const INFO = Buffer.from('switchyard/sqs-sse/v1');

/** Random nonces are cut from a pool refilled from the CSPRNG (one syscall per 341 nonces). */
const NONCE_POOL = Buffer.alloc(NONCE_LEN * 341);
let noncePos = NONCE_POOL.length;

function nextNonce(): Buffer {
  if (noncePos + NONCE_LEN > NONCE_POOL.length) {
    randomFillSync(NONCE_POOL);
    noncePos = 0;
  }
  const nonce = Buffer.from(NONCE_POOL.subarray(noncePos, noncePos + NONCE_LEN));
  noncePos += NONCE_LEN;
  return nonce;
}

export class PayloadCipher {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly rootKey: Buffer) {
    if (rootKey.length !== 32) throw new Error('root key must be 32 bytes');
  }

  /** A fresh random salt for a new queue (base64). */
  static newSalt(): string {
    return randomBytes(SALT_LEN).toString('base64');
  }

  seal(plaintext: Uint8Array, opts: { encrypt: boolean; salt: string; aad: string }): Buffer {
    if (!opts.encrypt) return Buffer.concat([Buffer.of(FORMAT_PLAIN), plaintext]);
    const salt = Buffer.from(opts.salt, 'base64');
    const nonce = nextNonce();
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(opts.salt, salt), nonce);
    cipher.setAAD(Buffer.from(opts.aad));
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.of(FORMAT_SSE), salt, nonce, cipher.getAuthTag(), ct]);
  }

  open(sealed: Uint8Array, aad: string): Buffer {
    const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const format = buf[0];
    if (format === FORMAT_PLAIN) return buf.subarray(1);
    if (format !== FORMAT_SSE || buf.length < HEADER_LEN) {
      throw new Error('unreadable payload: unknown format');
    }
    const salt = buf.subarray(1, 1 + SALT_LEN);
    const nonce = buf.subarray(1 + SALT_LEN, 1 + SALT_LEN + NONCE_LEN);
    const tag = buf.subarray(1 + SALT_LEN + NONCE_LEN, HEADER_LEN);
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.keyFor(salt.toString('base64'), salt),
      nonce,
    );
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(buf.subarray(HEADER_LEN)), decipher.final()]);
  }

  private keyFor(saltB64: string, salt: Buffer): Buffer {
    let key = this.keys.get(saltB64);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.rootKey, salt, INFO, 32));
      if (this.keys.size > 10_000) this.keys.clear();
      this.keys.set(saltB64, key);
    }
    return key;
  }
}
