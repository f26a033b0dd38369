import { describe, expect, it } from 'vitest';
import {
  compilePayloadTemplate,
  evaluatePayloadTemplate,
  type EvaluationContext,
  type JsonValue,
} from '../../../src/core/workflows/jsonpath/index.js';
import { expectDefinitionError, expectStatesError } from './helpers.js';

const build = (template: JsonValue, ctx: EvaluationContext): JsonValue =>
  evaluatePayloadTemplate(compilePayloadTemplate(template), ctx);

const context = {
  Execution: {
    Id: 'arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName',
    Input: { key: 'value' },
    Name: 'executionName',
    RoleArn: 'arn:aws:iam::123456789012:role...',
    StartTime: '2019-03-26T20:14:13.192Z',
  },
  State: { EnteredTime: '2019-03-26T20:14:13.192Z', Name: 'Test', RetryCount: 3 },
  StateMachine: {
    Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:stateMachineName',
    Name: 'name',
  },
  Task: { Token: 'h7XRiCdLtd/83p1E0dMccoxlzFhglsdkzpK9mBVKZsp7d9yrT1W' },
  Map: { Item: { Index: 1, Value: { who: 'meg' } } },
};

describe('Parameters, as in the AWS guide', () => {
  it('selects input nodes and keeps static values', () => {
    const input = {
      comment: 'Example for Parameters.',
      product: {
        details: { color: 'blue', size: 'small', material: 'cotton' },
        availability: 'in stock',
        sku: '2317',
        cost: '$23',
      },
    };
    const template = {
      comment: 'Selecting what I care about.',
      MyDetails: {
        'size.$': '$.product.details.size',
        'exists.$': '$.product.availability',
        StaticValue: 'foo',
      },
    };
    expect(build(template, { input })).toEqual({
      comment: 'Selecting what I care about.',
      MyDetails: { size: 'small', exists: 'in stock', StaticValue: 'foo' },
    });
  });

  it('the ASL spec example: an index and a slice', () => {
    const template = { flagged: true, parts: { 'first.$': '$.vals[0]', 'last3.$': '$.vals[3:]' } };
    expect(build(template, { input: { flagged: 7, vals: [0, 10, 20, 30, 40, 50] } })).toEqual({
      flagged: true,
      parts: { first: 0, last3: [30, 40, 50] },
    });
  });

  it.each<[string, JsonValue]>([
    ['$$.Execution.Id', context.Execution.Id],
    ['$$.Execution.Input', { key: 'value' }],
    ['$$.Execution.Name', 'executionName'],
    ['$$.State.Name', 'Test'],
    ['$$.State.RetryCount', 3],
    ['$$.StateMachine.Name', 'name'],
    ['$$.Task.Token', context.Task.Token],
    ['$$.Map.Item.Index', 1],
    ['$$.Map.Item.Value', { who: 'meg' }],
    ['$$', context],
  ])('context object: %s', (path, expected) => {
    expect(build({ 'v.$': path }, { input: {}, context })).toEqual({ v: expected });
  });

  it('the SQS message example with the execution id', () => {
    const template = {
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/flight-purchase',
      MessageBody: { From: 'YVR', To: 'SEA', 'Execution.$': '$$.Execution.Id' },
    };
    expect(build(template, { input: {}, context })).toEqual({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/flight-purchase',
      MessageBody: { From: 'YVR', To: 'SEA', Execution: context.Execution.Id },
    });
  });

  it('variables, intrinsics, arrays and nesting', () => {
    const template = {
      'product.$': '$productName',
      'total.$': 'States.MathAdd($price, $.tax)',
      list: [{ 'id.$': '$.id' }, 'plain $.id', 3, null],
      'keyId.$': 'States.Array($.id)',
      'whole.$': '$',
    };
    const input = { id: 'a1', tax: 2 };
    expect(build(template, { input, variables: { productName: 'widget', price: 40 } })).toEqual({
      product: 'widget',
      total: 42,
      list: [{ id: 'a1' }, 'plain $.id', 3, null],
      keyId: ['a1'],
      whole: input,
    });
  });

  it('a value that is not under a .$ key is never interpreted', () => {
    expect(build({ a: '$.x', b: "States.Array('x')" }, { input: { x: 1 } })).toEqual({
      a: '$.x',
      b: "States.Array('x')",
    });
  });

  it('the result is a copy', () => {
    const input = { o: { n: 1 } };
    const out = build({ 'o.$': '$.o' }, { input }) as { o: { n: number } };
    out.o.n = 2;
    expect(input.o.n).toBe(1);
  });
});

describe('run-time failures', () => {
  it('a .$ path that selects nothing: the AWS cause', () => {
    expectStatesError(
      () => build({ 'address.$': '$.application.address' }, { input: { flagged: false } }),
      'States.Runtime',
      `The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input '{"flagged":false}'`,
    );
  });

  it('functions are not supported: the AWS cause for $.Jobs.sum()', () => {
    expectStatesError(
      () => build({ 'Jobs.$': '$.Jobs.sum()' }, { input: { Jobs: [0, 1] } }),
      'States.Runtime',
      `The JSONPath '$.Jobs.sum()' specified for the field 'Jobs.$' could not be found in the input '{"Jobs":[0,1]}'`,
    );
  });

  it('a context path that selects nothing', () => {
    expectStatesError(
      () => build({ 'x.$': '$$.Nope' }, { input: {}, context: { A: 1 } }),
      'States.Runtime',
      /'\$\$\.Nope' specified for the field 'x\.\$' could not be found in the input '\{"A":1\}'/,
    );
  });

  it('an intrinsic failure propagates', () => {
    expectStatesError(
      () => build({ 'x.$': 'States.ArrayLength($.a)' }, { input: { a: 1 } }),
      'States.IntrinsicFailure',
    );
  });
});

describe('definition errors', () => {
  it.each<[JsonValue, string, RegExp]>([
    [{ 'a.$': 5 }, 'a.$', /must be a string/],
    [{ 'a.$': '$.' }, 'a.$', /expected a name/],
    [{ 'a.$': 'foo' }, 'a.$', /expected 'States.'/],
    [{ nested: [{ 'b.$': 'States.Nope()' }] }, 'b.$', /unsupported intrinsic/],
    [{ a: 1, 'a.$': '$.x' }, 'a.$', /appears twice/],
  ])('%j', (template, field, reason) => {
    const e = expectDefinitionError(() => compilePayloadTemplate(template), reason);
    expect(e.field).toBe(field);
    expect(e.message).toContain(`in the field '${field}'`);
  });
});
