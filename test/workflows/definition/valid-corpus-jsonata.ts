/**
 * Valid JSONata, mixed-language, variable and warning-only definitions, modelled on the AWS
 * guide's JSONata and "Passing data with variables" examples (rewritten, not copied).
 */
import type { ValidCase } from './valid-corpus.js';

const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:HelloFunction';
const jsonata = (state: object): object => ({
  QueryLanguage: 'JSONata',
  StartAt: 'S',
  States: { S: state },
});

export const VALID_JSONATA_CASES: ValidCase[] = [
  {
    name: 'jsonata task with Arguments, Output and Assign',
    definition: jsonata({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: lambda, Payload: '{% $states.input %}' },
      Output: '{% $states.result.Payload %}',
      Assign: { total: '{% $states.result.Payload.total %}' },
      TimeoutSeconds: '{% $timeout %}',
      End: true,
    }),
  },
  {
    name: 'jsonata task with Arguments expression',
    definition: jsonata({
      Type: 'Task',
      Resource: lambda,
      Arguments: '{% $states.input.args %}',
      End: true,
    }),
  },
  {
    name: 'jsonata pass with Output literal',
    definition: jsonata({ Type: 'Pass', Output: { greeting: 'hello' }, End: true }),
  },
  {
    name: 'jsonata choice with Condition and Default',
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Condition: '{% $states.input.n > 10 %}', Next: 'Big', Assign: { size: 'big' } },
            { Condition: true, Next: 'Small', Output: { forced: true } },
          ],
          Default: 'Small',
        },
        Big: { Type: 'Succeed', Output: '{% $size %}' },
        Small: { Type: 'Succeed' },
      },
    },
  },
  {
    name: 'jsonata wait seconds expression',
    definition: jsonata({ Type: 'Wait', Seconds: '{% $states.input.delay %}', End: true }),
  },
  {
    name: 'jsonata wait literal timestamp',
    definition: jsonata({ Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', End: true }),
  },
  {
    name: 'jsonata fail with expression error and cause',
    definition: jsonata({ Type: 'Fail', Error: '{% $states.input.code %}', Cause: 'static cause' }),
  },
  {
    name: 'jsonata map with Items and ItemSelector',
    definition: jsonata({
      Type: 'Map',
      Items: '{% $states.input.orders %}',
      ItemSelector: { order: '{% $states.context.Map.Item.Value %}' },
      MaxConcurrency: '{% $limit %}',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      Output: '{% $states.result %}',
      End: true,
    }),
  },
  {
    name: 'jsonata map with literal Items array',
    definition: jsonata({
      Type: 'Map',
      Items: [1, 2, 3],
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Succeed' } } },
      End: true,
    }),
  },
  {
    name: 'jsonata parallel with catch Output',
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', End: true } } }],
          Arguments: { a: 1 },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F', Output: '{% $states.errorOutput %}' }],
          End: true,
        },
        F: { Type: 'Fail', Error: 'Failed' },
      },
    },
  },
  {
    name: 'JSONata state inside a JSONPath machine',
    definition: {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', InputPath: '$.x', Next: 'B' },
        B: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input %}', End: true },
      },
    },
  },
  {
    name: 'explicit JSONPath machine with explicit JSONata state',
    definition: {
      QueryLanguage: 'JSONPath',
      StartAt: 'A',
      States: { A: { Type: 'Wait', QueryLanguage: 'JSONata', Seconds: 1, End: true } },
    },
  },
  {
    name: 'JSONPath variables with Assign',
    definition: {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { 'product.$': '$.product', count: 1 }, Next: 'B' },
        B: { Type: 'Task', Resource: lambda, Parameters: { 'p.$': '$product' }, End: true },
      },
    },
  },
  {
    name: 'state names with spaces, unicode and exactly 80 characters',
    definition: {
      StartAt: 'Hello World',
      States: {
        'Hello World': { Type: 'Pass', Next: 'Ünïcode ✓' },
        'Ünïcode ✓': { Type: 'Pass', Next: 'x'.repeat(80) },
        ['x'.repeat(80)]: { Type: 'Succeed' },
      },
    },
  },
  {
    name: 'a state called __proto__',
    // A string: in an object literal `__proto__` would set the prototype instead of a key.
    definition: '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Succeed"}}}',
  },
  {
    name: 'loop that can exit through a Choice',
    definition: {
      StartAt: 'Work',
      States: {
        Work: { Type: 'Task', Resource: lambda, Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'Work' }],
          Default: 'End',
        },
        End: { Type: 'Succeed' },
      },
    },
  },
  {
    name: 'NO_DOLLAR warning only',
    definition: {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Parameters: { id: '$.id' }, End: true } },
    },
    warnings: ['NO_DOLLAR'],
  },
  {
    name: 'PASS_RESULT_IS_STATIC warning only',
    definition: {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Result: { 'x.$': '$.x' }, End: true } },
    },
    warnings: ['PASS_RESULT_IS_STATIC'],
  },
  {
    name: 'NO_PATH warning only',
    definition: { StartAt: 'A', States: { A: { Type: 'Fail', Error: '$.error' } } },
    warnings: ['NO_PATH'],
  },
];
