/** Conformance cases: Pass, Succeed, Fail, Choice, Wait, context object, variables. */
import { single, type Case } from './corpus-types.js';

const choice = (rule: Record<string, unknown>, input: unknown, expected: string): Case => ({
  name: `Choice ${Object.keys(rule).find((k) => k !== 'Variable' && k !== 'Next')} → ${expected}`,
  definition: {
    StartAt: 'C',
    States: {
      C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' },
      Yes: { Type: 'Pass', Result: 'yes', End: true },
      No: { Type: 'Pass', Result: 'no', End: true },
    },
  },
  input: input as Case['input'],
  expect: { status: 'SUCCEEDED', output: expected },
});

export const BASIC_CASES: Case[] = [
  {
    name: 'Pass passes its input through',
    definition: single({ Type: 'Pass' }),
    input: { a: 1 },
    expect: { status: 'SUCCEEDED', output: { a: 1 } },
    events: ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded'],
  },
  {
    name: 'Pass Result replaces the input',
    definition: single({ Type: 'Pass', Result: { x: [1, 2] } }),
    input: { a: 1 },
    expect: { status: 'SUCCEEDED', output: { x: [1, 2] } },
  },
  {
    name: 'Pass Result with ResultPath merges into the input (AWS guide example)',
    definition: single({
      Type: 'Pass',
      Result: { x: 0.381018, y: 622.2269926397355 },
      ResultPath: '$.result',
    }),
    input: { georefOf: 'Home' },
    expect: {
      status: 'SUCCEEDED',
      output: { georefOf: 'Home', result: { x: 0.381018, y: 622.2269926397355 } },
    },
  },
  {
    name: 'Pass ResultPath null discards the result',
    definition: single({ Type: 'Pass', Result: 1, ResultPath: null }),
    input: { keep: true },
    expect: { status: 'SUCCEEDED', output: { keep: true } },
  },
  {
    name: 'Pass Parameters with paths, context and intrinsics',
    definition: single({
      Type: 'Pass',
      Parameters: {
        'name.$': '$.user.name',
        'state.$': '$$.State.Name',
        'greeting.$': "States.Format('Hello, {}!', $.user.name)",
        fixed: 'v',
      },
    }),
    input: { user: { name: 'Ada' } },
    expect: {
      status: 'SUCCEEDED',
      output: { name: 'Ada', state: 'S', greeting: 'Hello, Ada!', fixed: 'v' },
    },
  },
  {
    name: 'InputPath, ResultPath and OutputPath together',
    definition: single({
      Type: 'Pass',
      InputPath: '$.in',
      Parameters: { 'v.$': '$.v' },
      ResultPath: '$.in.out',
      OutputPath: '$.in',
    }),
    input: { in: { v: 7 }, other: 1 },
    expect: { status: 'SUCCEEDED', output: { v: 7, out: { v: 7 } } },
  },
  {
    name: 'InputPath null gives an empty object',
    definition: single({ Type: 'Pass', InputPath: null }),
    input: { a: 1 },
    expect: { status: 'SUCCEEDED', output: {} },
  },
  {
    name: 'OutputPath null gives an empty object',
    definition: single({ Type: 'Pass', OutputPath: null }),
    input: { a: 1 },
    expect: { status: 'SUCCEEDED', output: {} },
  },
  {
    name: 'InputPath selecting nothing is States.Runtime',
    definition: single({ Type: 'Pass', InputPath: '$.missing' }),
    input: { a: 1 },
    expect: {
      status: 'FAILED',
      error: 'States.Runtime',
      cause: /entered at the event id #2\)\. Invalid path '\$\.missing'/,
    },
    events: ['ExecutionStarted', 'PassStateEntered', 'ExecutionFailed'],
  },
  {
    name: 'Parameters path selecting nothing is States.Runtime',
    definition: single({ Type: 'Pass', Parameters: { 'x.$': '$.nope' } }),
    input: {},
    expect: {
      status: 'FAILED',
      error: 'States.Runtime',
      cause: /The JSONPath '\$\.nope' specified for the field 'x\.\$' could not be found/,
    },
  },
  {
    name: 'ResultPath into a non-object is States.ResultPathMatchFailure',
    definition: single({ Type: 'Pass', Result: 1, ResultPath: '$.a.b' }),
    input: { a: 'text' },
    expect: { status: 'FAILED', error: 'States.ResultPathMatchFailure' },
  },
  {
    name: 'Intrinsic failure is States.IntrinsicFailure',
    definition: single({ Type: 'Pass', Parameters: { 'x.$': 'States.ArrayGetItem($.a, 5)' } }),
    input: { a: [1] },
    expect: { status: 'FAILED', error: 'States.IntrinsicFailure' },
  },
  {
    name: 'A chain of Pass states',
    definition: {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: 1, ResultPath: '$.a', Next: 'B' },
        B: { Type: 'Pass', Result: 2, ResultPath: '$.b', Next: 'C' },
        C: { Type: 'Succeed' },
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: { a: 1, b: 2 } },
    events: [
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'PassStateEntered',
      'PassStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Succeed applies InputPath and OutputPath',
    definition: {
      StartAt: 'S',
      States: { S: { Type: 'Succeed', InputPath: '$.a', OutputPath: '$.b' } },
    },
    input: { a: { b: 3 } },
    expect: { status: 'SUCCEEDED', output: 3 },
  },
  {
    name: 'Fail with Error and Cause',
    definition: {
      StartAt: 'F',
      States: { F: { Type: 'Fail', Error: 'MyError', Cause: 'It broke' } },
    },
    input: {},
    expect: { status: 'FAILED', error: 'MyError', cause: 'It broke' },
    events: ['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed'],
  },
  {
    name: 'Fail without Error or Cause',
    definition: { StartAt: 'F', States: { F: { Type: 'Fail' } } },
    input: {},
    expect: { status: 'FAILED' },
  },
  {
    name: 'Fail with ErrorPath and CausePath',
    definition: {
      StartAt: 'F',
      States: { F: { Type: 'Fail', ErrorPath: '$.e', CausePath: '$.c' } },
    },
    input: { e: 'E1', c: 'C1' },
    expect: { status: 'FAILED', error: 'E1', cause: 'C1' },
  },
  {
    name: 'Fail with an intrinsic CausePath',
    definition: {
      StartAt: 'F',
      States: { F: { Type: 'Fail', Error: 'E', CausePath: "States.Format('id {}', $.id)" } },
    },
    input: { id: 42 },
    expect: { status: 'FAILED', error: 'E', cause: 'id 42' },
  },
  {
    name: 'Fail ErrorPath selecting a non-string is States.Runtime',
    definition: { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e' } } },
    input: { e: 5 },
    expect: { status: 'FAILED', error: 'States.Runtime' },
  },
  choice({ Variable: '$.s', StringEquals: 'a' }, { s: 'a' }, 'yes'),
  choice({ Variable: '$.s', StringEquals: 'a' }, { s: 1 }, 'no'),
  choice({ Variable: '$.s', StringLessThan: 'b' }, { s: 'a' }, 'yes'),
  choice({ Variable: '$.s', StringGreaterThan: 'b' }, { s: 'a' }, 'no'),
  choice({ Variable: '$.s', StringLessThanEquals: 'a' }, { s: 'a' }, 'yes'),
  choice({ Variable: '$.s', StringGreaterThanEquals: 'b' }, { s: 'c' }, 'yes'),
  choice({ Variable: '$.s', StringMatches: 'log-*.txt' }, { s: 'log-2024.txt' }, 'yes'),
  choice({ Variable: '$.s', StringMatches: 'a\\*b' }, { s: 'axxb' }, 'no'),
  choice({ Variable: '$.n', NumericEquals: 1 }, { n: 1.0 }, 'yes'),
  choice({ Variable: '$.n', NumericLessThan: 1 }, { n: 0.5 }, 'yes'),
  choice({ Variable: '$.n', NumericGreaterThan: 1 }, { n: 1 }, 'no'),
  choice({ Variable: '$.n', NumericLessThanEquals: 1 }, { n: 1 }, 'yes'),
  choice({ Variable: '$.n', NumericGreaterThanEquals: 2 }, { n: 1 }, 'no'),
  choice({ Variable: '$.n', NumericEquals: 1 }, { n: '1' }, 'no'),
  choice({ Variable: '$.b', BooleanEquals: true }, { b: true }, 'yes'),
  choice(
    { Variable: '$.t', TimestampEquals: '2024-01-01T00:00:00Z' },
    { t: '2024-01-01T00:00:00.000Z' },
    'yes',
  ),
  choice(
    { Variable: '$.t', TimestampLessThan: '2024-01-01T00:00:00Z' },
    { t: '2023-12-31T23:59:59Z' },
    'yes',
  ),
  choice(
    { Variable: '$.t', TimestampGreaterThan: '2024-01-01T00:00:00Z' },
    { t: 'not a time' },
    'no',
  ),
  choice(
    { Variable: '$.t', TimestampGreaterThanEquals: '2024-01-01T00:00:00Z' },
    { t: '2024-01-01T01:00:00+01:00' },
    'yes',
  ),
  choice(
    { Variable: '$.t', TimestampLessThanEquals: '2024-01-01T00:00:00Z' },
    { t: '2024-01-02T00:00:00Z' },
    'no',
  ),
  choice({ Variable: '$.a', NumericEqualsPath: '$.b' }, { a: 2, b: 2 }, 'yes'),
  choice({ Variable: '$.a', StringLessThanPath: '$.b' }, { a: 'x', b: 'y' }, 'yes'),
  choice({ Variable: '$.a', BooleanEqualsPath: '$.b' }, { a: true, b: false }, 'no'),
  choice(
    { Variable: '$.a', TimestampLessThanPath: '$.b' },
    { a: '2020-01-01T00:00:00Z', b: '2021-01-01T00:00:00Z' },
    'yes',
  ),
  choice({ Variable: '$.x', IsNull: true }, { x: null }, 'yes'),
  choice({ Variable: '$.x', IsPresent: false }, {}, 'yes'),
  choice({ Variable: '$.x', IsPresent: true }, {}, 'no'),
  choice({ Variable: '$.x', IsNumeric: true }, { x: 1 }, 'yes'),
  choice({ Variable: '$.x', IsString: false }, { x: 1 }, 'yes'),
  choice({ Variable: '$.x', IsBoolean: true }, { x: 'true' }, 'no'),
  choice({ Variable: '$.x', IsTimestamp: true }, { x: '2016-03-14T01:59:00Z' }, 'yes'),
  choice(
    {
      And: [
        { Variable: '$.n', NumericGreaterThanEquals: 20 },
        { Variable: '$.n', NumericLessThan: 30 },
      ],
    },
    { n: 25 },
    'yes',
  ),
  choice(
    {
      Or: [
        { Variable: '$.s', StringEquals: 'x' },
        { Variable: '$.s', StringEquals: 'y' },
      ],
    },
    { s: 'z' },
    'no',
  ),
  choice({ Not: { Variable: '$.type', StringEquals: 'Private' } }, { type: 'Public' }, 'yes'),
  {
    name: 'Choice picks the first matching rule and records its exit',
    definition: {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.n', NumericGreaterThan: 10, Next: 'Big' },
            { Variable: '$.n', NumericGreaterThan: 1, Next: 'Medium' },
          ],
          Default: 'Small',
        },
        Big: { Type: 'Pass', Result: 'big', End: true },
        Medium: { Type: 'Pass', Result: 'medium', End: true },
        Small: { Type: 'Pass', Result: 'small', End: true },
      },
    },
    input: { n: 50 },
    expect: { status: 'SUCCEEDED', output: 'big' },
    events: [
      'ExecutionStarted',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Choice without a match and without Default is States.NoChoiceMatched',
    definition: {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'X' }] },
        X: { Type: 'Succeed' },
      },
    },
    input: { n: 2 },
    expect: { status: 'FAILED', error: 'States.NoChoiceMatched' },
    events: ['ExecutionStarted', 'ChoiceStateEntered', 'ExecutionFailed'],
  },
  {
    name: 'Choice on a missing Variable is States.Runtime',
    definition: {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'X' }],
          Default: 'X',
        },
        X: { Type: 'Succeed' },
      },
    },
    input: {},
    expect: { status: 'FAILED', error: 'States.Runtime', cause: /Invalid path '\$\.n'/ },
  },
  {
    name: 'Choice loop counts down with a variable',
    definition: {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { n: 3 }, Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$n', NumericGreaterThan: 0, Next: 'Dec' }],
          Default: 'Done',
        },
        Dec: { Type: 'Pass', Assign: { 'n.$': 'States.MathAdd($n, -1)' }, Next: 'Check' },
        Done: { Type: 'Pass', Parameters: { 'n.$': '$n' }, End: true },
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: { n: 0 } },
  },
  {
    name: 'Choice rule Assign',
    definition: {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.a', IsPresent: true, Assign: { 'picked.$': '$.a' }, Next: 'X' }],
          Default: 'X',
        },
        X: { Type: 'Pass', Parameters: { 'picked.$': '$picked' }, End: true },
      },
    },
    input: { a: 'A' },
    expect: { status: 'SUCCEEDED', output: { picked: 'A' } },
  },
  {
    name: 'Wait Seconds then continue',
    definition: {
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 10, Next: 'P' }, P: { Type: 'Pass', End: true } },
    },
    input: { a: 1 },
    expect: { status: 'SUCCEEDED', output: { a: 1 } },
    events: [
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Wait Timestamp in the past exits at once',
    definition: single({ Type: 'Wait', Timestamp: '2020-01-01T00:00:00Z' }),
    input: 'x',
    expect: { status: 'SUCCEEDED', output: 'x' },
  },
  {
    name: 'Wait SecondsPath',
    definition: single({ Type: 'Wait', SecondsPath: '$.s', OutputPath: '$.s' }),
    input: { s: 5 },
    expect: { status: 'SUCCEEDED', output: 5 },
  },
  {
    name: 'Wait TimestampPath',
    definition: single({ Type: 'Wait', TimestampPath: '$.t' }),
    input: { t: '2024-01-01T00:10:00Z' },
    expect: { status: 'SUCCEEDED', output: { t: '2024-01-01T00:10:00Z' } },
  },
  {
    name: 'Wait SecondsPath that is not an integer is States.Runtime',
    definition: single({ Type: 'Wait', SecondsPath: '$.s' }),
    input: { s: 'soon' },
    expect: { status: 'FAILED', error: 'States.Runtime' },
  },
  {
    name: 'Context object in Parameters',
    definition: single({
      Type: 'Pass',
      Parameters: {
        'id.$': '$$.Execution.Id',
        'name.$': '$$.Execution.Name',
        'input.$': '$$.Execution.Input',
        'start.$': '$$.Execution.StartTime',
        'role.$': '$$.Execution.RoleArn',
        'machine.$': '$$.StateMachine.Name',
        'machineId.$': '$$.StateMachine.Id',
        'retries.$': '$$.State.RetryCount',
        'entered.$': '$$.State.EnteredTime',
      },
    }),
    input: { k: 'v' },
    expect: {
      status: 'SUCCEEDED',
      output: {
        id: 'arn:aws:states:us-east-1:123456789012:execution:Machine:run-1',
        name: 'run-1',
        input: { k: 'v' },
        start: '2024-01-01T00:00:00.000Z',
        role: 'arn:aws:iam::123456789012:role/StatesRole',
        machine: 'Machine',
        machineId: 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine',
        retries: 0,
        entered: '2024-01-01T00:00:00.001Z',
      },
    },
  },
  {
    name: 'Variables flow between states and ResultSelector sees them',
    definition: {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: { v: 5 }, Assign: { 'x.$': '$.v', y: 'lit' }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'x.$': '$x', 'y.$': '$y' }, End: true },
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: { x: 5, y: 'lit' } },
  },
  {
    name: 'A reference to an undefined variable is States.Runtime',
    definition: single({ Type: 'Pass', Parameters: { 'x.$': '$nope' } }),
    input: {},
    expect: { status: 'FAILED', error: 'States.Runtime' },
  },
  {
    name: 'Pass output over the payload limit is States.DataLimitExceeded',
    definition: single({ Type: 'Pass', Result: 'x'.repeat(300) }),
    input: {},
    options: { payloadLimitBytes: 200 },
    expect: { status: 'FAILED', error: 'States.DataLimitExceeded' },
  },
  {
    name: 'Machine TimeoutSeconds times the execution out during a Wait',
    definition: {
      TimeoutSeconds: 5,
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 60, End: true } },
    },
    input: {},
    expect: { status: 'TIMED_OUT' },
    events: ['ExecutionStarted', 'WaitStateEntered', 'ExecutionTimedOut'],
  },
  {
    name: 'An endless loop fails at the history limit',
    definition: {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Next: 'B' },
        B: {
          Type: 'Choice',
          Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }],
          Default: 'A',
        },
        Done: { Type: 'Succeed' },
      },
    },
    input: {},
    options: { maxHistoryEvents: 50 },
    expect: {
      status: 'FAILED',
      error: 'States.Runtime',
      cause: /maximum number of history events \(50\)/,
    },
  },
];
