/**
 * Invalid definitions, part 1: JSON, top level, names, graph, transitions, Task and Retry/Catch.
 * Each names the ERROR diagnostic expected: code, location (`null` = none) and a message
 * fragment. Messages quoted from AWS are marked `aws` (see the sources in the module docs).
 */
export interface InvalidCase {
  name: string;
  definition: object | string;
  code: string;
  location: string | null;
  message: string;
}

const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:F';
export const one = (state: object, extra: object = {}): object => ({
  StartAt: 'S',
  States: { S: state },
  ...extra,
});
const task = (extra: object): object =>
  one({ Type: 'Task', Resource: lambda, End: true, ...extra });

export const INVALID_CASES: InvalidCase[] = [
  // JSON and top level
  {
    name: 'empty text',
    definition: '   ',
    code: 'MISSING_DESCRIPTION',
    location: null,
    message: 'empty',
  },
  {
    name: 'broken JSON',
    definition: '{"StartAt": "A",}',
    code: 'INVALID_JSON_DESCRIPTION',
    location: null,
    message: 'line 1, column 17',
  },
  {
    name: 'trailing garbage',
    definition: '{} x',
    code: 'INVALID_JSON_DESCRIPTION',
    location: null,
    message: 'Unexpected content',
  },
  {
    name: 'unterminated string',
    definition: '{"a',
    code: 'INVALID_JSON_DESCRIPTION',
    location: null,
    message: 'Unterminated string',
  },
  {
    name: 'not an object',
    definition: '[1]',
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/',
    message: 'Object',
  },
  {
    name: 'missing StartAt and States',
    definition: {},
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/',
    message: 'These fields are required: [StartAt, States]',
  },
  {
    name: 'unknown top-level field (aws)',
    definition: one({ Type: 'Succeed' }, { Coment: 'x' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/',
    message: "Field 'Coment' is not supported",
  },
  {
    name: 'bad top-level QueryLanguage',
    definition: one({ Type: 'Succeed' }, { QueryLanguage: 'XPath' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/QueryLanguage',
    message: 'one of [JSONPath, JSONata]',
  },
  {
    name: 'machine TimeoutSeconds zero',
    definition: one({ Type: 'Succeed' }, { TimeoutSeconds: 0 }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/TimeoutSeconds',
    message: 'greater than or equal to 1',
  },
  {
    name: 'States not an object',
    definition: { StartAt: 'A', States: [] },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States',
    message: 'Object',
  },
  {
    name: 'state not an object',
    definition: { StartAt: 'A', States: { A: 1 } },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/A',
    message: 'Object',
  },
  // names
  {
    name: 'state name over 80 characters (aws)',
    definition: { StartAt: 'y'.repeat(81), States: { ['y'.repeat(81)]: { Type: 'Succeed' } } },
    code: 'INVALID_STATE_NAME',
    location: `/States/${'y'.repeat(81)}`,
    message: 'exceeds the 80-character limit allowed by the service',
  },
  {
    name: 'empty state name',
    definition: { StartAt: '', States: { '': { Type: 'Succeed' } } },
    code: 'INVALID_STATE_NAME',
    location: '/States/',
    message: 'must not be empty',
  },
  {
    name: 'control character in state name',
    definition: { StartAt: 'a\u0001', States: { 'a\u0001': { Type: 'Succeed' } } },
    code: 'INVALID_STATE_NAME',
    location: '/States/a\u0001',
    message: 'control characters',
  },
  {
    name: 'duplicate key in States',
    definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"},"A":{"Type":"Succeed"}}}',
    code: 'DUPLICATE_STATE_NAME',
    location: '/States/A',
    message: "'A'",
  },
  {
    name: 'state name reused in a nested scope',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Succeed' } } }],
          Next: 'X',
        },
        X: { Type: 'Succeed' },
      },
    },
    code: 'DUPLICATE_STATE_NAME',
    location: '/States/X',
    message: 'already defined at /States/P/Branches[0]/States/X',
  },
  // graph
  {
    name: 'StartAt names no state (aws)',
    definition: { StartAt: 'Nope', States: { A: { Type: 'Succeed' } } },
    code: 'MISSING_TRANSITION_TARGET',
    location: '/StartAt',
    message: "Missing 'Next' target: Nope",
  },
  {
    name: 'Next names no state (aws)',
    definition: {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'pass3' }, B: { Type: 'Succeed' } },
    },
    code: 'MISSING_TRANSITION_TARGET',
    location: '/States/A/Next',
    message: "Missing 'Next' target: pass3",
  },
  {
    name: 'unreachable state (aws)',
    definition: {
      StartAt: 'A',
      States: { A: { Type: 'Succeed' }, pass2: { Type: 'Pass', End: true } },
    },
    code: 'MISSING_TRANSITION_TARGET',
    location: '/States/pass2',
    message: 'State "pass2" is not reachable.',
  },
  {
    name: 'no terminal state (aws)',
    definition: {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } },
    },
    code: 'MISSING_END_STATE',
    location: null,
    message: 'Workflow has no terminal state',
  },
  {
    name: 'Choice default target missing',
    definition: {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.a', IsNull: true, Next: 'E' }],
          Default: 'Gone',
        },
        E: { Type: 'Succeed' },
      },
    },
    code: 'MISSING_TRANSITION_TARGET',
    location: '/States/C/Default',
    message: "Missing 'Next' target: Gone",
  },
  {
    name: 'Choice rule target missing',
    definition: {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.a', IsNull: true, Next: 'Gone' }],
          Default: 'E',
        },
        E: { Type: 'Succeed' },
      },
    },
    code: 'MISSING_TRANSITION_TARGET',
    location: '/States/C/Choices[0]/Next',
    message: "Missing 'Next' target: Gone",
  },
  {
    name: 'Catch target missing',
    definition: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Gone' }] }),
    code: 'MISSING_TRANSITION_TARGET',
    location: '/States/S/Catch[0]/Next',
    message: "Missing 'Next' target: Gone",
  },
  {
    name: 'branch jumps to a parent state',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'Done' } } }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    },
    code: 'MISSING_TRANSITION_TARGET',
    location: '/States/P/Branches[0]/States/X/Next',
    message: "Missing 'Next' target: Done",
  },
  {
    name: 'branch with no terminal state',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'X' } } }],
          End: true,
        },
      },
    },
    code: 'MISSING_END_STATE',
    location: '/States/P/Branches[0]',
    message: 'Workflow has no terminal state',
  },
  // state type and transitions
  {
    name: 'missing Type',
    definition: one({ End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'These fields are required: [Type]',
  },
  {
    name: 'unknown Type',
    definition: one({ Type: 'Sleep', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Type',
    message: 'must be one of [Task, Pass, Choice',
  },
  {
    name: 'neither Next nor End',
    definition: one({ Type: 'Pass' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Exactly one of the fields [Next, End] is required',
  },
  {
    name: 'both Next and End',
    definition: one({ Type: 'Pass', Next: 'S', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Only one of the fields [Next, End] may be set',
  },
  {
    name: 'End false without Next',
    definition: one({ Type: 'Pass', End: false }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'These fields are required: [Next]',
  },
  {
    name: 'End not boolean',
    definition: one({ Type: 'Pass', End: 'yes' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/End',
    message: 'Boolean',
  },
  {
    name: 'End on a Succeed',
    definition: one({ Type: 'Succeed', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "Field 'End' is not supported",
  },
  {
    name: 'Next on a Fail',
    definition: one({ Type: 'Fail', Next: 'S' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "Field 'Next' is not supported",
  },
  {
    name: 'TimeoutSeconds on a Pass (aws)',
    definition: one({ Type: 'Pass', TimeoutSeconds: 5, End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "Field 'TimeoutSeconds' is not supported",
  },
  {
    name: 'Catch on a Wait (aws)',
    definition: one({ Type: 'Wait', Seconds: 1, Catch: [], End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "Field 'Catch' is not supported",
  },
  {
    name: 'ResultPath on a Wait (aws)',
    definition: one({ Type: 'Wait', Seconds: 1, ResultPath: null, End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "Field 'ResultPath' is not supported",
  },
  {
    name: 'InputPath not a path',
    definition: one({ Type: 'Pass', InputPath: 'input', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/InputPath',
    message: 'valid JSONPath',
  },
  {
    name: 'ResultPath into the context object',
    definition: one({ Type: 'Pass', ResultPath: '$$.Execution', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/ResultPath',
    message: 'not the context object',
  },
  // Task
  {
    name: 'Task without Resource',
    definition: one({ Type: 'Task', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'These fields are required: [Resource]',
  },
  {
    name: 'Task with a bare function name',
    definition: one({ Type: 'Task', Resource: 'createToken', End: true }),
    code: 'INVALID_RESOURCE',
    location: '/States/S/Resource',
    message: "'createToken'",
  },
  {
    name: 'Task with unknown integration suffix',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.async',
      End: true,
    }),
    code: 'INVALID_RESOURCE',
    location: '/States/S/Resource',
    message: 'sendMessage.async',
  },
  {
    name: 'Task with a malformed activity ARN',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:us-east-1:12345:activity:x',
      End: true,
    }),
    code: 'INVALID_RESOURCE',
    location: '/States/S/Resource',
    message: 'not a valid ARN',
  },
  {
    name: 'TimeoutSeconds and TimeoutSecondsPath',
    definition: task({ TimeoutSeconds: 5, TimeoutSecondsPath: '$.t' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Only one of the fields [TimeoutSeconds, TimeoutSecondsPath]',
  },
  {
    name: 'TimeoutSeconds zero',
    definition: task({ TimeoutSeconds: 0 }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/TimeoutSeconds',
    message: 'greater than or equal to 1',
  },
  {
    name: 'HeartbeatSeconds not below TimeoutSeconds',
    definition: task({ TimeoutSeconds: 10, HeartbeatSeconds: 10 }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/HeartbeatSeconds',
    message: 'smaller than',
  },
  {
    name: 'HeartbeatSeconds not an integer',
    definition: task({ HeartbeatSeconds: 1.5 }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/HeartbeatSeconds',
    message: 'Integer',
  },
  {
    name: 'Parameters .$ key with a literal',
    definition: task({ Parameters: { 'a.$': 'hello' } }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Parameters/a.$',
    message: 'must be a valid JSONPath or a valid intrinsic function call',
  },
  {
    name: 'nested Parameters .$ key with a number',
    definition: task({ Parameters: { x: { 'b.$': 3 } } }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Parameters/x/b.$',
    message: "'b.$'",
  },
  {
    name: 'Parameters not an object',
    definition: task({ Parameters: 'x' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Parameters',
    message: 'Object',
  },
  // Retry and Catch
  {
    name: 'Retry without ErrorEquals',
    definition: task({ Retry: [{ MaxAttempts: 1 }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]',
    message: 'These fields are required: [ErrorEquals]',
  },
  {
    name: 'empty ErrorEquals',
    definition: task({ Retry: [{ ErrorEquals: [] }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/ErrorEquals',
    message: 'at least one',
  },
  {
    name: 'States.ALL not alone',
    definition: task({ Retry: [{ ErrorEquals: ['States.ALL', 'X'] }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/ErrorEquals',
    message: 'must appear alone',
  },
  {
    name: 'States.ALL retrier not last',
    definition: task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['X'] }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/ErrorEquals',
    message: 'must be the last Retrier',
  },
  {
    name: 'IntervalSeconds zero',
    definition: task({ Retry: [{ ErrorEquals: ['X'], IntervalSeconds: 0 }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/IntervalSeconds',
    message: 'greater than or equal to 1',
  },
  {
    name: 'MaxAttempts negative',
    definition: task({ Retry: [{ ErrorEquals: ['X'], MaxAttempts: -1 }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/MaxAttempts',
    message: 'greater than or equal to 0',
  },
  {
    name: 'BackoffRate below one',
    definition: task({ Retry: [{ ErrorEquals: ['X'], BackoffRate: 0.5 }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/BackoffRate',
    message: 'greater than or equal to 1',
  },
  {
    name: 'MaxDelaySeconds too large',
    definition: task({ Retry: [{ ErrorEquals: ['X'], MaxDelaySeconds: 31622401 }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/MaxDelaySeconds',
    message: 'less than or equal to 31622400',
  },
  {
    name: 'bad JitterStrategy',
    definition: task({ Retry: [{ ErrorEquals: ['X'], JitterStrategy: 'HALF' }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]/JitterStrategy',
    message: 'one of [FULL, NONE]',
  },
  {
    name: 'unknown Retrier field',
    definition: task({ Retry: [{ ErrorEquals: ['X'], Delay: 1 }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Retry[0]',
    message: "Field 'Delay' is not supported",
  },
  {
    name: 'Catcher without Next',
    definition: task({ Catch: [{ ErrorEquals: ['X'] }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Catch[0]',
    message: 'These fields are required: [Next]',
  },
  {
    name: 'States.ALL catcher not last',
    definition: {
      StartAt: 'S',
      States: {
        S: {
          Type: 'Task',
          Resource: lambda,
          End: true,
          Catch: [
            { ErrorEquals: ['States.ALL'], Next: 'F' },
            { ErrorEquals: ['X'], Next: 'F' },
          ],
        },
        F: { Type: 'Fail' },
      },
    },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Catch[0]/ErrorEquals',
    message: 'must be the last Catcher',
  },
  {
    name: 'ErrorEquals with a non-string',
    definition: task({ Catch: [{ ErrorEquals: [1], Next: 'S' }] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Catch[0]/ErrorEquals[0]',
    message: 'String',
  },
];
