import { describe, expect, it } from 'vitest';
import {
  StatesError,
  type JsonValue,
  type StatesValues,
} from '../../../src/core/workflows/jsonata/index.js';
import { compile, failure, run } from './run-template.js';

const context = {
  Execution: {
    Id: 'arn:aws:states:us-east-1:123456789012:execution:sm:run-1',
    Input: { a: 1 },
    StartTime: '2025-05-28T09:00:00.000Z',
  },
  State: { Name: 'Build', EnteredTime: '2025-05-28T09:00:01.000Z' },
  Map: { Item: { Index: 2, Value: { id: 'c' } } },
};
const states: StatesValues = {
  input: {
    title: 'Hello',
    customer: { name: 'Ana', age: 34 },
    price: 5,
    quantity: 3,
    items: [1, 2, 3, 4],
    type: 'Private',
    value: '11',
    seconds: 10,
  },
  result: { Payload: { total: 42, lines: [{ sku: 'a' }, { sku: 'b' }] } },
  errorOutput: { Error: 'States.TaskFailed', Cause: 'boom' },
  context,
};
const variables: Record<string, JsonValue> = {
  customerName: 'Bo',
  count: 42,
  available: true,
  rates: { eur: 0.9 },
};

describe('expressions in fields (AWS guide examples)', () => {
  it.each<[string, JsonValue, JsonValue]>([
    [
      'static Arguments with expressions and a literal',
      {
        static: 'Hello',
        title: '{% $states.input.title %}',
        name: '{% $customerName %}',
        'not-evaluated': '$customerName',
      },
      { static: 'Hello', title: 'Hello', name: 'Bo', 'not-evaluated': '$customerName' },
    ],
    ['arithmetic', '{% $states.input.price * $states.input.quantity %}', 15],
    ['string concatenation', "{% 'Hello ' & $states.input.customer.name %}", 'Hello Ana'],
    ['whole input', '{% $states.input.customer %}', { name: 'Ana', age: 34 }],
    ['task result', '{% $states.result.Payload.total %}', 42],
    ['mapping over the result', '{% $states.result.Payload.lines.sku %}', ['a', 'b']],
    ['error output in a Catch', '{% $states.errorOutput.Cause %}', 'boom'],
    ['context object', '{% $states.context.Execution.StartTime %}', '2025-05-28T09:00:00.000Z'],
    ['state name from context', '{% $states.context.State.Name %}', 'Build'],
    [
      'Map item value in ItemSelector',
      {
        item: '{% $states.context.Map.Item.Value %}',
        index: '{% $states.context.Map.Item.Index %}',
      },
      { item: { id: 'c' }, index: 2 },
    ],
    ['Choice condition (equality)', "{% $states.input.type = 'Private' %}", true],
    ['Choice condition (number cast)', '{% $number($states.input.value) > 10 %}', true],
    ['Choice condition on a variable', '{% $count > 40 and $available %}', true],
    ['Wait seconds', '{% $states.input.seconds %}', 10],
    ['Items', '{% $states.input.items %}', [1, 2, 3, 4]],
    ['filter', '{% $states.input.items[$ > 2] %}', [3, 4]],
    ['sum', '{% $sum($states.input.items) %}', 10],
    ['join and uppercase', "{% $uppercase($join(['a', 'b'], '-')) %}", 'A-B'],
    ['variable object path', '{% $rates.eur * 100 %}', 90],
    ['block with local variables', '{% ($t := $states.input.price; $t * 2) %}', 10],
    ['conditional', "{% $states.input.customer.age >= 18 ? 'adult' : 'minor' %}", 'adult'],
    [
      'object constructor',
      "{% {'name': $states.input.customer.name, 'n': $count} %}",
      { name: 'Ana', n: 42 },
    ],
    ['array constructor', '{% [$states.input.price, $count] %}', [5, 42]],
    ['JSON null is a value', '{% null %}', null],
    ['no spaces inside the braces', '{%$states.input.price%}', 5],
    ['multi-line expression', '{%\n  $states.input.price\n  + 1\n%}', 6],
    [
      'date from the context',
      "{% $fromMillis($toMillis($states.context.Execution.StartTime), '[Y0001]/[M01]/[D01]') %}",
      '2025/05/28',
    ],
    ['$string of an object', "{% $string({'a': 1}) %}", '{"a":1}'],
    ['non-finite numbers are written as strings', '{% [1/0, -1/0] %}', ['Infinity', '-Infinity']],
  ])('%s', async (_name, template, expected) => {
    expect(await run(template, { states, variables })).toEqual(expected);
  });
});

describe('templates at depth', () => {
  it.each<[string, JsonValue, JsonValue]>([
    ['nested objects', { a: { b: { c: '{% $states.input.price %}' } } }, { a: { b: { c: 5 } } }],
    [
      'arrays in objects',
      { list: ['{% $count %}', 'x', { y: '{% $available %}' }] },
      { list: [42, 'x', { y: true }] },
    ],
    ['arrays of arrays', [['{% 1 + 1 %}'], [[['{% $customerName %}']]]], [[2], [[['Bo']]]]],
    [
      'literal numbers, booleans and nulls kept',
      { n: 1.5, t: true, z: null, s: '{% 2 %}' },
      { n: 1.5, t: true, z: null, s: 2 },
    ],
    [
      'expression producing an object at depth',
      { out: { cust: '{% $states.input.customer %}' } },
      { out: { cust: { name: 'Ana', age: 34 } } },
    ],
    ['keys are never evaluated', { '{% 1 %}': '{% 2 %}' }, { '{% 1 %}': 2 }],
    [
      'a key named __proto__ stays data',
      JSON.parse('{"__proto__": "{% 1 %}"}') as JsonValue,
      JSON.parse('{"__proto__": 1}') as JsonValue,
    ],
  ])('%s', async (_name, template, expected) => {
    expect(await run(template, { states, variables })).toEqual(expected);
  });

  it.each<[string]>([
    ['{% 1 %} '],
    [' {% 1 %}'],
    ['Hello {% $customerName %}'],
    ['{% 1'],
    ['1 %}'],
    ['{%}'],
    ['%}{%'],
    ['$states.input'],
    [''],
  ])('%j is a literal string', async (text) => {
    expect(await run({ v: text }, { states, variables })).toEqual({ v: text });
  });

  it('literal-only templates are copies, never the definition object', async () => {
    const template = { a: { b: [1, 2] } };
    const result = (await run(template)) as { a: { b: number[] } };
    result.a.b.push(3);
    expect(template.a.b).toEqual([1, 2]);
  });

  it('results never alias the input', async () => {
    const input = { nested: { list: [1, 2] } };
    const result = (await run('{% $states.input.nested %}', { states: { input } })) as {
      list: number[];
    };
    result.list.push(3);
    expect(input.nested.list).toEqual([1, 2]);
  });

  it('evaluation does not change the input or the variables', async () => {
    const input = {
      items: [
        { k: 'b', v: 2 },
        { k: 'a', v: 1 },
      ],
      n: [3, 1, 2],
    };
    const vars: Record<string, JsonValue> = { list: [5, 4] };
    const before = JSON.stringify([input, vars]);
    await run(
      "{% [$sort($states.input.n), $states.input.items{k: v}, $reverse($list), $states.input.items ~> |$|{'x': 1}|] %}",
      { states: { input }, variables: vars },
    );
    expect(JSON.stringify([input, vars])).toBe(before);
  });
});

describe('Assign (workflow variables)', () => {
  it.each<[string, JsonValue, JsonValue]>([
    [
      'constants',
      { productName: 'product1', count: 42, available: true },
      { productName: 'product1', count: 42, available: true },
    ],
    [
      'from the result',
      {
        total: '{% $states.result.Payload.total %}',
        first: '{% $states.result.Payload.lines[0].sku %}',
      },
      { total: 42, first: 'a' },
    ],
    [
      'from variables and input',
      {
        greeting: "{% 'Hi ' & $customerName %}",
        doubled: '{% $count * 2 %}',
        title: '{% $states.input.title %}',
      },
      { greeting: 'Hi Bo', doubled: 84, title: 'Hello' },
    ],
    [
      'with the added functions',
      {
        chunks: '{% $partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) %}',
        evens: '{% $range(0, 10, 2) %}',
        seeded: '{% $random(42) %}',
      },
      {
        chunks: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        evens: [0, 2, 4, 6, 8, 10],
        seeded: 0.7275636800328681,
      },
    ],
    ['in a Catch', { reason: '{% $states.errorOutput.Error %}' }, { reason: 'States.TaskFailed' }],
  ])('%s', async (_name, template, expected) => {
    expect(
      await run(template, { states, variables }, { field: 'Assign', location: '/States/S/Assign' }),
    ).toEqual(expected);
  });

  it('evaluates every value against the variables as they were before the state', async () => {
    const result = await run(
      { count: '{% $count + 1 %}', again: '{% $count %}' },
      { states, variables },
      { field: 'Assign' },
    );
    expect(result).toEqual({ count: 43, again: 42 });
  });
});

describe('$states holds only what the field may read', () => {
  it('fields not supplied are absent', async () => {
    expect(await run('{% $keys($states) %}', { states: { input: 1, context: {} } })).toEqual([
      'input',
      'context',
    ]);
  });

  it('fields the site cannot read are left out even if supplied', async () => {
    const result = await run(
      '{% $keys($states) %}',
      { states },
      { statesFields: ['input', 'context'] },
    );
    expect(result).toEqual(['input', 'context']);
  });

  it('a variable named like a States field does not replace $states', async () => {
    expect(
      await run('{% $states.input %}', { states: { input: 1 }, variables: { states: 2 } }),
    ).toBe(1);
  });
});

describe('runtime failures name the field like AWS', () => {
  it.each<[JsonValue, string]>([
    [
      { v: '{% $states.input.absent %}' },
      "The JSONata expression '$states.input.absent' specified for the field 'Output/v' returned nothing (undefined).",
    ],
    [
      { a: { b: [0, '{% $nope %}'] } },
      "The JSONata expression '$nope' specified for the field 'Output/a/b[1]' returned nothing (undefined).",
    ],
    [
      '{% function($x) { $x } %}',
      "The JSONata expression 'function($x) { $x }' specified for the field 'Output' returned an unsupported result type.",
    ],
    [
      { f: "{% {'g': $sum} %}" },
      "The JSONata expression '{'g': $sum}' specified for the field 'Output/f' returned an unsupported result type.",
    ],
    [
      "{% 1 + 'a' %}",
      "The JSONata expression '1 + 'a'' specified for the field 'Output' threw an error during evaluation: T2002: The right side of the \"+\" operator must evaluate to a number",
    ],
    [
      '{% $undefinedFunction() %}',
      "The JSONata expression '$undefinedFunction()' specified for the field 'Output' threw an error during evaluation: T1006: Attempted to invoke a non-function",
    ],
  ])('%j', async (template, cause) => {
    const e = await failure(run(template, { states }));
    expect(e).toBeInstanceOf(StatesError);
    expect(e).toMatchObject({ error: 'States.QueryEvaluationError', cause });
  });

  it('the first failing expression in document order is reported', async () => {
    const e = (await failure(run({ a: '{% $x %}', b: '{% $y %}' }))) as StatesError;
    expect(e.cause).toContain("'Output/a'");
  });

  it('withStatePrefix gives the cause as AWS records it', async () => {
    const e = (await failure(
      run(
        { Input: { pushLocation: '{% $states.input.pushLocation %}' } },
        {},
        { field: 'Arguments' },
      ),
    )) as StatesError;
    expect(e.withStatePrefix('Run S3 Data Push', 6)).toBe(
      "An error occurred while executing the state 'Run S3 Data Push' (entered at the event id #6). The JSONata expression '$states.input.pushLocation' specified for the field 'Arguments/Input/pushLocation' returned nothing (undefined).",
    );
  });
});

describe('compiling once', () => {
  it('the same template object and site compile to the same tree', () => {
    const template = { a: '{% 1 %}' };
    expect(compile(template)).toBe(compile(template));
    expect(compile(template, { field: 'Arguments' })).not.toBe(compile(template));
  });

  it('lists the expressions in evaluation order with their fields and pointers', () => {
    const compiled = compile(
      { a: ['{% 1 %}', { 'x/y': '{% 2 %}' }], b: '{% 3 %}' },
      { location: '/States/S/Output' },
    );
    expect(compiled.expressions.map((e) => [e.text, e.field, e.location])).toEqual([
      ['1', 'Output/a[0]', '/States/S/Output/a/0'],
      ['2', 'Output/a[1]/x/y', '/States/S/Output/a/1/x~1y'],
      ['3', 'Output/b', '/States/S/Output/b'],
    ]);
  });
});
