import { describe, expect, it } from 'vitest';
import {
  applyInputPath,
  applyOutputPath,
  applyParameters,
  applyResultPath,
  applyResultSelector,
  compileFilterPath,
  compilePayloadTemplate,
  compileResultPath,
  type JsonValue,
} from '../../../src/core/workflows/jsonpath/index.js';
import { expectDefinitionError, expectStatesError } from './helpers.js';

const input = { comment: 'This is a test', details: 'Default example', who: 'Step Functions' };
const result = 'Hello, Step Functions!';

describe('ResultPath, as in the AWS guide', () => {
  it.each<[string | null | undefined, JsonValue]>([
    [undefined, result],
    ['$', result],
    [null, input],
    ['$.taskresult', { ...input, taskresult: result }],
    ['$.comment', { ...input, comment: result }],
    ['$.error', { ...input, error: result }],
  ])('%j', (path, expected) => {
    expect(applyResultPath(compileResultPath(path), input, result)).toEqual(expected);
  });

  it('inserts into a child node', () => {
    const nested = {
      comment: 'An input comment.',
      strings: { string1: 'foo', string2: 'bar', string3: 'baz' },
      who: 'AWS Step Functions',
    };
    expect(applyResultPath(compileResultPath('$.strings.lambdaresult'), nested, result)).toEqual({
      ...nested,
      strings: { ...nested.strings, lambdaresult: result },
    });
  });

  it('a Catch keeps the input with the error', () => {
    const error = { Error: 'Error here' };
    expect(applyResultPath(compileResultPath('$.error'), { foo: 'bar' }, error)).toEqual({
      foo: 'bar',
      error,
    });
  });

  it('creates intermediate objects', () => {
    expect(applyResultPath(compileResultPath('$.a.b.c'), { x: 1 }, 2)).toEqual({
      x: 1,
      a: { b: { c: 2 } },
    });
  });

  it('writes into an existing array element', () => {
    expect(
      applyResultPath(compileResultPath("$.list[1]['v']"), { list: [{}, { v: 0 }] }, 9),
    ).toEqual({ list: [{}, { v: 9 }] });
  });

  it('does not modify the input', () => {
    const raw = { a: { b: 1 } };
    applyResultPath(compileResultPath('$.a.c'), raw, 2);
    expect(raw).toEqual({ a: { b: 1 } });
  });

  it.each<[string, JsonValue]>([
    ['$.x', 'a string input'],
    ['$.x', [1, 2]],
    ['$.a.b', { a: 1 }],
    ['$.a.b', { a: null }],
    ['$.list[5]', { list: [] }],
    ['$.list[0]', { list: {} }],
  ])('%s on %j is States.ResultPathMatchFailure', (path, raw) => {
    expectStatesError(
      () => applyResultPath(compileResultPath(path), raw, 1),
      'States.ResultPathMatchFailure',
      /^Unable to apply ResultPath/,
    );
  });

  it.each(['$.a[*]', '$$.Execution', '$var.x', '$..a'])('%s is not a valid ResultPath', (path) => {
    expectDefinitionError(() => compileResultPath(path));
  });
});

describe('InputPath and OutputPath', () => {
  const dataset = {
    comment: 'Example for InputPath.',
    dataset1: { val1: 1, val2: 2, val3: 3 },
    dataset2: { val1: 'a', val2: 'b', val3: 'c' },
  };

  it('the guide example', () => {
    expect(applyInputPath(compileFilterPath('$.dataset2'), { input: dataset })).toEqual({
      val1: 'a',
      val2: 'b',
      val3: 'c',
    });
  });

  it.each<[string | null | undefined, JsonValue]>([
    [undefined, dataset],
    ['$', dataset],
    [null, {}],
    ['$.dataset1.val2', 2],
    ['$..val1', [1, 'a']],
  ])('InputPath %j', (path, expected) => {
    expect(applyInputPath(compileFilterPath(path), { input: dataset })).toEqual(expected);
  });

  it.each<[string | null | undefined, JsonValue]>([
    [undefined, dataset],
    [null, {}],
    ['$.comment', 'Example for InputPath.'],
  ])('OutputPath %j', (path, expected) => {
    expect(applyOutputPath(compileFilterPath(path), dataset)).toEqual(expected);
  });

  it('OutputPath may read the context object', () => {
    expect(
      applyOutputPath(
        compileFilterPath('$$.State.Name'),
        {},
        { context: { State: { Name: 'S' } } },
      ),
    ).toBe('S');
  });

  it('a path that selects nothing: the AWS cause', () => {
    expectStatesError(
      () => applyInputPath(compileFilterPath('$.foo'), { input: {} }),
      'States.Runtime',
      "Invalid path '$.foo' : No results for path: $['foo']",
    );
    expectStatesError(
      () => applyOutputPath(compileFilterPath('$.a.b'), { a: {} }),
      'States.Runtime',
      "Invalid path '$.a.b' : No results for path: $['a']['b']",
    );
  });

  it('the cause gets the state prefix the interpreter records', () => {
    const e = expectStatesError(
      () => applyInputPath(compileFilterPath('$.foo'), { input: {} }),
      'States.Runtime',
    );
    expect(e.withStatePrefix('Check Address', 7)).toBe(
      "An error occurred while executing the state 'Check Address' (entered at the event id #7). Invalid path '$.foo' : No results for path: $['foo']",
    );
  });
});

describe('the whole pipeline', () => {
  it('InputPath → Parameters → ResultSelector → ResultPath → OutputPath', () => {
    const raw = { order: { id: 'o-1', qty: 2 }, keep: true };
    const effective = applyInputPath(compileFilterPath('$.order'), { input: raw });
    const params = applyParameters(
      compilePayloadTemplate({ 'orderId.$': '$.id', 'label.$': "States.Format('order {}', $.id)" }),
      effective,
    );
    expect(params).toEqual({ orderId: 'o-1', label: 'order o-1' });
    const taskResult = { Payload: { status: 'OK', extra: 1 }, StatusCode: 200 };
    const selected = applyResultSelector(
      compilePayloadTemplate({ 'status.$': '$.Payload.status' }),
      taskResult,
    );
    const merged = applyResultPath(compileResultPath('$.outcome'), raw, selected);
    expect(applyOutputPath(compileFilterPath('$.outcome.status'), merged)).toBe('OK');
    expect(applyParameters(undefined, effective)).toEqual({ id: 'o-1', qty: 2 });
    expect(applyResultSelector(undefined, taskResult)).toEqual(taskResult);
  });
});
