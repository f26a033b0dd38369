/**
 * SigV4 signing keys and the final HMAC.
 *
 * The signing key is HMAC-chained from the secret over the credential scope
 * (`AWS4<secret>` → date → region → service → `aws4_request`): four HMACs, which would be
 * most of the cost of a verification, so derived keys are cached per (secret, date, region,
 * service). The cache is a bounded Map used as a FIFO: when full, the oldest entry goes.
 * Keys rotate daily with the date, so a small bound covers every live credential.
 */
import { createHmac } from 'node:crypto';

const MAX_CACHED_KEYS = 1024;
const cache = new Map<string, Buffer>();

/** `data` is a byte string (see canonical.ts); the secret in `AWS4<secret>` is UTF-8. */
function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'latin1').digest();
}

/** The derived signing key; `date` is the scope's `YYYYMMDD`. */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  // Region and service are length-prefixed so no two scopes can share a cache key.
  const cacheKey = `${date}/${region.length}:${region}/${service.length}:${service}/${secret}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  if (cache.size >= MAX_CACHED_KEYS) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(cacheKey, key);
  return key;
}

/** The request signature: lower-case hex HMAC of the string to sign under the signing key. */
export function signatureHex(key: Buffer, stringToSign: string): string {
  return createHmac('sha256', key).update(stringToSign, 'latin1').digest('hex');
}

/** For tests: forget every derived key. */
export function clearSigningKeyCache(): void {
  cache.clear();
}
