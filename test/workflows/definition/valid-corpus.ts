/**
 * Valid definitions, one or more per state type and feature, modelled on the examples of the
 * AWS Step Functions developer guide and the States Language spec (rewritten, not copied).
 * Each must parse with zero ERROR diagnostics; `warnings` lists the WARNING codes expected.
 */
const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:HelloFunction';

export interface ValidCase {
  name: string;
  /** An object to serialise, or JSON text used as is. */
  definition: object | string;
  warnings?: string[];
}

const one = (state: object, extra: object = {}): object => ({
  StartAt: 'S',
  States: { S: { ...state } },
  ...extra,
});

export const VALID_CASES: ValidCase[] = [
  {
    name: 'hello world pass',
    definition: one({ Type: 'Pass', Result: 'Hello World!', End: true }),
  },
  {
    name: 'top-level comment, version, timeout',
    definition: one({ Type: 'Succeed' }, { Comment: 'c', Version: '1.0', TimeoutSeconds: 300 }),
  },
  {
    name: 'pass with result and result path',
    definition: one({
      Type: 'Pass',
      Result: { x: 0.381018, y: 622.2269926397355 },
      ResultPath: '$.result.data',
      End: true,
    }),
  },
  {
    name: 'pass with parameters, input/output paths and null paths',
    definition: one({
      Type: 'Pass',
      InputPath: '$.a',
      Parameters: {
        'id.$': '$$.Execution.Id',
        static: 1,
        nested: { 'v.$': "States.Format('{}', $.x)" },
      },
      ResultPath: null,
      OutputPath: null,
      End: true,
    }),
  },
  { name: 'lambda task', definition: one({ Type: 'Task', Resource: lambda, End: true }) },
  {
    name: 'lambda task with alias qualifier',
    definition: one({ Type: 'Task', Resource: `${lambda}:prod`, End: true }),
  },
  {
    name: 'lambda invoke integration with payload',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: lambda, 'Payload.$': '$' },
      ResultSelector: { 'body.$': '$.Payload' },
      End: true,
    }),
  },
  {
    name: 'sqs sendMessage',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage',
      Parameters: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
        'MessageBody.$': '$.msg',
      },
      End: true,
    }),
  },
  {
    name: 'sqs waitForTaskToken with heartbeat and timeout',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
      TimeoutSeconds: 300,
      HeartbeatSeconds: 60,
      End: true,
    }),
  },
  {
    name: 'nested execution .sync:2',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Child' },
      End: true,
    }),
  },
  {
    name: 'ecs runTask .sync',
    definition: one({ Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', End: true }),
  },
  {
    name: 'activity task with timeout path',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:us-east-1:123456789012:activity:get-greeting',
      TimeoutSecondsPath: '$.timeout',
      HeartbeatSecondsPath: '$.heartbeat',
      End: true,
    }),
  },
  {
    name: 'http invoke',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: {
        ApiEndpoint: 'https://example.com',
        Method: 'GET',
        Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c' },
      },
      End: true,
    }),
  },
  {
    name: 'aws-sdk integration',
    definition: one({
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
      Parameters: { Bucket: 'b' },
      End: true,
    }),
  },
  {
    name: 'task with retry and catch',
    definition: {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: lambda,
          Retry: [
            {
              ErrorEquals: ['ErrorA', 'ErrorB'],
              IntervalSeconds: 1,
              BackoffRate: 2,
              MaxAttempts: 2,
            },
            {
              ErrorEquals: ['ErrorC'],
              IntervalSeconds: 5,
              MaxDelaySeconds: 10,
              JitterStrategy: 'FULL',
            },
            { ErrorEquals: ['States.ALL'], MaxAttempts: 0 },
          ],
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Recover', ResultPath: '$.error' },
            { ErrorEquals: ['States.ALL'], Next: 'Recover' },
          ],
          End: true,
        },
        Recover: { Type: 'Pass', End: true },
      },
    },
  },
  { name: 'wait seconds', definition: one({ Type: 'Wait', Seconds: 10, End: true }) },
  { name: 'wait zero seconds', definition: one({ Type: 'Wait', Seconds: 0, End: true }) },
  {
    name: 'wait timestamp',
    definition: one({ Type: 'Wait', Timestamp: '2016-03-14T01:59:00Z', End: true }),
  },
  {
    name: 'wait timestamp with offset and fraction',
    definition: one({ Type: 'Wait', Timestamp: '2024-02-29T23:59:59.123+05:30', End: true }),
  },
  { name: 'wait seconds path', definition: one({ Type: 'Wait', SecondsPath: '$.s', End: true }) },
  {
    name: 'wait timestamp path',
    definition: one({ Type: 'Wait', TimestampPath: '$.t', End: true }),
  },
  { name: 'succeed', definition: one({ Type: 'Succeed', InputPath: '$.x', OutputPath: '$' }) },
  {
    name: 'fail with error and cause',
    definition: one({ Type: 'Fail', Error: 'ErrorA', Cause: 'Kaiju attack' }),
  },
  {
    name: 'fail with error path and intrinsic cause path',
    definition: one({ Type: 'Fail', ErrorPath: '$.err', CausePath: "States.Format('{}', $.c)" }),
  },
  {
    name: 'choice with default and every comparison family',
    definition: {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.s', StringEquals: 'x', Next: 'A' },
            { Variable: '$.s', StringMatches: 'log-*.txt', Next: 'A' },
            { Variable: '$.n', NumericGreaterThanEquals: 20, Next: 'A' },
            { Variable: '$.n', NumericLessThanPath: '$.limit', Next: 'A' },
            { Variable: '$.b', BooleanEquals: true, Next: 'A' },
            { Variable: '$.t', TimestampLessThan: '2016-03-14T01:59:00Z', Next: 'A' },
            { Variable: '$.t', TimestampGreaterThanPath: '$.other', Next: 'A' },
            { Variable: '$.x', IsPresent: false, Next: 'A' },
            { Variable: '$.x', IsNull: true, Next: 'A' },
            { Variable: '$.x', IsTimestamp: true, Next: 'A' },
          ],
          Default: 'B',
        },
        A: { Type: 'Succeed' },
        B: { Type: 'Fail', Error: 'NoMatch' },
      },
    },
  },
  {
    name: 'choice with nested And/Or/Not',
    definition: {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            {
              And: [
                { Variable: '$.value', IsNumeric: true },
                {
                  Or: [
                    { Variable: '$.value', NumericGreaterThan: 20 },
                    { Not: { Variable: '$.value', NumericLessThan: 30 } },
                  ],
                },
              ],
              Next: 'A',
            },
            {
              Not: { Variable: '$.type', StringEquals: 'Private' },
              Next: 'A',
              Assign: { 'seen.$': '$.type' },
            },
          ],
          Default: 'A',
        },
        A: { Type: 'Succeed' },
      },
    },
  },
  {
    name: 'choice without default',
    definition: {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.a', BooleanEquals: true, Next: 'A' }] },
        A: { Type: 'Succeed' },
      },
    },
  },
  {
    name: 'parallel with two branches and catch',
    definition: {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B1', States: { B1: { Type: 'Task', Resource: lambda, End: true } } },
            {
              Comment: 'second',
              StartAt: 'B2',
              States: { B2: { Type: 'Wait', Seconds: 1, Next: 'B3' }, B3: { Type: 'Succeed' } },
            },
          ],
          ResultSelector: { 'first.$': '$[0]' },
          ResultPath: '$.out',
          Retry: [{ ErrorEquals: ['States.ALL'] }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }],
          Next: 'Done',
        },
        Handle: { Type: 'Fail' },
        Done: { Type: 'Succeed' },
      },
    },
  },
  {
    name: 'inline map with ItemProcessor',
    definition: one({
      Type: 'Map',
      ItemsPath: '$.items',
      ItemSelector: { 'index.$': '$$.Map.Item.Index', 'value.$': '$$.Map.Item.Value' },
      MaxConcurrency: 0,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Item',
        States: { Item: { Type: 'Pass', End: true } },
      },
      ResultPath: '$.results',
      End: true,
    }),
  },
  {
    name: 'legacy map with Iterator and Parameters',
    definition: one({
      Type: 'Map',
      ItemsPath: '$.detail.shipped',
      MaxConcurrency: 2,
      Parameters: { 'parcel.$': '$$.Map.Item.Value' },
      Iterator: {
        StartAt: 'Ship',
        States: { Ship: { Type: 'Task', Resource: lambda, End: true } },
      },
      End: true,
    }),
  },
  {
    name: 'distributed map with S3 reader, writer, batcher, tolerance and label',
    definition: one({
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 100 },
        Parameters: { Bucket: 'b', Key: 'k.csv' },
      },
      ItemBatcher: {
        MaxItemsPerBatch: 10,
        MaxInputBytesPerBatch: 262144,
        BatchInput: { 'run.$': '$$.Execution.Name' },
      },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: 'out', Prefix: 'p' },
      },
      ToleratedFailurePercentage: 5.5,
      ToleratedFailureCountPath: '$.maxFailures',
      MaxConcurrency: 1000,
      Label: 'CsvMap',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Work',
        States: { Work: { Type: 'Task', Resource: lambda, End: true } },
      },
      End: true,
    }),
  },
  {
    name: 'distributed map listing S3 objects',
    definition: one({
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:listObjectsV2',
        Parameters: { Bucket: 'b', Prefix: 'in/' },
      },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Work',
        States: { Work: { Type: 'Succeed' } },
      },
      End: true,
    }),
  },
];
