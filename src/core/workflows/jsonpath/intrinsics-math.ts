/**
 * The math intrinsics. States.MathRandom(start, end[, seed]) returns an integer in
 * [start, end) (start inclusive, end exclusive, as the guide says); arguments are rounded to the
 * nearest integer; with a seed the result is deterministic (see java-random.ts). States.MathAdd
 * adds two integers, each rounded and within -2147483648..2147483647.
 */
import { intrinsicFailure, roundedInteger, type IntrinsicImpl } from './intrinsic-args.js';
import { JavaRandom } from '../shared/java-random.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export const mathRandom: IntrinsicImpl = (args, entropy) => {
  const fn = 'States.MathRandom';
  const start = roundedInteger(fn, args, 0, 'start');
  const end = roundedInteger(fn, args, 1, 'end');
  if (start >= end)
    throw intrinsicFailure(fn, `the start (${start}) must be less than the end (${end})`);
  if (end - start > INT_MAX)
    throw intrinsicFailure(fn, `the range from ${start} to ${end} is too large`);
  if (args.length < 3) return entropy.randomInt(start, end);
  const seed = roundedInteger(fn, args, 2, 'seed');
  return start + new JavaRandom(seed).nextInt(end - start);
};

export const mathAdd: IntrinsicImpl = (args) => {
  const fn = 'States.MathAdd';
  const a = roundedInteger(fn, args, 0, 'first');
  const b = roundedInteger(fn, args, 1, 'second');
  for (const v of [a, b]) {
    if (v < INT_MIN || v > INT_MAX) {
      throw intrinsicFailure(fn, `the value ${v} is outside the range ${INT_MIN} to ${INT_MAX}`);
    }
  }
  return a + b;
};
