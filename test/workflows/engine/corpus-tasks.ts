/** Conformance cases: Task, Retry, Catch, timeouts, task errors, payload limits. */
import { expect } from 'vitest';
import { CALLBACK, taskMachine, type Case } from './corpus-types.js';

const retry = (r: Record<string, unknown>) => ({ Retry: [{ ErrorEquals: ['States.ALL'], ...r }] });
const handled = { H: { Type: 'Pass', End: true } };
const catchAll = (extra: Record<string, unknown> = {}) => ({
  Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H', ...extra }],
});

export const TASK_CASES: Case[] = [
  {
    name: 'Task result replaces the input',
    definition: taskMachine({}),
    input: { a: 1 },
    tasks: { T: [{ ok: { r: 2 } }] },
    expect: { status: 'SUCCEEDED', output: { r: 2 } },
    events: [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Task Parameters, ResultSelector, ResultPath, OutputPath',
    definition: taskMachine({
      Parameters: { FunctionName: 'f', 'Payload.$': '$.p' },
      ResultSelector: { 'body.$': '$.Payload.body' },
      ResultPath: '$.res',
      OutputPath: '$.res.body',
    }),
    input: { p: { q: 1 } },
    tasks: { T: (input) => ({ ok: { Payload: { body: input } } }) },
    expect: { status: 'SUCCEEDED', output: { FunctionName: 'f', Payload: { q: 1 } } },
  },
  {
    name: 'Task Assign sees the selected result',
    definition: {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          ResultSelector: { 'v.$': '$.v' },
          Assign: { 'got.$': '$.v' },
          Next: 'P',
        },
        P: { Type: 'Pass', Parameters: { 'got.$': '$got' }, End: true },
      },
    },
    input: {},
    tasks: { T: [{ ok: { v: 9, noise: 1 } }] },
    expect: { status: 'SUCCEEDED', output: { got: 9 } },
  },
  {
    name: 'Task failure without handlers fails the execution',
    definition: taskMachine({}),
    input: {},
    tasks: { T: [{ fail: 'Boom', cause: 'bad' }] },
    expect: { status: 'FAILED', error: 'Boom', cause: 'bad' },
    events: [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'ExecutionFailed',
    ],
  },
  {
    name: 'Retry then succeed',
    definition: taskMachine(retry({ IntervalSeconds: 1, MaxAttempts: 2 })),
    input: {},
    tasks: { T: [{ fail: 'Flaky' }, { ok: 'done' }] },
    expect: { status: 'SUCCEEDED', output: 'done' },
    events: [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Retries exhausted fail the execution with the last error',
    definition: taskMachine(retry({ MaxAttempts: 2 })),
    input: {},
    tasks: { T: [{ fail: 'E1' }, { fail: 'E2' }, { fail: 'E3' }] },
    expect: { status: 'FAILED', error: 'E3' },
    events: [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'ExecutionFailed',
    ],
  },
  {
    name: 'MaxAttempts 0 never retries',
    definition: taskMachine(retry({ MaxAttempts: 0 })),
    input: {},
    tasks: { T: [{ fail: 'E' }, { ok: 1 }] },
    expect: { status: 'FAILED', error: 'E' },
  },
  {
    name: 'Retry only for matching errors',
    definition: taskMachine({ Retry: [{ ErrorEquals: ['Other'] }] }),
    input: {},
    tasks: { T: [{ fail: 'E' }, { ok: 1 }] },
    expect: { status: 'FAILED', error: 'E' },
  },
  {
    name: 'The first matching Retrier owns the error even when exhausted',
    definition: taskMachine({
      Retry: [
        { ErrorEquals: ['E'], MaxAttempts: 1 },
        { ErrorEquals: ['States.ALL'], MaxAttempts: 5 },
      ],
    }),
    input: {},
    tasks: { T: [{ fail: 'E' }, { fail: 'E' }, { ok: 1 }] },
    expect: { status: 'FAILED', error: 'E' },
  },
  {
    name: 'Separate Retriers count separately',
    definition: taskMachine({
      Retry: [
        { ErrorEquals: ['A'], MaxAttempts: 1 },
        { ErrorEquals: ['B'], MaxAttempts: 1 },
      ],
    }),
    input: {},
    tasks: { T: [{ fail: 'A' }, { fail: 'B' }, { ok: 'ok' }] },
    expect: { status: 'SUCCEEDED', output: 'ok' },
  },
  {
    name: 'States.RetryCount in the context grows with each retry',
    definition: taskMachine({
      Parameters: { 'n.$': '$$.State.RetryCount' },
      ...retry({ MaxAttempts: 3 }),
    }),
    input: {},
    tasks: { T: (input, attempt) => (attempt < 2 ? { fail: 'E' } : { ok: input }) },
    expect: { status: 'SUCCEEDED', output: { n: 2 } },
  },
  {
    name: 'States.TaskFailed matches a task error',
    definition: taskMachine({ Retry: [{ ErrorEquals: ['States.TaskFailed'] }] }),
    input: {},
    tasks: { T: [{ fail: 'Lambda.Unknown' }, { ok: 'ok' }] },
    expect: { status: 'SUCCEEDED', output: 'ok' },
  },
  {
    name: 'States.TaskFailed does not match States.Timeout',
    definition: taskMachine({ Retry: [{ ErrorEquals: ['States.TaskFailed'] }], TimeoutSeconds: 5 }),
    input: {},
    tasks: { T: [{ timeout: 'States.Timeout' }, { ok: 'ok' }] },
    expect: { status: 'FAILED', error: 'States.Timeout' },
    events: [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskTimedOut',
      'ExecutionFailed',
    ],
  },
  {
    name: 'States.Timeout matches a heartbeat timeout',
    definition: taskMachine({ Retry: [{ ErrorEquals: ['States.Timeout'] }], HeartbeatSeconds: 5 }),
    input: {},
    tasks: { T: [{ timeout: 'States.HeartbeatTimeout' }, { ok: 'ok' }] },
    expect: { status: 'SUCCEEDED', output: 'ok' },
  },
  {
    name: 'States.HeartbeatTimeout caught by name',
    definition: taskMachine(
      { Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'H' }], HeartbeatSeconds: 5 },
      handled,
    ),
    input: {},
    tasks: { T: [{ timeout: 'States.HeartbeatTimeout' }] },
    expect: { status: 'SUCCEEDED', output: { Error: 'States.HeartbeatTimeout', Cause: '' } },
  },
  {
    name: 'Catch replaces the output with the error output',
    definition: taskMachine(catchAll(), handled),
    input: { a: 1 },
    tasks: { T: [{ fail: 'Boom', cause: 'why' }] },
    expect: { status: 'SUCCEEDED', output: { Error: 'Boom', Cause: 'why' } },
    events: [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Catch ResultPath keeps the input (AWS guide example)',
    definition: taskMachine(catchAll({ ResultPath: '$.error-info' }), handled),
    input: { foo: 'bar' },
    tasks: { T: [{ fail: 'Boom', cause: 'why' }] },
    expect: {
      status: 'SUCCEEDED',
      output: { foo: 'bar', 'error-info': { Error: 'Boom', Cause: 'why' } },
    },
  },
  {
    name: 'Catch ResultPath null passes the input through',
    definition: taskMachine(catchAll({ ResultPath: null }), handled),
    input: { foo: 'bar' },
    tasks: { T: [{ fail: 'Boom' }] },
    expect: { status: 'SUCCEEDED', output: { foo: 'bar' } },
  },
  {
    name: 'Catch Assign sees the error output',
    definition: taskMachine(catchAll({ Assign: { 'err.$': '$.Error' } }), {
      H: { Type: 'Pass', Parameters: { 'err.$': '$err' }, End: true },
    }),
    input: {},
    tasks: { T: [{ fail: 'Boom' }] },
    expect: { status: 'SUCCEEDED', output: { err: 'Boom' } },
  },
  {
    name: 'Catchers are tried in order',
    definition: taskMachine(
      {
        Catch: [
          { ErrorEquals: ['A'], Next: 'HA' },
          { ErrorEquals: ['States.ALL'], Next: 'HB' },
        ],
      },
      {
        HA: { Type: 'Pass', Result: 'A', End: true },
        HB: { Type: 'Pass', Result: 'B', End: true },
      },
    ),
    input: {},
    tasks: { T: [{ fail: 'X' }] },
    expect: { status: 'SUCCEEDED', output: 'B' },
  },
  {
    name: 'Retry before Catch',
    definition: taskMachine({ ...retry({ MaxAttempts: 1 }), ...catchAll() }, handled),
    input: {},
    tasks: { T: [{ fail: 'E1' }, { fail: 'E2' }] },
    expect: { status: 'SUCCEEDED', output: { Error: 'E2', Cause: '' } },
  },
  {
    name: 'Catch of an End state continues at the catcher',
    definition: taskMachine(catchAll(), { H: { Type: 'Pass', Result: 'handled', End: true } }),
    input: {},
    tasks: { T: [{ fail: 'E' }] },
    expect: { status: 'SUCCEEDED', output: 'handled' },
  },
  {
    name: 'ResultPath failure after a task is States.ResultPathMatchFailure and catchable',
    definition: taskMachine(
      {
        ResultPath: '$.a.b',
        Catch: [{ ErrorEquals: ['States.ResultPathMatchFailure'], Next: 'H' }],
      },
      handled,
    ),
    input: { a: 1 },
    tasks: { T: [{ ok: 1 }] },
    expect: {
      status: 'SUCCEEDED',
      output: {
        Error: 'States.ResultPathMatchFailure',
        Cause: expect.stringMatching(/Unable to apply ResultPath/) as unknown as string,
      },
    },
  },
  {
    name: 'States.Runtime is never caught by States.ALL',
    definition: taskMachine({ Parameters: { 'x.$': '$.missing' }, ...catchAll() }, handled),
    input: {},
    expect: { status: 'FAILED', error: 'States.Runtime' },
    events: ['ExecutionStarted', 'TaskStateEntered', 'ExecutionFailed'],
  },
  {
    name: 'An intrinsic failure in Parameters is caught',
    definition: taskMachine(
      { Parameters: { 'x.$': 'States.StringToJson($.s)' }, ...catchAll() },
      handled,
    ),
    input: { s: '{bad' },
    expect: {
      status: 'SUCCEEDED',
      output: {
        Error: 'States.IntrinsicFailure',
        Cause: expect.stringMatching(/StringToJson/) as unknown as string,
      },
    },
  },
  {
    name: 'A task result over the payload limit is States.DataLimitExceeded, caught by States.ALL',
    definition: taskMachine(catchAll(), handled),
    input: {},
    options: { payloadLimitBytes: 300 },
    tasks: { T: [{ ok: 'y'.repeat(400) }] },
    expect: {
      status: 'SUCCEEDED',
      output: {
        Error: 'States.DataLimitExceeded',
        Cause:
          "The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit.",
      },
    },
    events: [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'A task input over the payload limit is States.DataLimitExceeded',
    definition: taskMachine({ Parameters: { big: 'z'.repeat(300) } }),
    input: {},
    options: { payloadLimitBytes: 200 },
    expect: { status: 'FAILED', error: 'States.DataLimitExceeded' },
  },
  {
    name: 'waitForTaskToken puts the token in the context',
    definition: taskMachine({ Resource: CALLBACK, Parameters: { 'token.$': '$$.Task.Token' } }),
    input: {},
    tasks: {
      T: (input) => ({ ok: { hasToken: typeof (input as { token: unknown }).token === 'string' } }),
    },
    expect: { status: 'SUCCEEDED', output: { hasToken: true } },
  },
  {
    name: 'TimeoutSecondsPath must be a positive integer',
    definition: taskMachine({ TimeoutSecondsPath: '$.t' }),
    input: { t: 0 },
    expect: { status: 'FAILED', error: 'States.Runtime' },
  },
  {
    name: 'A Task error equal to a named custom error is caught by name',
    definition: taskMachine({ Catch: [{ ErrorEquals: ['Custom.Error'], Next: 'H' }] }, handled),
    input: {},
    tasks: { T: [{ fail: 'Custom.Error', cause: 'c' }] },
    expect: { status: 'SUCCEEDED', output: { Error: 'Custom.Error', Cause: 'c' } },
  },
];
