/**
 * The parsed form of an intrinsic function call (`States.Format('{}', $.x)`), and the table of
 * the 18 intrinsics with the number of arguments each accepts, checked at parse time.
 */
import type { ParsedPath } from './path-ast.js';

export const INTRINSIC_ARITY = {
  'States.Format': { min: 1, max: Infinity },
  'States.StringToJson': { min: 1, max: 1 },
  'States.JsonToString': { min: 1, max: 1 },
  'States.Array': { min: 0, max: Infinity },
  'States.ArrayPartition': { min: 2, max: 2 },
  'States.ArrayContains': { min: 2, max: 2 },
  'States.ArrayRange': { min: 3, max: 3 },
  'States.ArrayGetItem': { min: 2, max: 2 },
  'States.ArrayLength': { min: 1, max: 1 },
  'States.ArrayUnique': { min: 1, max: 1 },
  'States.Base64Encode': { min: 1, max: 1 },
  'States.Base64Decode': { min: 1, max: 1 },
  'States.Hash': { min: 2, max: 2 },
  'States.JsonMerge': { min: 3, max: 3 },
  'States.MathRandom': { min: 2, max: 3 },
  'States.MathAdd': { min: 2, max: 2 },
  'States.StringSplit': { min: 2, max: 2 },
  'States.UUID': { min: 0, max: 0 },
} as const satisfies Record<string, { min: number; max: number }>;

export type IntrinsicName = keyof typeof INTRINSIC_ARITY;

export const INTRINSIC_NAMES = Object.keys(INTRINSIC_ARITY) as IntrinsicName[];

export function isIntrinsicName(name: string): name is IntrinsicName {
  return Object.prototype.hasOwnProperty.call(INTRINSIC_ARITY, name);
}

export type IntrinsicLiteral = string | number | boolean | null;

export type IntrinsicArg =
  | {
      readonly type: 'literal';
      readonly value: IntrinsicLiteral;
      /** For string literals: the text between unescaped `{}` placeholders (escaped braces stay text). */
      readonly formatParts?: readonly string[];
    }
  | { readonly type: 'path'; readonly path: ParsedPath }
  | { readonly type: 'call'; readonly call: IntrinsicCall };

export interface IntrinsicCall {
  readonly name: IntrinsicName;
  readonly args: readonly IntrinsicArg[];
}

/** Most intrinsic calls one field may contain (the guide's "nest up to 10"). */
export const MAX_INTRINSIC_CALLS = 10;
