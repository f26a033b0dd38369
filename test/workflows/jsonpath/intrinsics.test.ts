import { describe, expect, it } from 'vitest';
import {
  evaluateIntrinsic,
  INTRINSIC_NAMES,
  parseIntrinsic,
  type Entropy,
  type EvaluationContext,
  type JsonValue,
} from '../../../src/core/workflows/jsonpath/index.js';
import { JavaRandom } from '../../../src/core/workflows/shared/java-random.js';
import { expectDefinitionError, expectStatesError } from './helpers.js';

const fixedEntropy: Entropy = {
  uuid: () => 'ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8',
  randomInt: (min) => min,
};

const run = (
  expr: string,
  input: JsonValue = {},
  extra: Partial<EvaluationContext> = {},
): JsonValue => evaluateIntrinsic(parseIntrinsic(expr), { input, entropy: fixedEntropy, ...extra });

describe('the examples of the AWS guide', () => {
  const arr = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  it.each<[string, JsonValue, JsonValue]>([
    [
      "States.Format('Hello, my name is {}.', $.name)",
      { name: 'Arnav' },
      'Hello, my name is Arnav.',
    ],
    [
      'States.Format($.template, $.name)',
      { name: 'Arnav', template: 'Hello, my name is {}.' },
      'Hello, my name is Arnav.',
    ],
    [
      'States.StringToJson($.escapedJsonString)',
      { escapedJsonString: '{"foo": "bar"}' },
      { foo: 'bar' },
    ],
    ['States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } }, '{"foo":"bar"}'],
    ['States.Array($.Id)', { Id: 123456 }, [123456]],
    [
      'States.ArrayPartition($.inputArray,4)',
      { inputArray: arr },
      [[1, 2, 3, 4], [5, 6, 7, 8], [9]],
    ],
    ['States.ArrayContains($.inputArray, $.lookingFor)', { inputArray: arr, lookingFor: 5 }, true],
    ['States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem($.inputArray, $.index)', { inputArray: arr, index: 5 }, 6],
    ['States.ArrayLength($.inputArray)', { inputArray: arr }, 9],
    ['States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, [1, 2, 3, 4]],
    ['States.Base64Encode($.input)', { input: 'Data to encode' }, 'RGF0YSB0byBlbmNvZGU='],
    ['States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' }, 'Data to encode'],
    [
      'States.Hash($.Data, $.Algorithm)',
      { Data: 'input data', Algorithm: 'SHA-1' },
      'aaff4a450a104cd177d28d18d74485e8cae074b7',
    ],
    [
      'States.JsonMerge($.json1, $.json2, false)',
      { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } },
      { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
    ],
    ['States.MathAdd($.value1, $.step)', { value1: 111, step: -1 }, 110],
    [
      'States.StringSplit($.inputString, $.splitter)',
      { inputString: '1,2,3,4,5', splitter: ',' },
      ['1', '2', '3', '4', '5'],
    ],
    [
      'States.StringSplit($.inputString, $.splitter)',
      { inputString: 'This.is+a,test=string', splitter: '.+,=' },
      ['This', 'is', 'a', 'test', 'string'],
    ],
    ['States.UUID()', {}, 'ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8'],
    [
      // The guide's myArn example has '{}.{}.{}' with two values, which cannot succeed; two placeholders here.
      "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))",
      {
        ImageRecipe: {
          Arn: 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.2',
        },
      },
      '1.0',
    ],
  ])('%s', (expr, input, expected) => {
    expect(run(expr, input)).toEqual(expected);
  });
});

describe('more behaviour of each intrinsic', () => {
  it.each<[string, JsonValue]>([
    ['States.Array()', []],
    ["States.Array(1, 'two', true, null, -2.5)", [1, 'two', true, null, -2.5]],
    ['States.Array(States.Array(1), $.o)', [[1], { k: 'v' }]],
    ['States.ArrayPartition(States.Array(1,2,3), 2.4)', [[1, 2], [3]]],
    ['States.ArrayPartition(States.Array(), 3)', []],
    ['States.ArrayContains($.objs, $.o)', true],
    ["States.ArrayContains(States.Array('1'), 1)", false],
    ['States.ArrayRange(9, 1, -2)', [9, 7, 5, 3, 1]],
    ['States.ArrayRange(1, 3, 5)', [1]],
    ['States.ArrayRange(5, 1, 1)', []],
    ['States.ArrayRange(0.6, 2.4, 1)', [1, 2]],
    ['States.ArrayRange(1, 1000, 1)', Array.from({ length: 1000 }, (_, i) => i + 1)],
    ['States.ArrayGetItem(States.Array(1,2), 0)', 1],
    ['States.ArrayUnique($.objs)', [{ k: 'v' }, { k: 'w' }]],
    ["States.Hash('input data', 'MD5')", '812f45842bc6d66ee14572ce20db8e86'],
    [
      "States.Hash('input data', 'SHA-256')",
      'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
    ],
    [
      "States.Hash('input data', 'SHA-384')",
      'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
    ],
    [
      "States.Hash('input data', 'SHA-512')",
      '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
    ],
    ["States.Base64Encode('héllo ✓')", 'aMOpbGxvIOKckw=='],
    ["States.Base64Decode('aMOpbGxvIOKckw==')", 'héllo ✓'],
    ["States.Base64Decode('')", ''],
    ['States.StringToJson(\'[1,"a",null]\')', [1, 'a', null]],
    ["States.StringToJson(' 12 ')", 12],
    ['States.JsonToString(States.Array(1, $.o))', '[1,{"k":"v"}]'],
    ["States.JsonToString('x')", '"x"'],
    ['States.MathAdd(1.5, 2.4)', 4],
    ['States.MathAdd(-2147483648, 2147483647)', -1],
    ["States.StringSplit('a,,b,', ',')", ['a', 'b']],
    ["States.StringSplit('abc', '')", ['abc']],
    ["States.StringSplit('', ',')", []],
    ["States.Format('{} and {}', 1.5, true)", '1.5 and true'],
    ["States.Format('x={}', null)", 'x=null'],
    ["States.Format('{}', $.o)", '{k=v}'],
    ["States.Format('{}', States.Array('a', 1, States.Array()))", '[a, 1, []]'],
    ["States.Format('no placeholders')", 'no placeholders'],
    ["States.Format('\\{\\} is {}', 'literal')", '{} is literal'],
    ["States.Format('it\\'s {}', $.name)", "it's Arnav"],
    ["States.Format('back\\\\slash {}', 1)", 'back\\slash 1'],
    ["States.Format($.template, 'a', 'b')", 'a-b'],
    ["States.StringSplit($['with space'], ' ')", ['x', 'y']],
    ["States.ArrayLength($.abc.['def ghi'])", 2],
    ['States.ArrayLength($$.Items)', 3],
    ['States.ArrayGetItem($list, 1)', 'b'],
    ['States.MathRandom(5, 6)', 5],
  ])('%s', (expr, expected) => {
    const input = {
      objs: [{ k: 'v' }, { k: 'w' }, { k: 'v' }],
      o: { k: 'v' },
      name: 'Arnav',
      template: '{}-{}',
      'with space': 'x y',
      abc: { 'def ghi': [1, 2] },
    };
    expect(
      run(expr, input, { context: { Items: [1, 2, 3] }, variables: { list: ['a', 'b'] } }),
    ).toEqual(expected);
  });

  it('States.UUID defaults to random v4 UUIDs', () => {
    const a = evaluateIntrinsic(parseIntrinsic('States.UUID()'), { input: {} });
    const b = evaluateIntrinsic(parseIntrinsic('States.UUID()'), { input: {} });
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('States.MathRandom without a seed stays in [start, end)', () => {
    for (let i = 0; i < 200; i++) {
      const n = evaluateIntrinsic(parseIntrinsic('States.MathRandom(1, 4)'), {
        input: {},
      }) as number;
      expect(Number.isInteger(n) && n >= 1 && n < 4).toBe(true);
    }
  });

  it('States.MathRandom with a seed is deterministic, and java.util.Random compatible', () => {
    const seeded = (seed: number) => run(`States.MathRandom(1, 999, ${seed})`);
    expect(seeded(42)).toBe(seeded(42));
    // new java.util.Random(42).nextInt(10) == 0 and new Random(0).nextInt(100) == 60 on the JVM.
    expect(new JavaRandom(42).nextInt(10)).toBe(0);
    expect(new JavaRandom(0).nextInt(100)).toBe(60);
    expect(new JavaRandom(42).nextInt(16)).toBe(11);
    const values = new Set(Array.from({ length: 50 }, (_, s) => seeded(s)));
    expect(values.size).toBeGreaterThan(30);
    for (const v of values) expect(v as number).toBeGreaterThanOrEqual(1);
  });
});

describe('run-time failures', () => {
  it.each<[string, RegExp]>([
    ['States.ArrayPartition($.s, 2)', /array argument must be an array/],
    ['States.ArrayPartition(States.Array(1), 0)', /chunk size must be a positive integer/],
    ['States.ArrayRange(1, 1001, 1)', /1001 items; at most 1000/],
    ['States.ArrayRange(1, 9, 0)', /non-zero/],
    ["States.ArrayRange('1', 9, 1)", /must be an integer/],
    ['States.ArrayGetItem(States.Array(1), 1)', /index 1 is out of bounds/],
    ['States.ArrayGetItem(States.Array(1), -1)', /index -1 is out of bounds/],
    ['States.ArrayGetItem(States.Array(1), 0.5)', /must be an integer/],
    ['States.ArrayLength($.o)', /must be an array/],
    ['States.ArrayUnique(1)', /must be an array/],
    ['States.Base64Encode(1)', /must be a string/],
    ['States.Base64Encode($.long)', /at most 10000 characters, but has 10001/],
    ["States.Base64Decode('not base64!')", /not valid Base64/],
    ['States.Base64Decode($.long)', /at most 10000/],
    ["States.Hash('x', 'SHA-3')", /must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512/],
    ["States.Hash('x', 'sha-1')", /must be one of/],
    ["States.Hash($.long, 'MD5')", /at most 10000/],
    ["States.Hash($.o, 'MD5')", /must be a string/],
    ['States.JsonMerge($.o, $.o, true)', /only shallow merging/],
    ['States.JsonMerge($.o, States.Array(), false)', /must be a JSON object/],
    ["States.JsonMerge($.o, $.o, 'false')", /must be a boolean/],
    ["States.StringToJson('\\{bad')", /not valid JSON/],
    ['States.StringToJson(1)', /must be a string/],
    ['States.MathAdd(2147483648, 1)', /outside the range/],
    ["States.MathAdd('1', 1)", /must be an integer/],
    ['States.MathRandom(5, 5)', /must be less than/],
    ["States.MathRandom(1, 10, 'seed')", /must be an integer/],
    ["States.StringSplit(1, ',')", /must be a string/],
    ['States.Format($.o)', /template argument must be a string/],
    ['States.Format($.template, 1)', /2 placeholders but 1 values/],
  ])('%s', (expr, cause) => {
    const input = { s: 'str', o: { k: 'v' }, long: 'x'.repeat(10_001), template: '{}{}' };
    expectStatesError(() => run(expr, input), 'States.IntrinsicFailure', cause);
  });

  it('a path argument that selects nothing is States.Runtime', () => {
    expectStatesError(
      () =>
        evaluateIntrinsic(parseIntrinsic('States.Array($.missing)'), { input: { a: 1 } }, 'ids.$'),
      'States.Runtime',
      `The JSONPath '$.missing' specified for the field 'ids.$' could not be found in the input '{"a":1}'`,
    );
  });
});

describe('definition errors', () => {
  it.each<[string, RegExp]>([
    ['States.Nope()', /unsupported intrinsic function 'States.Nope'/],
    ['Foo.Array()', /expected 'States.'/],
    ['States.Array', /expected '\('/],
    ['States.Array(1', /',' or '\)'/],
    ['States.Array(1,)', /expected a string, number/],
    ['States.ArrayLength()', /takes 1 argument, but got 0/],
    ['States.UUID(1)', /takes 0 arguments, but got 1/],
    ['States.MathRandom(1)', /takes 2 to 3 arguments/],
    ['States.Format()', /takes at least 1 arguments?/],
    ["States.Format('{}')", /1 placeholder but 0 value arguments/],
    ["States.Format('a', 1)", /0 placeholders but 1 value argument/],
    ['States.Format(1)', /first argument of States.Format must be a string/],
    ["States.Format('{')", /reserved character '\{'/],
    ["States.Format('}')", /reserved character '\}'/],
    ["States.Format('\\n')", /backslash must escape/],
    ["States.Format('abc", /unterminated string/],
    ['States.Array($.)', /expected a name/],
    ['States.Array(tru)', /expected a string, number/],
    ['States.Array(1)x', /unexpected 'x' after the call/],
    ['States.Array(1) ', /unexpected ' ' after the call/],
    [`${'States.Array('.repeat(11)}${')'.repeat(11)}`, /at most 10 intrinsic functions/],
  ])('%s', (expr, reason) => {
    const e = expectDefinitionError(() => parseIntrinsic(expr), reason);
    expect(e.forField('x.$')).toBe(
      "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call",
    );
  });

  it('ten calls in one field are allowed', () => {
    expect(run(`${'States.Array('.repeat(10)}${')'.repeat(10)}`)).toEqual([[[[[[[[[[]]]]]]]]]]);
  });

  it('all 18 intrinsics are known', () => {
    expect(INTRINSIC_NAMES).toHaveLength(18);
  });

  it('errors inside an embedded path point into the whole call', () => {
    const e = expectDefinitionError(() => parseIntrinsic('States.Array(1, $.a b)'));
    expect(e.expression).toBe('States.Array(1, $.a b)');
  });
});
