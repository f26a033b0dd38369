/** Test helper: asserts that `fn` throws a DomainError with the given catalogue id (and message). */
import { expect } from 'vitest';
import type { ErrorId } from '../../../src/core/errors/catalogue.js';
import { isDomainError } from '../../../src/core/errors/domain-error.js';

export function expectDomainError(fn: () => unknown, id: ErrorId, message?: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(isDomainError(thrown), `expected DomainError ${id}, got ${String(thrown)}`).toBe(true);
  if (!isDomainError(thrown)) return;
  expect(thrown.id).toBe(id);
  if (message !== undefined) expect(thrown.message).toBe(message);
}
