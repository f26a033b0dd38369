import { describe, expect, it } from 'vitest';
import {
  applyTagChanges,
  tagQueue,
  untagQueue,
  validateTags,
} from '../../../src/core/queues/tags.js';
import { expectDomainError } from './expect-domain-error.js';

const many = (n: number, prefix = 'k') =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `v${i}`]));

describe('tag validation', () => {
  it('keys are 1–128 characters', () => {
    expect(() => validateTags({ ['k'.repeat(128)]: '' })).not.toThrow();
    for (const key of ['', 'k'.repeat(129)]) {
      expectDomainError(
        () => validateTags({ [key]: 'v' }),
        'InvalidParameterValue',
        'Tag keys must be between 1 and 128 characters in length.',
      );
    }
  });

  it('lengths count characters, not UTF-16 units', () => {
    expect(() => validateTags({ ['𝒜'.repeat(128)]: '😀'.repeat(256) })).not.toThrow();
  });

  it('values are 0–256 characters', () => {
    expect(() => validateTags({ k: 'v'.repeat(256) })).not.toThrow();
    expectDomainError(
      () => validateTags({ k: 'v'.repeat(257) }),
      'InvalidParameterValue',
      'Tag values must be between 0 and 256 characters in length.',
    );
  });

  it('keys use letters, digits, whitespace and _ . : / = + - @', () => {
    expect(() => validateTags({ 'Env name_1.x:/=+-@': 'v', Größe: 'v' })).not.toThrow();
    expectDomainError(
      () => validateTags({ 'a*b': 'v' }),
      'InvalidParameterValue',
      'Tag keys may only contain unicode letters, digits, whitespace, or one of these symbols: _ . : / = + - @',
    );
  });

  it('the aws: prefix is reserved', () => {
    expectDomainError(() => validateTags({ 'aws:cloudformation': 'v' }), 'InvalidParameterValue');
    expectDomainError(() => validateTags({ 'AWS:x': 'v' }), 'InvalidParameterValue');
  });

  it('at most 50 tags', () => {
    expect(Object.keys(validateTags(many(50)))).toHaveLength(50);
    expectDomainError(
      () => validateTags(many(51), 'q1'),
      'InvalidParameterValue',
      'Too many tags added for queue q1.',
    );
  });
});

describe('TagQueue', () => {
  it('merges, overwriting equal keys; keys are case-sensitive', () => {
    expect(tagQueue({ env: 'dev', team: 'a' }, { env: 'prod', Env: 'x' }, 'q')).toEqual({
      env: 'prod',
      team: 'a',
      Env: 'x',
    });
  });
  it('needs at least one tag', () => {
    expectDomainError(
      () => tagQueue({}, {}, 'q'),
      'MissingParameter',
      'The request must contain the parameter Tags.',
    );
    expect(applyTagChanges({ a: '1' }, {})).toEqual({ a: '1' });
  });
  it('the merged set stays within 50', () => {
    expect(Object.keys(tagQueue(many(49), { extra: 'v' }, 'q'))).toHaveLength(50);
    expect(Object.keys(tagQueue(many(50), { k0: 'new' }, 'q'))).toHaveLength(50);
    expectDomainError(
      () => tagQueue(many(50), { extra: 'v' }, 'q'),
      'InvalidParameterValue',
      'Too many tags added for queue q.',
    );
  });
  it('a __proto__ key is an ordinary tag', () => {
    const add = JSON.parse('{"__proto__":"v"}') as Record<string, string>;
    const merged = tagQueue({}, add, 'q');
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

describe('UntagQueue', () => {
  it('removes the given keys and ignores unknown ones', () => {
    expect(untagQueue({ a: '1', b: '2', A: '3' }, ['a', 'zz'])).toEqual({ b: '2', A: '3' });
  });
  it('needs 1–128 character keys', () => {
    for (const keys of [[], [''], ['k'.repeat(129)]]) {
      expectDomainError(
        () => untagQueue({}, keys),
        'InvalidParameterValue',
        'Tag keys must be between 1 and 128 characters in length.',
      );
    }
  });
});
