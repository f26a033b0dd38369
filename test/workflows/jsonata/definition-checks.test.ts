import { describe, expect, it } from 'vitest';
import {
  JsonataDefinitionError,
  readableStatesFields,
  type JsonValue,
  type StatesField,
} from '../../../src/core/workflows/jsonata/index.js';
import { compile, thrown } from './run-template.js';

function refusal(template: JsonValue, statesFields?: StatesField[]): JsonataDefinitionError {
  const e = thrown(() => compile(template, { location: '/States/E/Output', statesFields }));
  expect(e).toBeInstanceOf(JsonataDefinitionError);
  return e as JsonataDefinitionError;
}

describe('expressions AWS refuses when the definition is created', () => {
  it.each<[string, string]>([
    ['{% phone %}', "Reference to 'phone' at the top level is not supported."],
    ["{% {'v': phone} %}", "Reference to 'phone' at the top level is not supported."],
    [
      '{% $map($states.input.a, function($x) { b }) %}',
      "Reference to 'b' at the top level is not supported.",
    ],
    ['{% * %}', "Reference to '*' at the top level is not supported."],
    ['{% ** %}', "Reference to '**' at the top level is not supported."],
    ['{% $ %}', "Reference to '$' at the top level is not supported."],
    ['{% $count($) %}', "Reference to '$' at the top level is not supported."],
    ['{% $$ %}', "Reference to '$$' is not supported."],
    ['{% $states.input.items[$$.x] %}', "Reference to '$$' is not supported."],
    [
      '{% $eval("1 + 1") %}',
      'The function $eval is not available in Step Functions: use $parse instead.',
    ],
    [
      '{% $map(["1"], $eval) %}',
      'The function $eval is not available in Step Functions: use $parse instead.',
    ],
  ])('%s: UNSUPPORTED_JSONATA_EXPRESSION %s', (source, detail) => {
    const e = refusal({ v: source });
    expect(e).toMatchObject({
      code: 'UNSUPPORTED_JSONATA_EXPRESSION',
      detail,
      location: '/States/E/Output/v',
    });
    expect(e.message).toBe(`UNSUPPORTED_JSONATA_EXPRESSION: ${detail} at /States/E/Output/v`);
  });

  it.each([
    '{% $states.input.items[value > 3] %}',
    '{% $states.input.items.name %}',
    '{% $states.input.items^(price) %}',
    '{% $states.input.items{kind: $sum(price)} %}',
    "{% $states.input ~> |items|{'seen': true}| %}",
    '{% $states.input.items.($ * 2) %}',
    '{% ($eval := function($x) { $x }; $eval(1)) %}',
    '{% $customerName %}',
  ])('%s is accepted', (source) => {
    expect(compile({ v: source }).expressions).toHaveLength(1);
  });

  it.each<[string, StatesField[], string]>([
    ['{% $states.result %}', ['input', 'context'], "Field '$states.result' does not exist."],
    [
      '{% $states.errorOutput.Cause %}',
      ['input', 'result', 'context'],
      "Field '$states.errorOutput' does not exist.",
    ],
    [
      '{% $states.unknown %}',
      ['input', 'result', 'errorOutput', 'context'],
      "Field '$states.unknown' does not exist.",
    ],
  ])('%s where %j is readable: %s', (source, fields, detail) => {
    expect(refusal(source, fields)).toMatchObject({
      code: 'UNSUPPORTED_JSONATA_EXPRESSION',
      detail,
    });
  });

  it.each<[string, string]>([
    ['{% a[1,2) %}', 'S0202: Expected "]", got ","'],
    ['{%%}', 'S0207: Unexpected end of expression'],
    ['{%   %}', 'S0207: Unexpected end of expression'],
    ["{% 'open %}", 'S0101: String literal must be terminated by a matching quote'],
  ])('%s: INVALID_JSONATA_EXPRESSION %s', (source, detail) => {
    expect(refusal(source)).toMatchObject({
      code: 'INVALID_JSONATA_EXPRESSION',
      detail,
      location: '/States/E/Output',
    });
  });

  it('nesting too deep for the parser is a definition error, not a crash', () => {
    const deep = `{% ${'('.repeat(20_000)}1${')'.repeat(20_000)} %}`;
    expect(refusal(deep).code).toBe('INVALID_JSONATA_EXPRESSION');
  });
});

describe('readableStatesFields', () => {
  it.each<[Parameters<typeof readableStatesFields>[0], StatesField[]]>([
    [{ stateType: 'Task', field: 'Arguments' }, ['input', 'context']],
    [{ stateType: 'Task', field: 'Output' }, ['input', 'result', 'context']],
    [{ stateType: 'Map', field: 'Assign' }, ['input', 'result', 'context']],
    [{ stateType: 'Parallel', field: 'Output' }, ['input', 'result', 'context']],
    [{ stateType: 'Task', field: 'Output', inCatch: true }, ['input', 'errorOutput', 'context']],
    [{ stateType: 'Pass', field: 'Output' }, ['input', 'context']],
    [{ stateType: 'Choice', field: 'Condition' }, ['input', 'context']],
    [{ stateType: 'Map', field: 'ItemSelector' }, ['input', 'context']],
    [{ stateType: 'Wait', field: 'Seconds' }, ['input', 'context']],
    [{ stateType: 'Fail', field: 'Cause' }, ['input', 'context']],
  ])('%j reads %j', (place, fields) => {
    expect(readableStatesFields(place)).toEqual(fields);
  });
});
