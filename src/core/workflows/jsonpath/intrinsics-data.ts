/**
 * Encoding, hashing and JSON intrinsics: States.Base64Encode / Base64Decode (UTF-8 text, at most
 * 10,000 characters of input), States.Hash (MD5, SHA-1, SHA-256, SHA-384, SHA-512 of the UTF-8
 * string, lower-case hex, at most 10,000 characters), States.JsonMerge (shallow only: the third
 * argument must be false), States.StringToJson and States.JsonToString (compact JSON).
 */
import { createHash } from 'node:crypto';
import {
  cloneJson,
  setOwn,
  toJsonText,
  type JsonObject,
  type JsonValue,
} from '../shared/json-value.js';
import {
  booleanArg,
  intrinsicFailure,
  objectArg,
  stringArg,
  type IntrinsicImpl,
} from './intrinsic-args.js';

export const MAX_ENCODING_INPUT = 10_000;
export const MAX_HASH_INPUT = 10_000;

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function limited(fn: string, text: string, max: number): string {
  if (text.length > max) {
    throw intrinsicFailure(
      fn,
      `the input must have at most ${max} characters, but has ${text.length}`,
    );
  }
  return text;
}

export const base64Encode: IntrinsicImpl = (args) => {
  const fn = 'States.Base64Encode';
  const text = limited(fn, stringArg(fn, args, 0, 'data'), MAX_ENCODING_INPUT);
  return Buffer.from(text, 'utf8').toString('base64');
};

export const base64Decode: IntrinsicImpl = (args) => {
  const fn = 'States.Base64Decode';
  const text = limited(fn, stringArg(fn, args, 0, 'data'), MAX_ENCODING_INPUT);
  // MIME decoding ignores line separators; anything else outside the alphabet is an error.
  const compact = text.replace(/\r?\n/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw intrinsicFailure(fn, 'the data argument is not valid Base64');
  }
  return Buffer.from(compact, 'base64').toString('utf8');
};

export const hash: IntrinsicImpl = (args) => {
  const fn = 'States.Hash';
  const data = limited(fn, stringArg(fn, args, 0, 'data'), MAX_HASH_INPUT);
  const algorithm = stringArg(fn, args, 1, 'algorithm');
  const nodeName = Object.prototype.hasOwnProperty.call(HASH_ALGORITHMS, algorithm)
    ? HASH_ALGORITHMS[algorithm]
    : undefined;
  if (nodeName === undefined) {
    throw intrinsicFailure(
      fn,
      `the algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}, but got '${algorithm}'`,
    );
  }
  return createHash(nodeName).update(data, 'utf8').digest('hex');
};

export const jsonMerge: IntrinsicImpl = (args) => {
  const fn = 'States.JsonMerge';
  const left = objectArg(fn, args, 0, 'first');
  const right = objectArg(fn, args, 1, 'second');
  if (booleanArg(fn, args, 2, 'deep merge')) {
    throw intrinsicFailure(
      fn,
      'only shallow merging is supported: the third argument must be false',
    );
  }
  const merged: JsonObject = {};
  for (const [k, v] of Object.entries(left)) setOwn(merged, k, cloneJson(v));
  for (const [k, v] of Object.entries(right)) setOwn(merged, k, cloneJson(v));
  return merged;
};

export const stringToJson: IntrinsicImpl = (args) => {
  const fn = 'States.StringToJson';
  const text = stringArg(fn, args, 0, 'string');
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw intrinsicFailure(fn, `the string is not valid JSON: ${text}`);
  }
};

export const jsonToString: IntrinsicImpl = (args) => toJsonText(args[0]!);
