/**
 * `$hash`, `$random`, `$uuid` and `$parse`, the other functions Step Functions adds to JSONata
 * (replacing States.Hash, States.MathRandom, States.UUID and `$eval`):
 *
 * - `$hash(text, algorithm)`: lowercase hex digest of the UTF-8 bytes; the algorithm name is
 *   case-sensitive (MD5, SHA-1, SHA-256, SHA-384, SHA-512); no algorithm gives nothing.
 * - `$random()` / `$random(seed)`: the seeded form is `new java.util.Random(seed).nextDouble()`,
 *   the seed truncated toward zero like Java's `(long)` cast, so a seed always gives one value.
 * - `$uuid()`: a random version-4 UUID.
 * - `$parse(text)`: strict JSON deserialisation; no argument gives nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { FunctionError } from './function-errors.js';
import { JavaRandom, javaLongOf } from '../shared/java-random.js';
import { parseStrictJson } from './strict-json.js';
import type { JsonValue } from './types.js';

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

export function hash(text: string | undefined, algorithm?: string): string | undefined {
  if (text === undefined || algorithm === undefined) return undefined;
  const nodeName = Object.prototype.hasOwnProperty.call(HASH_ALGORITHMS, algorithm)
    ? HASH_ALGORITHMS[algorithm]
    : undefined;
  if (nodeName === undefined) {
    throw new FunctionError(
      'D3137',
      `Unsupported hash algorithm '${algorithm}': use one of ${Object.keys(HASH_ALGORITHMS).join(', ')}`,
    );
  }
  return createHash(nodeName).update(text, 'utf8').digest('hex');
}

export function random(seed?: number): number {
  if (seed === undefined) return Math.random();
  return new JavaRandom(javaLongOf(seed)).nextDouble();
}

export function uuid(): string {
  return randomUUID();
}

export function parse(text?: string): JsonValue | undefined {
  if (text === undefined) return undefined;
  try {
    return parseStrictJson(text);
  } catch (e) {
    throw new FunctionError('D3137', `Invalid JSON: ${(e as Error).message}`);
  }
}
