/**
 * The interpreter's only source of randomness: values derived from the execution's recorded
 * `randomSeed` and a label naming where they are used (the event id being produced, the
 * purpose). SHA-256 of `seed | label | counter` gives the bytes, so the same history always
 * yields the same jitter, UUIDs and task tokens, and nobody without the seed can predict them.
 */
import { createHash } from 'node:crypto';
import type { Entropy } from '../jsonpath/index.js';

/** A stream of pseudo-random bytes for one label. */
class ByteStream {
  private counter = 0;
  private buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(
    private readonly seed: string,
    private readonly label: string,
  ) {}

  take(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      if (this.offset >= this.buffer.length) {
        this.buffer = createHash('sha256')
          .update(`${this.seed}\u0000${this.label}\u0000${this.counter++}`)
          .digest();
        this.offset = 0;
      }
      out[i] = this.buffer[this.offset++]!;
    }
    return out;
  }
}

/** A uniform double in [0, 1). */
export function randomFraction(seed: string, label: string): number {
  const bytes = new ByteStream(seed, label).take(7);
  let value = 0;
  for (let i = 0; i < 7; i++) value = value * 256 + bytes[i]!;
  return (value % 2 ** 53) / 2 ** 53;
}

/** `Entropy` for JSONPath intrinsics (`States.UUID`, unseeded `States.MathRandom`). */
export function seededEntropy(seed: string, label: string): Entropy {
  const stream = new ByteStream(seed, label);
  return {
    uuid: () => {
      const b = stream.take(16);
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    randomInt: (min, maxExclusive) => {
      const span = maxExclusive - min;
      if (span <= 0) return min;
      const bytes = stream.take(6);
      return min + (bytes.readUIntBE(0, 6) % span);
    },
  };
}

/** An unguessable task token (base64url, 64 characters). */
export function taskToken(seed: string, scheduledEventId: number): string {
  return new ByteStream(seed, `token:${scheduledEventId}`).take(48).toString('base64url');
}
