/**
 * Target input settings PutTargets rejects, each with the fragment of the ValidationException
 * message it must carry.
 */
import { describe, expect, it } from 'vitest';
import {
  compileTargetInput,
  TargetInputValidationError,
  type TargetInputSpec,
} from '../../src/core/targets/index.js';

const MAP = { state: '$.detail.state' };

function tx(template: string, map: Record<string, string> = MAP): TargetInputSpec {
  return { targetId: 'tgt', inputTransformer: { inputPathsMap: map, inputTemplate: template } };
}

function mapOf(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, '$.detail']));
}

const ONLY_ONE =
  'Only one of Input, InputPath, or InputTransformer must be provided for target tgt.';

const INVALID: ReadonlyArray<readonly [string, TargetInputSpec, string]> = [
  ['Input and InputPath', { targetId: 'tgt', input: '{}', inputPath: '$' }, ONLY_ONE],
  [
    'Input and InputTransformer',
    { targetId: 'tgt', input: '{}', inputTransformer: { inputTemplate: '"x"' } },
    ONLY_ONE,
  ],
  [
    'InputPath and InputTransformer',
    { targetId: 'tgt', inputPath: '$', inputTransformer: { inputTemplate: '"x"' } },
    ONLY_ONE,
  ],
  [
    'all three',
    { targetId: 'tgt', input: '1', inputPath: '$', inputTransformer: { inputTemplate: '"x"' } },
    ONLY_ONE,
  ],
  [
    'Input not JSON',
    { targetId: 'tgt', input: 'hello' },
    'Input for target tgt is not a valid JSON text.',
  ],
  ['Input empty', { targetId: 'tgt', input: '' }, 'is not a valid JSON text'],
  ['Input truncated JSON', { targetId: 'tgt', input: '{"a":' }, 'is not a valid JSON text'],
  [
    'Input too long',
    { targetId: 'tgt', input: `"${'a'.repeat(8191)}"` },
    'Member must have length less than or equal to 8192',
  ],
  [
    'InputPath without $',
    { targetId: 'tgt', inputPath: 'detail.state' },
    'InputPath for target tgt is not a valid JSON path',
  ],
  ['InputPath empty', { targetId: 'tgt', inputPath: '' }, 'is not a valid JSON path'],
  [
    'InputPath recursive descent',
    { targetId: 'tgt', inputPath: '$..state' },
    'is not a valid JSON path',
  ],
  [
    'InputPath filter',
    { targetId: 'tgt', inputPath: '$.items[?(@.a)]' },
    'is not a valid JSON path',
  ],
  ['InputPath slice', { targetId: 'tgt', inputPath: '$.items[0:2]' }, 'is not a valid JSON path'],
  [
    'InputPath trailing dot',
    { targetId: 'tgt', inputPath: '$.detail.' },
    'is not a valid JSON path',
  ],
  [
    'InputPath unclosed bracket',
    { targetId: 'tgt', inputPath: '$.a[0' },
    'is not a valid JSON path',
  ],
  [
    'InputPath too long',
    { targetId: 'tgt', inputPath: `$.${'a'.repeat(255)}` },
    'Member must have length less than or equal to 256',
  ],
  [
    'InputTemplate missing',
    { targetId: 'tgt', inputTransformer: {} as { inputTemplate: string } },
    'Member must not be null',
  ],
  ['InputTemplate empty', tx(''), 'Member must have length greater than or equal to 1'],
  [
    'InputTemplate too long',
    tx(`"${'x'.repeat(8192)}"`),
    'Member must have length less than or equal to 8192',
  ],
  [
    'undefined placeholder',
    tx('"<status>"'),
    'InputTemplate for target tgt contains invalid placeholder status.',
  ],
  ['placeholder with spaces', tx('"< state >"'), 'contains invalid placeholder  state .'],
  ['empty placeholder', tx('"<>"'), 'contains invalid placeholder .'],
  [
    'unclosed < swallows the next placeholder',
    tx('a < b and <state>'),
    'contains invalid placeholder  b and <state.',
  ],
  ['HTML-like tag', tx('"<b>bold</b>"'), 'contains invalid placeholder b.'],
  [
    'unknown aws.events variable',
    tx('{"x": <aws.events.event.id>}'),
    'contains invalid placeholder aws.events.event.id.',
  ],
  [
    'predefined name with wrong case',
    tx('"<AWS.events.rule-name>"'),
    'contains invalid placeholder AWS.events.rule-name.',
  ],
  ['placeholder as object key', tx('{<state>: 1}'), 'uses placeholder state as an object key'],
  [
    'too many map entries',
    tx('"x"', mapOf(101)),
    'Member must have length less than or equal to 100',
  ],
  [
    'key with dot',
    tx('"x"', { 'a.b': '$.a' }),
    'Member must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+',
  ],
  ['key with space', tx('"x"', { 'a b': '$.a' }), 'Member must satisfy regular expression pattern'],
  ['empty key', tx('"x"', { '': '$.a' }), 'Member must satisfy regular expression pattern'],
  [
    'key reusing a predefined name',
    tx('"x"', { 'aws.events.rule-name': '$.a' }),
    'Member must satisfy regular expression pattern',
  ],
  [
    'key too long',
    tx('"x"', { ['k'.repeat(257)]: '$.a' }),
    'Member must have length less than or equal to 256',
  ],
  ['key starting with AWS', tx('"x"', { AWSThing: '$.a' }), 'keys cannot start with "AWS"'],
  ['key starting with aws', tx('"x"', { 'aws-x': '$.a' }), 'keys cannot start with "AWS"'],
  [
    'map path in bracket notation',
    tx('"<v>"', { v: "$['detail']" }),
    'contains an invalid JSON path for key v',
  ],
  [
    'map path without $',
    tx('"<v>"', { v: 'detail' }),
    'contains an invalid JSON path for key v: detail.',
  ],
  ['map path empty', tx('"<v>"', { v: '' }), 'contains an invalid JSON path for key v'],
  ['map path with space', tx('"<v>"', { v: '$.a b' }), 'contains an invalid JSON path'],
  [
    'map path too long',
    tx('"<v>"', { v: `$.${'a'.repeat(300)}` }),
    'Member must have length less than or equal to 256',
  ],
];

describe('compileTargetInput — rejected specifications', () => {
  it('has at least 25 cases', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(25);
  });

  it.each(INVALID)('%s', (_name, spec, fragment) => {
    let thrown: unknown;
    try {
      compileTargetInput(spec);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TargetInputValidationError);
    expect((thrown as Error).message).toContain(fragment);
  });

  it('accepts the limits themselves', () => {
    expect(() => compileTargetInput({ input: `"${'a'.repeat(8190)}"` })).not.toThrow();
    expect(() => compileTargetInput({ inputPath: `$.${'a'.repeat(254)}` })).not.toThrow();
    expect(() => compileTargetInput(tx('"x"', mapOf(100)))).not.toThrow();
    expect(() => compileTargetInput(tx('"x"', { ['k'.repeat(256)]: '$.a' }))).not.toThrow();
    expect(() => compileTargetInput(tx(`"${'x'.repeat(8190)}"`))).not.toThrow();
  });
});
