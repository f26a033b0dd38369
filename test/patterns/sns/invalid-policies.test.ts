/**
 * Invalid filter policies: each is rejected with InvalidFilterPolicyError carrying SNS's
 * InvalidParameter wording (reasons recorded against SNS where known), plus the limits —
 * 5 keys (top-level only for MessageBody), 150 combinations (depth-weighted, `$or` summed),
 * numeric operand range, 256 KB — and the policies just inside them, which must be accepted.
 */
import { describe, expect, it } from 'vitest';
import {
  filterPolicyCombinations,
  InvalidFilterPolicyError,
  parseSnsFilterPolicy,
  type FilterPolicyScope,
} from '../../../src/core/patterns/index.js';

type Row = readonly [name: string, policy: unknown, reason: string, scope?: FilterPolicyScope];

const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);

const INVALID: readonly Row[] = [
  [
    'nested array',
    { key: [['value']] },
    'Match value must be String, number, true, false, or null',
  ],
  [
    'unknown operator',
    { key: [{ 'wrong-operator': true }] },
    'Unrecognized match type wrong-operator',
  ],
  [
    'two operators',
    { key: [{ suffix: 'value', prefix: 'value2' }] },
    'Only one key allowed in match expression',
  ],
  ['suffix number', { key: [{ suffix: 100 }] }, 'suffix match pattern must be a string'],
  ['suffix null', { key: [{ suffix: null }] }, 'suffix match pattern must be a string'],
  ['suffix empty list', { key: [{ suffix: [] }] }, 'suffix match pattern must be a string'],
  [
    'suffix list',
    { key: [{ suffix: ['test', 'test2'] }] },
    'suffix match pattern must be a string',
  ],
  ['operator without list', { key: { suffix: 'value' } }, '"suffix" must be an object or an array'],
  ['key without list', { key_a: 'value_one' }, '"key_a" must be an object or an array'],
  ['key with number', { key_a: 5 }, '"key_a" must be an object or an array'],
  ['empty list', { key: [] }, 'Empty arrays are not allowed'],
  [
    'prefix with equals-ignore-case',
    { key: [{ prefix: { 'equals-ignore-case': 'a' } }] },
    'prefix match pattern must be a string',
  ],
  [
    'equals-ignore-case number',
    { key: [{ 'equals-ignore-case': 5 }] },
    'equals-ignore-case match pattern must be a string',
  ],
  ['wildcard is not SNS', { key: [{ wildcard: 'a*' }] }, 'Unrecognized match type wildcard'],
  ['numeric empty', { key: [{ numeric: [] }] }, 'Invalid member in numeric match: ]'],
  ['numeric not a list', { key: [{ numeric: 5 }] }, 'Value of numeric must be an array.'],
  [
    'numeric bad operator',
    { key: [{ numeric: ['operator'] }] },
    'Unrecognized numeric range operator: operator',
  ],
  [
    'numeric operand first',
    { key: [{ numeric: [1, '<='] }] },
    'Invalid member in numeric match: 1',
  ],
  [
    'numeric string operand',
    { key: [{ numeric: ['=', '000'] }] },
    'Value of equals must be numeric',
  ],
  ['numeric missing operand', { key: [{ numeric: ['>='] }] }, 'Value of >= must be numeric'],
  [
    'numeric reversed range',
    { key: [{ numeric: ['<', 100, '>', 10] }] },
    'Too many elements in numeric expression',
  ],
  [
    'numeric two lower bounds',
    { key: [{ numeric: ['>=', 1, '>', 2] }] },
    'Bad numeric range operator: >',
  ],
  [
    'numeric bottom above top',
    { key: [{ numeric: ['>', 3, '<', 1] }] },
    'Bottom must be less than top',
  ],
  ['numeric missing top', { key: [{ numeric: ['>', 20, '<='] }] }, 'Value of <= must be numeric'],
  [
    'numeric missing second operator',
    { key: [{ numeric: ['>', 20, 30] }] },
    'Bad value in numeric range: 30',
  ],
  [
    'numeric unknown second operator',
    { key: [{ numeric: ['>', 20, 'test'] }] },
    'Bad numeric range operator: test',
  ],
  [
    'numeric string bottom',
    { key: [{ numeric: ['>', '20', '<', '30'] }] },
    'Value of > must be numeric',
  ],
  [
    'numeric string top',
    { key: [{ numeric: ['>', 20, '<', '30'] }] },
    'Value of < must be numeric',
  ],
  [
    'numeric too many terms',
    { key: [{ numeric: ['>', 20, '<', 30, '<', 50] }] },
    'Too many terms in numeric range expression',
  ],
  [
    'numeric above 1e9',
    { key: [{ numeric: ['>', 1e9 + 1] }] },
    'Value of > must be between -1.0E9 and 1.0E9 inclusive',
  ],
  [
    'numeric below -1e9',
    { key: [{ numeric: ['=', -2e9] }] },
    'Value of equals must be between -1.0E9 and 1.0E9 inclusive',
  ],
  [
    'exists null',
    { key: [{ exists: null }] },
    'exists match pattern must be either true or false.',
  ],
  [
    'exists string',
    { key: [{ exists: 'no' }] },
    'exists match pattern must be either true or false.',
  ],
  [
    'anything-but unknown',
    { key: [{ 'anything-but': { 'wrong-operator': null } }] },
    'Unsupported anything-but pattern: wrong-operator',
  ],
  [
    'anything-but suffix is not SNS',
    { key: [{ 'anything-but': { suffix: 'test' } }] },
    'Unsupported anything-but pattern: suffix',
  ],
  [
    'anything-but exists',
    { key: [{ 'anything-but': { exists: false } }] },
    'Unsupported anything-but pattern: exists',
  ],
  [
    'anything-but equals-ignore-case is not SNS',
    { key: [{ 'anything-but': { 'equals-ignore-case': 'a' } }] },
    'Unsupported anything-but pattern: equals-ignore-case',
  ],
  [
    'anything-but wildcard is not SNS',
    { key: [{ 'anything-but': { wildcard: 'a*' } }] },
    'Unsupported anything-but pattern: wildcard',
  ],
  [
    'anything-but prefix boolean',
    { key: [{ 'anything-but': { prefix: false } }] },
    'prefix match pattern must be a string',
  ],
  [
    'anything-but empty prefix',
    { key: [{ 'anything-but': { prefix: '' } }] },
    'Null prefix/suffix not allowed',
  ],
  [
    'anything-but boolean',
    { key: [{ 'anything-but': true }] },
    'Value of anything-but must be an array or single string/number value.',
  ],
  [
    'anything-but list with null',
    { key: [{ 'anything-but': ['a', null] }] },
    'Inside anything but list, start|null|boolean is not supported.',
  ],
  ['cidr number', { key: [{ cidr: 10 }] }, 'prefix match pattern must be a string'],
  ['cidr without slash', { key: [{ cidr: '10.0.0.0' }] }, "Malformed CIDR, one '/' required"],
  [
    'cidr bad mask',
    { key: [{ cidr: '10.0.0.0/x' }] },
    'Malformed CIDR, mask bits must be an integer',
  ],
  ['cidr bad address', { key: [{ cidr: '300.0.0.0/8' }] }, 'Nonstandard IP address: 300.0.0.0'],
  ['policy is a list', ['a'], 'Filter is not an object'],
  ['policy is a JSON string', '"store"', 'Filter is not an object'],
  ['policy is a number', '5', 'Filter is not an object'],
  [
    'six keys',
    { a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] },
    'Filter policy can not have more than 5 keys',
  ],
  [
    'six keys in body',
    { a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] },
    'Filter policy can not have more than 5 keys',
    'MessageBody',
  ],
  [
    'six keys through $or',
    {
      a: ['1'],
      b: ['1'],
      $or: [
        { c: ['1'], d: ['1'] },
        { e: ['1'], f: ['1'], g: ['1'], h: ['1'] },
      ],
    },
    'Filter policy can not have more than 5 keys',
  ],
  ['151 values', { key: values(151) }, 'Filter policy is too complex'],
  ['13 x 12 values', { a: values(13), b: values(12) }, 'Filter policy is too complex'],
  [
    '$or alternatives add up',
    { $or: [{ a: values(76) }, { b: values(75) }] },
    'Filter policy is too complex',
  ],
  [
    'nested depth multiplies (recorded: 3x4 x 2x3 x 1x3 = 216)',
    { key_a: { key_b: { key_c: values(4) } }, key_d: { key_e: values(3) }, key_f: values(3) },
    'Filter policy is too complex',
    'MessageBody',
  ],
  [
    'deep nesting',
    JSON.parse('{"a":'.repeat(200) + '["x"]' + '}'.repeat(200)),
    'Filter policy is too complex',
    'MessageBody',
  ],
  [
    'deep $or nesting',
    JSON.parse('{"$or":[{"x":["1"]},'.repeat(300) + '{"y":["2"]}' + ']}'.repeat(300)),
    'Filter policy is too complex',
    'MessageBody',
  ],
];

function rejection(policy: unknown, scope: FilterPolicyScope = 'MessageAttributes') {
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy);
  try {
    parseSnsFilterPolicy(text, { scope });
  } catch (e) {
    if (e instanceof InvalidFilterPolicyError) return e;
    throw e;
  }
  throw new Error(`accepted: ${text.slice(0, 200)}`);
}

describe('invalid SNS filter policies', () => {
  it.each(INVALID.map((r) => [r[0], r] as const))('%s', (_name, [, policy, reason, scope]) => {
    const e = rejection(policy, scope);
    expect(e.reason).toBe(reason);
    expect(e.message).toBe(`Invalid parameter: FilterPolicy: ${reason}`);
    expect(e.messageFor('Subscribe')).toBe(
      `Invalid parameter: Attributes Reason: FilterPolicy: ${reason}`,
    );
  });

  it('rejects text that is not JSON', () => {
    const e = rejection('{"store": ["a"');
    expect(e.message).toMatch(/^Invalid parameter: FilterPolicy: failed to parse JSON\./);
    expect(rejection('').reason).toMatch(/^failed to parse JSON\./);
  });

  it('rejects nested policies in the MessageAttributes scope, after content errors', () => {
    const nested = { object: { key: [{ prefix: 'auto-' }] } };
    const e = rejection(nested);
    expect(e.message).toBe(
      'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy',
    );
    expect(e.field).toBeNull();
    expect(rejection({ key: { suffix: 'value' } }).reason).toBe(
      '"suffix" must be an object or an array',
    );
    expect(() =>
      parseSnsFilterPolicy(JSON.stringify(nested), { scope: 'MessageBody' }),
    ).not.toThrow();
  });

  it('rejects policies above 256 KB and honours a configured size', () => {
    const big = JSON.stringify({ key: ['x'.repeat(256 * 1024)] });
    expect(rejection(big).reason).toMatch(
      /^Filter policy size \d+ exceeds the maximum of 262144 bytes$/,
    );
    const text = JSON.stringify({ key: ['é'.repeat(60)] });
    expect(() => parseSnsFilterPolicy(text, { maxBytes: 100 })).toThrow(InvalidFilterPolicyError);
    expect(() => parseSnsFilterPolicy(text, { maxBytes: 200 })).not.toThrow();
  });

  it('accepts policies just inside the limits', () => {
    const ok = (policy: unknown, scope: FilterPolicyScope = 'MessageAttributes') =>
      parseSnsFilterPolicy(JSON.stringify(policy), { scope });
    expect(ok({ key: values(150) }).pattern.root.fields).toHaveLength(1);
    expect(ok({ a: values(15), b: values(10) }).scope).toBe('MessageAttributes');
    expect(ok({ a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'] }).matchesAll).toBe(false);
    // Only top-level keys count in the MessageBody scope (AWS's key-counting example).
    const finding = {
      state: ['SUCCESS'],
      severity: [{ exists: true }],
      message: [{ exists: true }],
      finding: {
        standard_control: [{ exists: true }],
        region: [{ exists: true }],
        account: [{ exists: true }],
      },
    };
    expect(ok(finding, 'MessageBody').scope).toBe('MessageBody');
    // AWS's nested example: 4 values three deep, 3 values two deep: 3x4 x 2x3 = 72.
    const nested = ok(
      { key_a: { key_b: { key_c: values(4) } }, key_d: { key_e: values(3) } },
      'MessageBody',
    );
    expect(filterPolicyCombinations(nested.pattern.root)).toBe(72);
    expect(ok({ $or: [{ a: values(75) }, { b: values(75) }] }).pattern.root.anyOf).toHaveLength(1);
    expect(ok({ key: [{ numeric: ['>=', -1e9, '<=', 1e9] }] }).scope).toBe('MessageAttributes');
    expect(ok({ key: [1e12] }).scope).toBe('MessageAttributes');
    expect(ok({}).matchesAll).toBe(true);
  });

  it('flags attribute policies whose String.Array semantics need a re-check', () => {
    const flag = (policy: unknown, scope: FilterPolicyScope = 'MessageAttributes') =>
      parseSnsFilterPolicy(JSON.stringify(policy), { scope }).arraySensitive;
    expect(flag({ a: [{ 'anything-but': 'x' }] })).toBe(true);
    expect(flag({ $or: [{ a: ['x'] }, { b: [{ exists: false }] }] })).toBe(true);
    expect(flag({ a: ['x', { prefix: 'y' }, { exists: true }] })).toBe(false);
    expect(flag({ a: [{ 'anything-but': 'x' }] }, 'MessageBody')).toBe(false);
  });
});
