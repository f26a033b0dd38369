/**
 * Argument checks shared by the intrinsic implementations. Each failure is a
 * `States.IntrinsicFailure` whose cause names the function and what was wrong. Where the AWS
 * guide says a non-integer is "rounded off to the nearest integer", `roundedInteger` rounds
 * half up (Java's Math.round, which JavaScript's Math.round matches).
 */
import { STATES_INTRINSIC_FAILURE, StatesError } from '../shared/states-error.js';
import {
  isJsonObject,
  jsonTypeName,
  toJsonText,
  type JsonObject,
  type JsonValue,
} from '../shared/json-value.js';
import type { Entropy } from './evaluation-context.js';

export type IntrinsicImpl = (args: readonly JsonValue[], entropy: Entropy) => JsonValue;

export function intrinsicFailure(fn: string, detail: string): StatesError {
  return new StatesError(STATES_INTRINSIC_FAILURE, `Invalid arguments in ${fn}: ${detail}`);
}

function describe(value: JsonValue | undefined): string {
  return value === undefined ? 'nothing' : `${jsonTypeName(value)} ${toJsonText(value)}`;
}

export function arrayArg(
  fn: string,
  args: readonly JsonValue[],
  i: number,
  what = 'array',
): JsonValue[] {
  const value = args[i];
  if (!Array.isArray(value))
    throw intrinsicFailure(fn, `the ${what} argument must be an array, but got ${describe(value)}`);
  return value;
}

export function stringArg(fn: string, args: readonly JsonValue[], i: number, what: string): string {
  const value = args[i];
  if (typeof value !== 'string')
    throw intrinsicFailure(fn, `the ${what} argument must be a string, but got ${describe(value)}`);
  return value;
}

export function objectArg(
  fn: string,
  args: readonly JsonValue[],
  i: number,
  what: string,
): JsonObject {
  const value = args[i];
  if (!isJsonObject(value))
    throw intrinsicFailure(
      fn,
      `the ${what} argument must be a JSON object, but got ${describe(value)}`,
    );
  return value;
}

export function booleanArg(
  fn: string,
  args: readonly JsonValue[],
  i: number,
  what: string,
): boolean {
  const value = args[i];
  if (typeof value !== 'boolean')
    throw intrinsicFailure(
      fn,
      `the ${what} argument must be a boolean, but got ${describe(value)}`,
    );
  return value;
}

/** A number rounded to the nearest integer (AWS's documented rule), within the safe range. */
export function roundedInteger(
  fn: string,
  args: readonly JsonValue[],
  i: number,
  what: string,
): number {
  const value = args[i];
  if (typeof value !== 'number')
    throw intrinsicFailure(
      fn,
      `the ${what} argument must be an integer, but got ${describe(value)}`,
    );
  const rounded = Math.round(value);
  if (!Number.isSafeInteger(rounded))
    throw intrinsicFailure(fn, `the ${what} argument ${value} is out of range`);
  return rounded === 0 ? 0 : rounded;
}

/** An integer argument that must already be integral (no rounding documented). */
export function exactInteger(
  fn: string,
  args: readonly JsonValue[],
  i: number,
  what: string,
): number {
  const value = args[i];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw intrinsicFailure(
      fn,
      `the ${what} argument must be an integer, but got ${describe(value)}`,
    );
  }
  return value === 0 ? 0 : value;
}
