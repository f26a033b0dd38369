/** Conformance cases: JSONata mode (Arguments, Output, Assign, Condition, Items, $states). */
import { LAMBDA, type Case } from './corpus-types.js';

const J = { QueryLanguage: 'JSONata' };

export const JSONATA_CASES: Case[] = [
  {
    name: 'JSONata Pass Output',
    definition: {
      ...J,
      StartAt: 'S',
      States: { S: { Type: 'Pass', Output: '{% $states.input.a + 1 %}', End: true } },
    },
    input: { a: 1 },
    expect: { status: 'SUCCEEDED', output: 2 },
  },
  {
    name: 'JSONata Assign then read the variable',
    definition: {
      ...J,
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { total: '{% $sum($states.input.xs) %}' }, Next: 'B' },
        B: { Type: 'Pass', Output: { total: '{% $total %}' }, End: true },
      },
    },
    input: { xs: [1, 2, 3] },
    expect: { status: 'SUCCEEDED', output: { total: 6 } },
  },
  {
    name: 'JSONata Task Arguments and Output with $states.result',
    definition: {
      ...J,
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Arguments: { n: '{% $states.input.n * 2 %}' },
          Output: '{% $states.result.n + 1 %}',
          End: true,
        },
      },
    },
    input: { n: 5 },
    expect: { status: 'SUCCEEDED', output: 11 },
  },
  {
    name: 'JSONata Choice Condition',
    definition: {
      ...J,
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.n > 3 %}', Next: 'Big' }],
          Default: 'Small',
        },
        Big: { Type: 'Pass', Output: 'big', End: true },
        Small: { Type: 'Pass', Output: 'small', End: true },
      },
    },
    input: { n: 4 },
    expect: { status: 'SUCCEEDED', output: 'big' },
  },
  {
    name: 'JSONata Condition that is not a boolean is States.QueryEvaluationError',
    definition: {
      ...J,
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.n %}', Next: 'X' }],
          Default: 'X',
        },
        X: { Type: 'Succeed' },
      },
    },
    input: { n: 4 },
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError' },
  },
  {
    name: 'JSONata Catch Output with $states.errorOutput',
    definition: {
      ...J,
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          End: true,
          Catch: [
            {
              ErrorEquals: ['States.ALL'],
              Next: 'H',
              Output: { caught: '{% $states.errorOutput.Error %}' },
            },
          ],
        },
        H: { Type: 'Pass', End: true },
      },
    },
    input: {},
    tasks: { T: [{ fail: 'Oops' }] },
    expect: { status: 'SUCCEEDED', output: { caught: 'Oops' } },
  },
  {
    name: 'JSONata Map Items and ItemSelector',
    definition: {
      ...J,
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          Items: '{% $states.input.list %}',
          ItemSelector: {
            v: '{% $states.context.Map.Item.Value * 10 %}',
            i: '{% $states.context.Map.Item.Index %}',
          },
          End: true,
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
        },
      },
    },
    input: { list: [1, 2] },
    expect: {
      status: 'SUCCEEDED',
      output: [
        { v: 10, i: 0 },
        { v: 20, i: 1 },
      ],
    },
  },
  {
    name: 'JSONata Wait Seconds expression',
    definition: {
      ...J,
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: '{% $states.input.s %}', End: true } },
    },
    input: { s: 2 },
    expect: { status: 'SUCCEEDED', output: { s: 2 } },
  },
  {
    name: 'JSONata Fail Error and Cause expressions',
    definition: {
      ...J,
      StartAt: 'F',
      States: {
        F: {
          Type: 'Fail',
          Error: '{% $states.input.e %}',
          Cause: '{% "because " & $states.input.c %}',
        },
      },
    },
    input: { e: 'E', c: 'reasons' },
    expect: { status: 'FAILED', error: 'E', cause: 'because reasons' },
  },
  {
    name: 'JSONata evaluation error in Output is States.QueryEvaluationError',
    definition: {
      ...J,
      StartAt: 'S',
      States: { S: { Type: 'Pass', Output: '{% $states.input.missing.deeper %}', End: true } },
    },
    input: {},
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError' },
  },
  {
    name: 'JSONata Parallel Output over $states.result',
    definition: {
      ...J,
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Output: '{% $sum($states.result) %}',
          End: true,
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', Output: 1, End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', Output: 2, End: true } } },
          ],
        },
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: 3 },
  },
  {
    name: 'JSONata context: execution name',
    definition: {
      ...J,
      StartAt: 'S',
      States: {
        S: {
          Type: 'Pass',
          Output: '{% $states.context.Execution.Name & "/" & $states.context.State.Name %}',
          End: true,
        },
      },
    },
    input: {},
    expect: { status: 'SUCCEEDED', output: 'run-1/S' },
  },
];
