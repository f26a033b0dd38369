/** Conformance cases: Parallel branches and inline Map iterations. */
import { LAMBDA, type Case } from './corpus-types.js';

let branchCount = 0;
const branch = (state: Record<string, unknown>, name = `B${++branchCount}`) => ({
  StartAt: name,
  States: { [name]: { End: true, ...state } },
});
const handled = { H: { Type: 'Pass', End: true } };

export const NESTED_CASES: Case[] = [
  {
    name: 'Parallel collects branch outputs in order',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            branch({ Type: 'Pass', Result: 'one' }),
            branch({ Type: 'Pass', InputPath: '$.x' }),
          ],
        },
      },
    },
    input: { x: 2 },
    expect: { status: 'SUCCEEDED', output: ['one', 2] },
    events: [
      'ExecutionStarted',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'PassStateEntered',
      'PassStateEntered',
      'PassStateExited',
      'PassStateExited',
      'ParallelStateSucceeded',
      'ParallelStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Parallel with tasks, ResultSelector and ResultPath',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          ResultSelector: { 'first.$': '$[0]', 'second.$': '$[1]' },
          ResultPath: '$.results',
          End: true,
          Branches: [
            branch({ Type: 'Task', Resource: LAMBDA }),
            branch({ Type: 'Task', Resource: LAMBDA, Parameters: { k: 2 } }),
          ],
        },
      },
    },
    input: { k: 1 },
    expect: {
      status: 'SUCCEEDED',
      output: { k: 1, results: { first: { k: 1 }, second: { k: 2 } } },
    },
  },
  {
    name: 'Parallel branch failure propagates the branch error',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            branch({ Type: 'Pass' }),
            { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'BranchErr', Cause: 'c' } } },
          ],
        },
      },
    },
    input: {},
    expect: { status: 'FAILED', error: 'BranchErr', cause: 'c' },
    events: [
      'ExecutionStarted',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'PassStateEntered',
      'FailStateEntered',
      'PassStateExited',
      'ParallelStateFailed',
      'ExecutionFailed',
    ],
  },
  {
    name: 'Parallel branch failure is caught on the Parallel state',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Next: 'H',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H', ResultPath: '$.err' }],
          Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'X' } } }],
        },
        ...handled,
      },
    },
    input: { a: 1 },
    expect: { status: 'SUCCEEDED', output: { a: 1, err: { Error: 'X', Cause: '' } } },
  },
  {
    name: 'Parallel is retried as a whole',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
          Branches: [branch({ Type: 'Task', Resource: LAMBDA }, 'RetriedTask')],
        },
      },
    },
    input: 'in',
    tasks: { RetriedTask: [{ fail: 'E' }, { ok: 'second' }] },
    expect: { status: 'SUCCEEDED', output: ['second'] },
  },
  {
    name: 'States.BranchFailed matches a branch failure',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Catch: [{ ErrorEquals: ['States.BranchFailed'], Next: 'H' }],
          Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Y' } } }],
        },
        ...handled,
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: { Error: 'Y', Cause: '' } },
  },
  {
    name: 'Variables of the outer scope are readable in a branch, branch assignments stay inside',
    definition: {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { outer: 'o' }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Next: 'Z',
          Branches: [
            {
              StartAt: 'B1',
              States: {
                B1: {
                  Type: 'Pass',
                  Assign: { outer: 'changed' },
                  Parameters: { 'v.$': '$outer' },
                  End: true,
                },
              },
            },
          ],
        },
        Z: { Type: 'Pass', Parameters: { 'outer.$': '$outer', 'branch.$': '$[0].v' }, End: true },
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: { outer: 'o', branch: 'o' } },
  },
  {
    name: 'Nested Parallel',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'Q',
              States: {
                Q: {
                  Type: 'Parallel',
                  End: true,
                  Branches: [
                    branch({ Type: 'Pass', Result: 1 }),
                    branch({ Type: 'Pass', Result: 2 }),
                  ],
                },
              },
            },
          ],
        },
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: [[1, 2]] },
  },
  {
    name: 'Map over the input array',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          End: true,
          ItemProcessor: {
            StartAt: 'I',
            States: { I: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true } },
          },
        },
      },
    },
    input: [1, 2],
    expect: { status: 'SUCCEEDED', output: [{ v: 1 }, { v: 2 }] },
    events: [
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapIterationStarted',
      'PassStateEntered',
      'MapIterationStarted',
      'PassStateEntered',
      'PassStateExited',
      'MapIterationSucceeded',
      'PassStateExited',
      'MapIterationSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Map ItemsPath, ItemSelector with $$.Map.Item, ResultPath (AWS guide example)',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.detail.shipped',
          ItemSelector: {
            'parcel.$': '$$.Map.Item.Value',
            'index.$': '$$.Map.Item.Index',
            'courier.$': '$.detail.delivery-partner',
          },
          ResultPath: '$.detail.result',
          OutputPath: '$.detail.result',
          End: true,
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
        },
      },
    },
    input: { detail: { 'delivery-partner': 'UQS', shipped: [{ prod: 'R31' }, { prod: 'S39' }] } },
    expect: {
      status: 'SUCCEEDED',
      output: [
        { parcel: { prod: 'R31' }, index: 0, courier: 'UQS' },
        { parcel: { prod: 'S39' }, index: 1, courier: 'UQS' },
      ],
    },
  },
  {
    name: 'Map over an empty array',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          End: true,
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
        },
      },
    },
    input: [],
    expect: { status: 'SUCCEEDED', output: [] },
    events: [
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Map over a non-array is States.Runtime',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.x',
          End: true,
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
        },
      },
    },
    input: { x: 'no' },
    expect: { status: 'FAILED', error: 'States.Runtime' },
  },
  {
    name: 'Map MaxConcurrency 1 runs one iteration at a time',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 1,
          End: true,
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
        },
      },
    },
    input: ['a', 'b'],
    expect: { status: 'SUCCEEDED', output: ['a', 'b'] },
    events: [
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapIterationStarted',
      'PassStateEntered',
      'PassStateExited',
      'MapIterationSucceeded',
      'MapIterationStarted',
      'PassStateEntered',
      'PassStateExited',
      'MapIterationSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ],
  },
  {
    name: 'Map with tasks in iterations',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          End: true,
          ItemProcessor: {
            StartAt: 'I',
            States: { I: { Type: 'Task', Resource: LAMBDA, End: true } },
          },
        },
      },
    },
    input: [1, 2, 3],
    tasks: { I: (input) => ({ ok: (input as number) * 10 }) },
    expect: { status: 'SUCCEEDED', output: [10, 20, 30] },
  },
  {
    name: 'A failed iteration fails the Map with its error',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          End: true,
          ItemProcessor: {
            StartAt: 'I',
            States: { I: { Type: 'Task', Resource: LAMBDA, End: true } },
          },
        },
      },
    },
    input: [1, 2],
    tasks: { I: [{ ok: 1 }, { fail: 'ItemErr', cause: 'bad item' }] },
    expect: { status: 'FAILED', error: 'ItemErr', cause: 'bad item' },
  },
  {
    name: 'Map failure is caught',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          End: true,
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }],
          ItemProcessor: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Nope' } } },
        },
        ...handled,
      },
    },
    input: [1],
    expect: { status: 'SUCCEEDED', output: { Error: 'Nope', Cause: '' } },
  },
  {
    name: 'Tolerated failures keep a Map going (distributed mode, run inline here)',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailureCount: 1,
          End: true,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'I',
            States: { I: { Type: 'Task', Resource: LAMBDA, End: true } },
          },
        },
      },
    },
    input: [1, 2],
    tasks: { I: [{ fail: 'E', cause: 'c' }, { ok: 'ok' }] },
    expect: { status: 'SUCCEEDED', output: [{ Error: 'E', Cause: 'c' }, 'ok'] },
  },
  {
    name: 'Exceeding the tolerated failures is States.ExceedToleratedFailureThreshold',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailurePercentage: 40,
          End: true,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'I',
            States: { I: { Type: 'Task', Resource: LAMBDA, End: true } },
          },
        },
      },
    },
    input: [1, 2],
    tasks: { I: [{ fail: 'E' }, { ok: 'ok' }] },
    expect: { status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' },
  },
  {
    name: 'Map with a Choice and Wait inside iterations',
    definition: {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          End: true,
          ItemProcessor: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$', NumericGreaterThan: 1, Next: 'W' }],
                Default: 'Small',
              },
              W: { Type: 'Wait', Seconds: 3, Next: 'Big' },
              Big: { Type: 'Pass', Result: 'big', End: true },
              Small: { Type: 'Pass', Result: 'small', End: true },
            },
          },
        },
      },
    },
    input: [1, 2],
    expect: { status: 'SUCCEEDED', output: ['small', 'big'] },
  },
  {
    name: 'Map inside Parallel',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'M',
              States: {
                M: {
                  Type: 'Map',
                  End: true,
                  ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
                },
              },
            },
          ],
        },
      },
    },
    input: [7, 8],
    expect: { status: 'SUCCEEDED', output: [[7, 8]] },
  },
];
