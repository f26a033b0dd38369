/**
 * The array intrinsics: States.Array, ArrayPartition, ArrayContains, ArrayRange (at most 1000
 * items, arguments rounded, step non-zero and possibly negative), ArrayGetItem, ArrayLength and
 * ArrayUnique (structural equality, first occurrence kept).
 */
import { jsonEquals, type JsonValue } from '../shared/json-value.js';
import {
  arrayArg,
  exactInteger,
  intrinsicFailure,
  roundedInteger,
  type IntrinsicImpl,
} from './intrinsic-args.js';

export const MAX_ARRAY_RANGE_ITEMS = 1000;

export const statesArray: IntrinsicImpl = (args) => [...args];

export const arrayPartition: IntrinsicImpl = (args) => {
  const fn = 'States.ArrayPartition';
  const array = arrayArg(fn, args, 0);
  const size = roundedInteger(fn, args, 1, 'chunk size');
  if (size <= 0)
    throw intrinsicFailure(fn, `the chunk size must be a positive integer, but got ${size}`);
  const chunks: JsonValue[] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
  return chunks;
};

export const arrayContains: IntrinsicImpl = (args) => {
  const array = arrayArg('States.ArrayContains', args, 0);
  const wanted = args[1]!;
  return array.some((item) => jsonEquals(item, wanted));
};

export const arrayRange: IntrinsicImpl = (args) => {
  const fn = 'States.ArrayRange';
  const first = roundedInteger(fn, args, 0, 'first');
  const last = roundedInteger(fn, args, 1, 'last');
  const step = roundedInteger(fn, args, 2, 'step');
  if (step === 0) throw intrinsicFailure(fn, 'the step argument must be a non-zero integer');
  const count = Math.max(0, Math.floor((last - first) / step) + 1);
  if (count > MAX_ARRAY_RANGE_ITEMS) {
    throw intrinsicFailure(
      fn,
      `the range would contain ${count} items; at most ${MAX_ARRAY_RANGE_ITEMS} are allowed`,
    );
  }
  return Array.from({ length: count }, (_, i) => first + i * step);
};

export const arrayGetItem: IntrinsicImpl = (args) => {
  const fn = 'States.ArrayGetItem';
  const array = arrayArg(fn, args, 0);
  const index = exactInteger(fn, args, 1, 'index');
  if (index < 0 || index >= array.length) {
    throw intrinsicFailure(
      fn,
      `the index ${index} is out of bounds for an array of length ${array.length}`,
    );
  }
  return array[index]!;
};

export const arrayLength: IntrinsicImpl = (args) => arrayArg('States.ArrayLength', args, 0).length;

export const arrayUnique: IntrinsicImpl = (args) => {
  const unique: JsonValue[] = [];
  for (const item of arrayArg('States.ArrayUnique', args, 0)) {
    if (!unique.some((seen) => jsonEquals(seen, item))) unique.push(item);
  }
  return unique;
};
