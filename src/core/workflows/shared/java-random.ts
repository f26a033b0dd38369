/**
 * `java.util.Random`, bit for bit: the 48-bit linear congruential generator Step Functions
 * runs on the JVM. Used by JSONata's `$random(seed)` (AWS reports `$random(42)` =
 * 0.7275636800328681, the first `new Random(42).nextDouble()`) and by the seeded
 * `States.MathRandom(start, end, seed)` (`new Random(seed).nextInt(end - start) + start`; AWS
 * does not document that algorithm, so whether it matches AWS's number is not known). BigInt
 * keeps the 48-bit products exact.
 */

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;
const DOUBLE_UNIT = 2 ** -53;
const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

export class JavaRandom {
  private seed: bigint;

  /** `new Random(seed)`: the seed is a Java long (a number must be an integer), scrambled. */
  constructor(seed: bigint | number) {
    const long = typeof seed === 'bigint' ? seed : BigInt(seed);
    this.seed = (BigInt.asIntN(64, long) ^ MULTIPLIER) & MASK;
  }

  /** `next(bits)`: advances the generator and returns its top `bits` bits as a Java int. */
  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** `nextInt()` without a bound, or `nextInt(bound)` for a bound in [1, 2^31 - 1]. */
  nextInt(bound?: number): number {
    if (bound === undefined) return this.next(32);
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }

  nextLong(): bigint {
    const high = BigInt(this.next(32));
    const low = BigInt(this.next(32));
    return BigInt.asIntN(64, (high << 32n) + low);
  }

  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * DOUBLE_UNIT;
  }
}

/** Java's `(long) d` narrowing: toward zero, NaN is 0, out of range saturates. */
export function javaLongOf(value: number): bigint {
  if (Number.isNaN(value)) return 0n;
  if (value === Infinity) return LONG_MAX;
  if (value === -Infinity) return LONG_MIN;
  const whole = BigInt(Math.trunc(value));
  if (whole > LONG_MAX) return LONG_MAX;
  if (whole < LONG_MIN) return LONG_MIN;
  return whole;
}
