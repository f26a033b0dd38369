/**
 * SigV4 signing keys and the final HMAC.
 *
 * The signing key is HMAC-chained from the secret over the credential scope
 * (`AWS4<secret>` → date → region → service → `aws4_request`): four HMACs, which would be
 * most of the cost of a verification, so derived keys are cached per (secret, date, region,
 * service). The cache is a bounded Map used as a FIFO: when full, the oldest entry goes.
 * Keys rotate daily with the date, so a small bound covers every live credential.
 *
 * The per-request HMAC is computed from the RFC 2104 definition,
 * `H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m))`, with the two padded keys precomputed per cached signing
 * key and the one-shot `crypto.hash`: about a third of the cost of `createHmac` per call,
 * which matters because it runs on every request. The tests check it against `createHmac`.
 */
import { createHmac, hash } from 'node:crypto';

const MAX_CACHED_KEYS = 1024;
const SHA256_BLOCK = 64;

/** A derived signing key with its HMAC pads, as latin1 byte strings. */
export interface SigningKey {
  key: Buffer;
  innerPad: string;
  outerPad: string;
}

const cache = new Map<string, SigningKey>();

/** `data` is a byte string (see canonical.ts); the secret in `AWS4<secret>` is UTF-8. */
function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'latin1').digest();
}

function withPads(key: Buffer): SigningKey {
  // The key (32 bytes) is shorter than the block, so it is zero-padded, then XORed.
  const inner = Buffer.alloc(SHA256_BLOCK, 0x36);
  const outer = Buffer.alloc(SHA256_BLOCK, 0x5c);
  for (let i = 0; i < key.length; i++) {
    inner[i] = inner[i]! ^ key[i]!;
    outer[i] = outer[i]! ^ key[i]!;
  }
  return { key, innerPad: inner.toString('latin1'), outerPad: outer.toString('latin1') };
}

/** The derived signing key; `date` is the scope's `YYYYMMDD`. */
export function signingKey(
  secret: string,
  date: string,
  region: string,
  service: string,
): SigningKey {
  // Region and service are length-prefixed so no two scopes can share a cache key.
  const cacheKey = `${date}/${region.length}:${region}/${service.length}:${service}/${secret}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  if (cache.size >= MAX_CACHED_KEYS) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  const entry = withPads(key);
  cache.set(cacheKey, entry);
  return entry;
}

/** The request signature: lower-case hex HMAC-SHA256 of the string to sign (a byte string). */
export function signatureHex(k: SigningKey, stringToSign: string): string {
  // 'binary' is Node's alias of latin1: the digest as a byte string.
  const inner = hash('sha256', Buffer.from(k.innerPad + stringToSign, 'latin1'), 'binary');
  return hash('sha256', Buffer.from(k.outerPad + inner, 'latin1'), 'hex');
}

/** For tests: forget every derived key. */
export function clearSigningKeyCache(): void {
  cache.clear();
}
