/**
 * The valid corpus parses with no ERROR diagnostics (and exactly the expected warnings), and
 * the AST it yields has the shape the interpreter relies on.
 */
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../src/core/workflows/definition/index.js';
import { VALID_JSONATA_CASES } from './valid-corpus-jsonata.js';
import { VALID_CASES } from './valid-corpus.js';

const ALL = [...VALID_CASES, ...VALID_JSONATA_CASES];

describe('valid definitions', () => {
  it('the corpus is large enough to mean something', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = typeof c.definition === 'string' ? c.definition : JSON.stringify(c.definition);
    const result = parseDefinition(text);
    expect(result.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(c.warnings ?? []);
    expect(result.definition).toBeDefined();
  });
});

describe('AST shape', () => {
  const parse = (def: object) => {
    const { definition, diagnostics } = parseDefinition(JSON.stringify(def));
    expect(diagnostics).toEqual([]);
    return definition!;
  };

  it('keeps paths and expressions as raw strings and applies retrier defaults', () => {
    const def = parse({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { 'Body.$': 'States.JsonToString($)' },
          Retry: [{ ErrorEquals: ['States.ALL'] }],
          End: true,
        },
      },
    });
    const task = def.states.T;
    expect(task?.type).toBe('Task');
    if (task?.type !== 'Task') return;
    expect(task.resource).toEqual({
      kind: 'service',
      arn: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      partition: 'aws',
      service: 'sqs',
      action: 'sendMessage',
      pattern: 'waitForTaskToken',
    });
    expect(task.parameters).toEqual({ 'Body.$': 'States.JsonToString($)' });
    expect(task.retry).toEqual([
      {
        errorEquals: ['States.ALL'],
        intervalSeconds: 1,
        maxAttempts: 3,
        backoffRate: 2,
        jitterStrategy: 'NONE',
      },
    ]);
    expect(task.transition).toEqual({ type: 'end' });
    expect(def.queryLanguage).toBe('JSONPath');
  });

  it('parses activity and lambda resources', () => {
    const def = parse({
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: 'arn:aws:states:eu-west-1:123456789012:activity:act',
          Next: 'L',
        },
        L: {
          Type: 'Task',
          Resource: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:f:$LATEST',
          End: true,
        },
      },
    });
    expect(def.states.A).toMatchObject({
      resource: { kind: 'activity', region: 'eu-west-1', name: 'act' },
    });
    expect(def.states.L).toMatchObject({
      resource: { kind: 'lambda', partition: 'aws-cn', functionName: 'f', qualifier: '$LATEST' },
      transition: { type: 'end' },
    });
  });

  it('builds nested scopes and Choice conditions', () => {
    const def = parse({
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Condition: '{% $x %}', Next: 'D' }], Default: 'D' },
              D: { Type: 'Succeed' },
            },
          },
          Next: 'W',
        },
        W: { Type: 'Wait', Seconds: 5, End: true },
      },
    });
    const map = def.states.M;
    if (map?.type !== 'Map') throw new Error('expected Map');
    expect(map.itemProcessor.mode).toBe('DISTRIBUTED');
    expect(map.itemProcessor.executionType).toBe('STANDARD');
    expect(map.fromIterator).toBe(false);
    expect(map.itemProcessor.states.C).toMatchObject({
      type: 'Choice',
      queryLanguage: 'JSONata',
      choices: [{ condition: { kind: 'jsonata', condition: '{% $x %}' }, next: 'D' }],
      default: 'D',
    });
    expect(def.states.W).toMatchObject({ wait: { kind: 'seconds', seconds: 5 } });
  });

  it('represents JSONPath comparisons and combinators', () => {
    const def = parse({
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Not: { Variable: '$.a', StringEqualsPath: '$.b' }, Next: 'E' },
            {
              Or: [
                { Variable: '$.n', NumericEquals: 1 },
                { Variable: '$.n', IsNull: true },
              ],
              Next: 'E',
            },
          ],
        },
        E: { Type: 'Succeed' },
      },
    });
    const choice = def.states.C;
    if (choice?.type !== 'Choice') throw new Error('expected Choice');
    expect(choice.choices[0]?.condition).toEqual({
      kind: 'not',
      condition: {
        kind: 'comparison',
        variable: '$.a',
        operator: 'StringEqualsPath',
        value: '$.b',
      },
    });
    expect(choice.choices[1]?.condition).toEqual({
      kind: 'or',
      conditions: [
        { kind: 'comparison', variable: '$.n', operator: 'NumericEquals', value: 1 },
        { kind: 'comparison', variable: '$.n', operator: 'IsNull', value: true },
      ],
    });
  });
});
