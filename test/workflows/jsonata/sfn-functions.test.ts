import { describe, expect, it } from 'vitest';
import { StatesError, type JsonValue } from '../../../src/core/workflows/jsonata/index.js';
import { failure, run } from './run-template.js';

const evaluate = (expression: string, input: JsonValue = {}) =>
  run(`{% ${expression} %}`, { states: { input } });

async function queryError(expression: string, input: JsonValue = {}): Promise<string> {
  const e = await failure(evaluate(expression, input));
  expect(e).toBeInstanceOf(StatesError);
  expect((e as StatesError).error).toBe('States.QueryEvaluationError');
  return (e as StatesError).cause;
}

const nothing = (expression: string) =>
  `The JSONata expression '${expression}' specified for the field 'Output' returned nothing (undefined).`;
const threw = (expression: string, error: string) =>
  `The JSONata expression '${expression}' specified for the field 'Output' threw an error during evaluation: ${error}`;

describe('$partition', () => {
  it.each<[string, JsonValue]>([
    [
      '$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)',
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    ],
    [
      '$partition([1, 2, 3, 4], 2)',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['$partition([1, 2, 3, 4, 5], 2)', [[1, 2], [3, 4], [5]]],
    ['$partition([1, 2, 3, 4, 5], 1)', [[1], [2], [3], [4], [5]]],
    ['$partition([1, 2, 3, 4, 5], 5)', [[1, 2, 3, 4, 5]]],
    ['$partition([1, 2, 3, 4, 5], 6)', [[1, 2, 3, 4, 5]]],
    ['$partition([1, 2, 3, 4, 5], 2.9)', [[1, 2], [3, 4], [5]]],
    ['$partition([1, 2, 3])', [[1, 2, 3]]],
    ["$partition(['a', {'b': 1}, null], 2)", [['a', { b: 1 }], [null]]],
    ['$partition($states.input.items, 2)', [[{ id: 1 }, { id: 2 }], [{ id: 3 }]]],
  ])('%s is %j', async (expression, expected) => {
    expect(await evaluate(expression, { items: [{ id: 1 }, { id: 2 }, { id: 3 }] })).toEqual(
      expected,
    );
  });

  it.each(['$partition([], 2)', '$partition([1, 2, 3], 0)', '$partition([1, 2, 3, 4], -0.5)'])(
    '%s returns nothing',
    async (expression) => {
      expect(await queryError(expression)).toBe(nothing(expression));
    },
  );

  it.each<[string, string]>([
    ['$partition([1, 2, 3], -1)', 'D3137: Second argument must be zero or greater'],
    [
      '$partition(null, 2)',
      'T0412: Argument 1 of function "partition" must be an array of "values"',
    ],
    [
      '$partition([1, 2, 3], 2, 1)',
      'T0410: Argument 3 of function "partition" does not match function signature',
    ],
    [
      "$partition([1, 2, 3], '2')",
      'T0410: Argument 2 of function "partition" does not match function signature',
    ],
  ])('%s fails: %s', async (expression, error) => {
    expect(await queryError(expression)).toBe(threw(expression, error));
  });
});

describe('$range', () => {
  it.each<[string, JsonValue]>([
    ['$range(0, 10, 2)', [0, 2, 4, 6, 8, 10]],
    ['$range(0, 10, 1)', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['$range(1, -5, -1)', [1, 0, -1, -2, -3, -4, -5]],
    ['$range(1, 9, 3)', [1, 4, 7]],
    ['$range(10, 0, -2)', [10, 8, 6, 4, 2, 0]],
    ['$range(1, 8, 2)', [1, 3, 5, 7]],
    ['$range(-1.7, 2, 1)', [-1, 0, 1, 2]],
    ['$range(5, 1, -1.5)', [5, 4, 3, 2, 1]],
    ['$range(3, 3, 1)', 3],
    ['$range(1, 1, 2)', 1],
    ['$count($range(1, 360145, 1))', 360145],
    ['$append([], $range(7, 7, 1))', [7]],
  ])('%s is %j', async (expression, expected) => {
    expect(await evaluate(expression)).toEqual(expected);
  });

  it.each([
    '$range(1, 5)',
    '$range(1, 9, 0)',
    '$range(5, 1, 1)',
    '$range(1, 5, -1)',
    '$range(1, 3, 0.9)',
  ])('%s returns nothing', async (expression) => {
    expect(await queryError(expression)).toBe(nothing(expression));
  });

  it.each<[string, string]>([
    ['$range(1)', 'T0410: Argument 2 of function "range" does not match function signature'],
    [
      "$range('0', 4, 1)",
      'T0410: Argument 1 of function "range" does not match function signature',
    ],
    [
      '$range(0, 4, 1, 2)',
      'T0410: Argument 4 of function "range" does not match function signature',
    ],
    [
      '$range(1, 360146, 1)',
      'Expression evaluation memory limit exceeded: Check for excessive memory usage',
    ],
    [
      '$range(1, 1000000000000, 1)',
      'Expression evaluation memory limit exceeded: Check for excessive memory usage',
    ],
  ])('%s fails: %s', async (expression, error) => {
    expect(await queryError(expression)).toBe(threw(expression, error));
  });
});

describe('$hash', () => {
  it.each<[string, string]>([
    ["$hash('Hello', 'MD5')", '8b1a9953c4611296a827abf8c47804d7'],
    ["$hash('Hello', 'SHA-1')", 'f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0'],
    [
      "$hash('Hello', 'SHA-256')",
      '185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969',
    ],
    [
      "$hash('Hello', 'SHA-384')",
      '3519fe5ad2c596efe3e276a6f351b8fc0b03db861782490d45f7598ebd0ab5fd5520ed102f38c4a5ec834e98668035fc',
    ],
    [
      "$hash('Hello', 'SHA-512')",
      '3615f80c9d293ed7402687f94b22d58e529b8cc7916f8fac7fddf7fbd5af4cf777d3d795a7a00a16bf7e7f3fb9561ee9baae480da9fe7a18769e71886b03f315',
    ],
    ["$hash('', 'MD5')", 'd41d8cd98f00b204e9800998ecf8427e'],
    ["$hash('ñ', 'MD5')", '94e9342ecbb1458b6043ecd3bfcbc192'],
    [
      "$hash($states.input.content, 'SHA-256')",
      '185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969',
    ],
  ])('%s is %s', async (expression, digest) => {
    expect(await evaluate(expression, { content: 'Hello' })).toBe(digest);
  });

  it('no algorithm returns nothing', async () => {
    expect(await queryError("$hash('a')")).toBe(nothing("$hash('a')"));
  });

  it.each<[string, string]>([
    [
      "$hash('Hello', 'md5')",
      "D3137: Unsupported hash algorithm 'md5': use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
    ],
    [
      "$hash('Hello', 'SHA3-256')",
      "D3137: Unsupported hash algorithm 'SHA3-256': use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
    ],
    ["$hash(42, 'MD5')", 'T0410: Argument 1 of function "hash" does not match function signature'],
    ["$hash('a', 5)", 'T0410: Argument 2 of function "hash" does not match function signature'],
    [
      "$hash('a', 'MD5', 'x')",
      'T0410: Argument 3 of function "hash" does not match function signature',
    ],
  ])('%s fails: %s', async (expression, error) => {
    expect(await queryError(expression)).toBe(threw(expression, error));
  });
});

describe('$random', () => {
  it.each<[string, number]>([
    ['$random(42)', 0.7275636800328681],
    ['$random(0)', 0.730967787376657],
    ['$random(7)', 0.7306990420600421],
    ['$random(0.9)', 0.730967787376657],
    ['$random(42.5)', 0.7275636800328681],
    ['$random($states.input.seed)', 0.7275636800328681],
  ])('%s is %s', async (expression, value) => {
    expect(await evaluate(expression, { seed: 42 })).toBe(value);
  });

  it('without a seed draws from [0, 1), differently each call', async () => {
    const draws = (await evaluate('[1..50].$random()')) as number[];
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(45);
  });

  it.each<[string, string]>([
    ['$random(1, 2)', 'T0410: Argument 2 of function "random" does not match function signature'],
    ["$random('x')", 'T0410: Argument 1 of function "random" does not match function signature'],
  ])('%s fails: %s', async (expression, error) => {
    expect(await queryError(expression)).toBe(threw(expression, error));
  });
});

describe('$uuid', () => {
  it('is a version 4 UUID, new on every call', async () => {
    const ids = (await evaluate('[$uuid(), $uuid(), $uuid()]')) as string[];
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('takes no argument', async () => {
    expect(await queryError("$uuid('seed')")).toBe(
      threw(
        "$uuid('seed')",
        'T0410: Argument 1 of function "uuid" does not match function signature',
      ),
    );
  });
});

describe('$parse', () => {
  it.each<[string, JsonValue]>([
    [`$parse('{"foo": "bar"}')`, { foo: 'bar' }],
    ['$parse($states.input.json_string)', { customerId: 42, tags: ['a'] }],
    ['$parse($states.input.json_string).customerId', 42],
    [`$parse('[1, 2, 3]')`, [1, 2, 3]],
    [`$parse('"text"')`, 'text'],
    [`$parse('null')`, null],
    [`$exists($parse('null'))`, true],
    [`$parse('{"b": 1, "a": 2}')`, { b: 1, a: 2 }],
    [`$map(['{"a":1}', '{"a":2}'], $parse).a`, [1, 2]],
  ])('%s is %j', async (expression, expected) => {
    expect(
      await evaluate(expression, { json_string: '{"customerId": 42, "tags": ["a"]}' }),
    ).toEqual(expected);
  });

  it('keeps the key order of the text', async () => {
    expect(Object.keys((await evaluate(`$parse('{"b": 1, "a": 2}')`)) as object)).toEqual([
      'b',
      'a',
    ]);
  });

  it.each([
    `$parse('')`,
    `$parse('not json')`,
    `$parse('{"a":1}{"b":2}')`,
    `$parse('{"a":1,"a":2}')`,
    `$parse('1e400')`,
  ])('%s is invalid JSON', async (expression) => {
    expect(await queryError(expression)).toMatch(
      /threw an error during evaluation: D3137: Invalid JSON/,
    );
  });

  it.each<[string, string]>([
    ['$parse(null)', 'T0410: Argument 1 of function "parse" does not match function signature'],
    [
      `$parse('{}', 'x')`,
      'T0410: Argument 2 of function "parse" does not match function signature',
    ],
  ])('%s fails: %s', async (expression, error) => {
    expect(await queryError(expression)).toBe(threw(expression, error));
  });

  it('without an argument returns nothing', async () => {
    expect(await queryError('$parse()')).toBe(nothing('$parse()'));
  });
});
