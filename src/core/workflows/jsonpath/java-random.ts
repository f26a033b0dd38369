/**
 * The seeded generator behind `States.MathRandom(start, end, seed)`. AWS does not document its
 * algorithm; Step Functions runs on the JVM, so we use java.util.Random (the 48-bit linear
 * congruential generator, `new Random(seed).nextInt(end - start) + start`). The same seed
 * always gives the same number here; whether it matches AWS's number is not known.
 */

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private state: bigint;

  constructor(seed: number) {
    this.state = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK;
  }

  /** java.util.Random#next(bits): the top `bits` bits of the next state, as a signed int. */
  private next(bits: number): number {
    this.state = (this.state * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.state >> BigInt(48 - bits)));
  }

  /** java.util.Random#nextInt(bound), bound in [1, 2^31 - 1]. */
  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) {
      return Number((BigInt(bound) * BigInt(r)) >> 31n);
    }
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }
}
