import { describe, expect, it } from 'vitest';
import { JavaRandom, javaLongOf } from '../../../src/core/workflows/shared/java-random.js';

// Reference values of java.util.Random (the LCG is specified by the JDK, so every JVM agrees).
describe('JavaRandom', () => {
  it('new Random(42).nextDouble() is 0.7275636800328681, as AWS reports for $random(42)', () => {
    expect(new JavaRandom(42n).nextDouble()).toBe(0.7275636800328681);
  });

  it('reproduces the first doubles of seed 42', () => {
    const r = new JavaRandom(42n);
    const draws = [0, 1, 2, 3, 4].map(() => r.nextDouble());
    expect(draws).toEqual([
      0.7275636800328681, 0.6832234717598454, 0.30871945533265976, 0.27707849007413665,
      0.6655489517945736,
    ]);
  });

  it.each([
    [0n, 0.730967787376657],
    [7n, 0.7306990420600421],
  ])('new Random(%s).nextDouble() is %s', (seed, expected) => {
    expect(new JavaRandom(seed).nextDouble()).toBe(expected);
  });

  it('nextInt and nextLong follow the same generator', () => {
    const r = new JavaRandom(42n);
    expect([r.nextInt(), r.nextInt()]).toEqual([-1170105035, 234785527]);
    expect(new JavaRandom(0n).nextLong()).toBe(-4962768465676381896n);
  });

  it('negative and 64-bit seeds are Java longs', () => {
    expect(new JavaRandom(-1n).nextDouble()).toBe(new JavaRandom(2n ** 64n - 1n).nextDouble());
    expect(new JavaRandom(2n ** 64n + 42n).nextDouble()).toBe(0.7275636800328681);
  });

  it.each([
    [0.9, 0n],
    [-1.7, -1n],
    [NaN, 0n],
    [Infinity, 2n ** 63n - 1n],
    [-Infinity, -(2n ** 63n)],
    [1e30, 2n ** 63n - 1n],
  ])("javaLongOf(%s) is Java's (long) cast: %s", (value, expected) => {
    expect(javaLongOf(value)).toBe(expected);
  });
});
