/**
 * Invalid definitions, part 2: Choice, Wait, Fail, Parallel, Map and query-language rules.
 * Messages marked `aws` are AWS's wording as reported in floci-io/floci#2735 and #2968.
 */
import { type InvalidCase, one } from './invalid-corpus.js';

const choice = (rules: object[], extra: object = {}): object => ({
  StartAt: 'C',
  States: { C: { Type: 'Choice', Choices: rules, Default: 'E', ...extra }, E: { Type: 'Succeed' } },
});
const map = (extra: object, processor: object = {}): object =>
  one({
    Type: 'Map',
    ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } }, ...processor },
    End: true,
    ...extra,
  });
const jsonata = (state: object): object => ({ ...one(state), QueryLanguage: 'JSONata' });

export const INVALID_STATE_CASES: InvalidCase[] = [
  // Choice
  {
    name: 'Choice without Choices',
    definition: {
      StartAt: 'C',
      States: { C: { Type: 'Choice', Default: 'E' }, E: { Type: 'Succeed' } },
    },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C',
    message: 'These fields are required: [Choices]',
  },
  {
    name: 'empty Choices',
    definition: choice([]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices',
    message: 'at least one Choice rule',
  },
  {
    name: 'Choice rule without Next (aws)',
    definition: choice([{ Variable: '$', StringMatches: 'Test' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]',
    message: 'These fields are required: [Next]',
  },
  {
    name: 'Choice rule with two comparisons',
    definition: choice([{ Variable: '$.a', StringEquals: 'x', IsNull: true, Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]',
    message: 'exactly one comparison operator',
  },
  {
    name: 'Choice rule with no comparison',
    definition: choice([{ Variable: '$.a', Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]',
    message: 'must contain a comparison operator',
  },
  {
    name: 'comparison without Variable',
    definition: choice([{ StringEquals: 'x', Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]',
    message: 'These fields are required: [Variable]',
  },
  {
    name: 'Variable not a path',
    definition: choice([{ Variable: 'a', IsNull: true, Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/Variable',
    message: 'valid JSONPath',
  },
  {
    name: 'NumericEquals with a string',
    definition: choice([{ Variable: '$.a', NumericEquals: '1', Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/NumericEquals',
    message: 'Number',
  },
  {
    name: 'TimestampEquals with a date only',
    definition: choice([{ Variable: '$.a', TimestampEquals: '2020-01-01', Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/TimestampEquals',
    message: 'Timestamp',
  },
  {
    name: 'StringEqualsPath with a literal',
    definition: choice([{ Variable: '$.a', StringEqualsPath: 'b', Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/StringEqualsPath',
    message: 'JSONPath',
  },
  {
    name: 'IsPresent with a string',
    definition: choice([{ Variable: '$.a', IsPresent: 'true', Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/IsPresent',
    message: 'Boolean',
  },
  {
    name: 'Next inside a nested rule',
    definition: choice([{ Not: { Variable: '$.a', IsNull: true, Next: 'E' }, Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/Not',
    message: "Field 'Next' is not supported",
  },
  {
    name: 'empty And',
    definition: choice([{ And: [], Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/And',
    message: 'at least one Choice rule',
  },
  {
    name: 'bad rule deep in Or',
    definition: choice([
      {
        Or: [
          { Variable: '$.a', IsNull: true },
          { Variable: '$.b', BooleanEquals: 1 },
        ],
        Next: 'E',
      },
    ]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/Or[1]/BooleanEquals',
    message: 'Boolean',
  },
  {
    name: 'End on a Choice',
    definition: choice([{ Variable: '$.a', IsNull: true, Next: 'E' }], { End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C',
    message: "Field 'End' is not supported",
  },
  {
    name: 'Condition in a JSONPath Choice',
    definition: choice([{ Condition: true, Next: 'E' }]),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]',
    message: "field 'Condition' is only supported for the 'JSONata' QueryLanguage",
  },
  {
    name: 'JSONata Choice rule with Variable',
    definition: {
      ...choice([{ Variable: '$.a', IsNull: true, Next: 'E' }]),
      QueryLanguage: 'JSONata',
    },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]',
    message: "Field 'Variable' is not supported",
  },
  {
    name: 'JSONata Condition not an expression',
    definition: { ...choice([{ Condition: '$.a', Next: 'E' }]), QueryLanguage: 'JSONata' },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/C/Choices[0]/Condition',
    message: 'Boolean or JSONata expression',
  },
  // Wait
  {
    name: 'Wait with no duration',
    definition: one({ Type: 'Wait', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath]',
  },
  {
    name: 'Wait with two durations',
    definition: one({ Type: 'Wait', Seconds: 1, TimestampPath: '$.t', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Only one of the fields [Seconds, TimestampPath]',
  },
  {
    name: 'Wait negative seconds',
    definition: one({ Type: 'Wait', Seconds: -1, End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Seconds',
    message: 'greater than or equal to 0',
  },
  {
    name: 'Wait lowercase timestamp',
    definition: one({ Type: 'Wait', Timestamp: '2016-03-14t01:59:00z', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Timestamp',
    message: 'RFC 3339',
  },
  {
    name: 'Wait impossible date',
    definition: one({ Type: 'Wait', Timestamp: '2023-02-29T00:00:00Z', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Timestamp',
    message: 'RFC 3339',
  },
  {
    name: 'JSONata Wait with SecondsPath (aws)',
    definition: jsonata({ Type: 'Wait', SecondsPath: '$.s', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message:
      "The QueryLanguage is set to 'JSONata', but field 'SecondsPath' is only supported for the 'JSONPath' QueryLanguage",
  },
  {
    name: 'JSONata Wait Seconds plain string',
    definition: jsonata({ Type: 'Wait', Seconds: '10', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Seconds',
    message: 'Integer or JSONata expression',
  },
  // Fail
  {
    name: 'Fail with Error and ErrorPath',
    definition: one({ Type: 'Fail', Error: 'E', ErrorPath: '$.e' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Only one of the fields [Error, ErrorPath]',
  },
  {
    name: 'Fail CausePath not a path',
    definition: one({ Type: 'Fail', CausePath: 'cause' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/CausePath',
    message: 'valid JSONPath or a valid intrinsic function call',
  },
  {
    name: 'Fail with InputPath',
    definition: one({ Type: 'Fail', InputPath: '$' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "Field 'InputPath' is not supported",
  },
  // Parallel
  {
    name: 'Parallel without Branches',
    definition: one({ Type: 'Parallel', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'These fields are required: [Branches]',
  },
  {
    name: 'Parallel with empty Branches',
    definition: one({ Type: 'Parallel', Branches: [], End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Branches',
    message: 'at least one branch',
  },
  {
    name: 'branch without StartAt',
    definition: one({
      Type: 'Parallel',
      Branches: [{ States: { X: { Type: 'Succeed' } } }],
      End: true,
    }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Branches[0]',
    message: 'These fields are required: [StartAt]',
  },
  {
    name: 'QueryLanguage on a branch',
    definition: one({
      Type: 'Parallel',
      Branches: [{ QueryLanguage: 'JSONata', StartAt: 'X', States: { X: { Type: 'Succeed' } } }],
      End: true,
    }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Branches[0]',
    message: "Field 'QueryLanguage' is not supported",
  },
  {
    name: 'invalid state inside a branch',
    definition: one({
      Type: 'Parallel',
      Branches: [{ StartAt: 'X', States: { X: { Type: 'Wait', End: true } } }],
      End: true,
    }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Branches[0]/States/X',
    message: 'Exactly one of the fields',
  },
  // Map
  {
    name: 'Map without ItemProcessor',
    definition: one({ Type: 'Map', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Exactly one of the fields [ItemProcessor, Iterator] is required',
  },
  {
    name: 'Map with ItemProcessor and Iterator',
    definition: map({ Iterator: { StartAt: 'J', States: { J: { Type: 'Succeed' } } } }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Only one of the fields [ItemProcessor, Iterator]',
  },
  {
    name: 'QueryLanguage on an ItemProcessor (aws)',
    definition: map({}, { QueryLanguage: 'JSONata' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/ItemProcessor',
    message: "Field 'QueryLanguage' is not supported",
  },
  {
    name: 'bad ProcessorConfig Mode',
    definition: map({}, { ProcessorConfig: { Mode: 'PARALLEL' } }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/ItemProcessor/ProcessorConfig/Mode',
    message: 'one of [INLINE, DISTRIBUTED]',
  },
  {
    name: 'DISTRIBUTED without ExecutionType',
    definition: map({}, { ProcessorConfig: { Mode: 'DISTRIBUTED' } }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/ItemProcessor/ProcessorConfig',
    message: 'These fields are required: [ExecutionType]',
  },
  {
    name: 'ItemReader on an inline Map',
    definition: map({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject' } }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "Field 'ItemReader' is only supported when the ProcessorConfig Mode is DISTRIBUTED",
  },
  {
    name: 'ItemReader with a non-S3 resource',
    definition: map(
      { ItemReader: { Resource: 'arn:aws:states:::sqs:receiveMessage' } },
      { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
    ),
    code: 'INVALID_RESOURCE',
    location: '/States/S/ItemReader/Resource',
    message: 'sqs:receiveMessage',
  },
  {
    name: 'MaxConcurrency negative',
    definition: map({ MaxConcurrency: -1 }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/MaxConcurrency',
    message: 'greater than or equal to 0',
  },
  {
    name: 'MaxConcurrency and MaxConcurrencyPath',
    definition: map({ MaxConcurrency: 1, MaxConcurrencyPath: '$.m' }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Only one of the fields [MaxConcurrency, MaxConcurrencyPath]',
  },
  {
    name: 'ToleratedFailurePercentage over 100',
    definition: map(
      { ToleratedFailurePercentage: 101 },
      { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
    ),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/ToleratedFailurePercentage',
    message: 'less than or equal to 100',
  },
  {
    name: 'Label too long',
    definition: map(
      { Label: 'L'.repeat(41) },
      { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
    ),
    code: 'INVALID_LABEL_NAME',
    location: '/States/S/Label',
    message: '1 to 40 characters',
  },
  {
    name: 'ItemSelector and Parameters together',
    definition: map({ ItemSelector: {}, Parameters: {} }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: 'Only one of the fields [ItemSelector, Parameters]',
  },
  {
    name: 'ItemsPath in a JSONata Map (aws)',
    definition: { ...map({ ItemsPath: '$.x' }), QueryLanguage: 'JSONata' },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "field 'ItemsPath' is only supported for the 'JSONPath' QueryLanguage",
  },
  {
    name: 'Items in a JSONPath Map',
    definition: map({ Items: [1] }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message:
      "The QueryLanguage is set to 'JSONPath', but field 'Items' is only supported for the 'JSONata' QueryLanguage",
  },
  {
    name: 'Label used twice',
    definition: {
      StartAt: 'M1',
      States: {
        M1: {
          Type: 'Map',
          Label: 'Same',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'I1',
            States: { I1: { Type: 'Succeed' } },
          },
          Next: 'M2',
        },
        M2: {
          Type: 'Map',
          Label: 'Same',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'I2',
            States: { I2: { Type: 'Succeed' } },
          },
          End: true,
        },
      },
    },
    code: 'DUPLICATE_LABEL_NAME',
    location: '/States/M2/Label',
    message: 'already used at /States/M1/Label',
  },
  {
    name: 'JSONata Items neither array nor expression',
    definition: { ...map({ Items: 'abc' }), QueryLanguage: 'JSONata' },
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Items',
    message: 'Array or JSONata expression',
  },
  // query language
  {
    name: 'Output on a JSONPath state (aws)',
    definition: one({ Type: 'Pass', Output: {}, End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message:
      "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
  },
  {
    name: 'Parameters on a JSONata state',
    definition: jsonata({ Type: 'Pass', Parameters: {}, End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "field 'Parameters' is only supported for the 'JSONPath' QueryLanguage",
  },
  {
    name: 'JSONPath state in a JSONata machine (aws)',
    definition: jsonata({ Type: 'Pass', QueryLanguage: 'JSONPath', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S',
    message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
  },
  {
    name: 'bad state QueryLanguage',
    definition: one({ Type: 'Pass', QueryLanguage: 'jsonata', End: true }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/QueryLanguage',
    message: 'one of [JSONPath, JSONata]',
  },
  {
    name: 'JSONata Arguments neither object nor expression',
    definition: jsonata({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: 'plain',
      End: true,
    }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/Arguments',
    message: 'Object or JSONata expression',
  },
  {
    name: 'nested states use the machine language, not the Map state language (aws)',
    definition: one({
      Type: 'Map',
      QueryLanguage: 'JSONata',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: {}, End: true } } },
      End: true,
    }),
    code: 'SCHEMA_VALIDATION_FAILED',
    location: '/States/S/ItemProcessor/States/P',
    message: "The QueryLanguage is set to 'JSONPath', but field 'Output'",
  },
];
