/**
 * Shared assertions for the JSONPath data-flow tests: a thrown StatesError with the expected
 * States.* name and cause, and a thrown JsonPathDefinitionError.
 */
import { expect } from 'vitest';
import {
  JsonPathDefinitionError,
  StatesError,
} from '../../../src/core/workflows/jsonpath/index.js';

export function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

export function expectStatesError(
  fn: () => unknown,
  error: string,
  cause?: string | RegExp,
): StatesError {
  const e = catchError(fn);
  expect(e).toBeInstanceOf(StatesError);
  const se = e as StatesError;
  expect(se.error).toBe(error);
  if (typeof cause === 'string') expect(se.cause).toBe(cause);
  else if (cause) expect(se.cause).toMatch(cause);
  return se;
}

export function expectDefinitionError(fn: () => unknown, reason?: RegExp): JsonPathDefinitionError {
  const e = catchError(fn);
  expect(e).toBeInstanceOf(JsonPathDefinitionError);
  const de = e as JsonPathDefinitionError;
  if (reason) expect(de.reason).toMatch(reason);
  return de;
}
