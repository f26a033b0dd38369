/**
 * Differential tests against botocore (what the AWS CLI and boto3 run): botocore's
 * QuerySerializer writes the form bodies our decoder reads, and botocore's QueryParser reads the
 * XML our encoder writes. botocore is driven with *our* generated models turned back into
 * botocore query models (SQS's botocore model is JSON-only), so this checks the models and the
 * codecs together. SNS and STS models are generated into a temporary folder for the test.
 * Skipped when python3 with botocore is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadServiceModel, type ServiceModel } from '../../src/protocols/aws/codecs/model.js';
import { decodeQueryInput } from '../../src/protocols/aws/codecs/query-decode.js';
import { encodeQueryResponse } from '../../src/protocols/aws/codecs/xml-encode.js';

const hasBotocore =
  spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;

const PYTHON = String.raw`
import base64, datetime, json, sys, urllib.parse
import botocore.model, botocore.parsers, botocore.serialize

payload = json.load(sys.stdin)
src = json.load(open(payload['model'], encoding='utf-8'))
ops = {}
for name, op in src['operations'].items():
    o = {'name': name, 'http': op['http'], 'errors': [{'shape': e} for e in op.get('errors', [])]}
    if 'input' in op:
        o['input'] = {'shape': op['input']}
    if 'output' in op:
        o['output'] = {'shape': op['output'], 'resultWrapper': op['resultWrapper']}
    ops[name] = o
meta = dict(src['metadata'], protocol='query', protocols=['query'])
model = botocore.model.ServiceModel(
    {'metadata': meta, 'operations': ops, 'shapes': src['shapes']}, service_name=src['service'])

def revive(v):
    if isinstance(v, dict):
        if set(v) == {'$bytes'}:
            return base64.b64decode(v['$bytes'])
        return {k: revive(x) for k, x in v.items()}
    if isinstance(v, list):
        return [revive(x) for x in v]
    return v

def plain(v):
    if isinstance(v, bytes):
        return {'$bytes': base64.b64encode(v).decode()}
    if isinstance(v, datetime.datetime):
        return {'$ms': round(v.timestamp() * 1000)}
    raise TypeError(type(v))

results = []
for case in payload['cases']:
    om = model.operation_model(case['op'])
    if 'input' in case:
        body = botocore.serialize.QuerySerializer().serialize_to_request(revive(case['input']), om)['body']
        results.append(urllib.parse.urlencode(list(body.items()), doseq=True))
    else:
        out = botocore.parsers.QueryParser().parse(
            {'body': case['xml'].encode('utf-8'), 'headers': {}, 'status_code': 200}, om.output_shape)
        out.pop('ResponseMetadata', None)
        results.append(out)
print(json.dumps(results, default=plain))
`;

type Case = { op: string; input: unknown } | { op: string; xml: string };

function botocore(modelPath: string, cases: Case[]): unknown[] {
  const run = spawnSync('python3', ['-c', PYTHON], {
    input: JSON.stringify({ model: modelPath, cases }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as unknown[];
}

/** JSON-safe form shared with the Python side: Buffers as {$bytes}, Dates as {$ms}. */
function plain(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $bytes: value.toString('base64') };
  if (value instanceof Date) return { $ms: value.getTime() };
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const sqsPath = new URL('../../src/protocols/aws/model/sqs.json', import.meta.url).pathname;
const sqs = loadServiceModel('sqs');
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/q';
const RID = 'req-1';

/** Inputs botocore serializes and we must decode back to the same object. */
const sqsInputs: Array<{ op: string; input: Record<string, unknown>; extra?: object }> = [
  {
    op: 'SendMessage',
    input: {
      QueueUrl: QUEUE,
      MessageBody: 'héllo & <world> = +1 %20\r\n\ttab 😀',
      DelaySeconds: 10,
      MessageAttributes: {
        s: { DataType: 'String', StringValue: 'v a=l&ue' },
        n: { DataType: 'Number.int', StringValue: '42' },
        b: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2, 250, 255]) },
        l: { DataType: 'String', StringListValues: ['x', 'y'] },
      },
      MessageSystemAttributes: {
        AWSTraceHeader: {
          DataType: 'String',
          StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793',
        },
      },
      MessageDeduplicationId: 'd',
      MessageGroupId: 'g',
    },
  },
  {
    op: 'SendMessageBatch',
    input: {
      QueueUrl: QUEUE,
      Entries: [
        { Id: 'a', MessageBody: 'one' },
        {
          Id: 'b',
          MessageBody: 'two',
          DelaySeconds: 0,
          MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
        },
        { Id: 'c', MessageBody: '' },
      ],
    },
  },
  {
    op: 'ReceiveMessage',
    input: {
      QueueUrl: QUEUE,
      AttributeNames: ['All'],
      MessageAttributeNames: ['color', 'size.*'],
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      WaitTimeSeconds: 20,
      ReceiveRequestAttemptId: 'r',
    },
    extra: { MessageSystemAttributeNames: ['All'] },
  },
  {
    op: 'CreateQueue',
    input: {
      QueueName: 'q.fifo',
      Attributes: { FifoQueue: 'true', Policy: '{"Version":"2012-10-17"}' },
      tags: { env: 'prod', team: '' },
    },
  },
  { op: 'SetQueueAttributes', input: { QueueUrl: QUEUE, Attributes: { VisibilityTimeout: '35' } } },
  { op: 'GetQueueAttributes', input: { QueueUrl: QUEUE, AttributeNames: [] } },
  { op: 'TagQueue', input: { QueueUrl: QUEUE, Tags: { a: '1', b: '2' } } },
  { op: 'UntagQueue', input: { QueueUrl: QUEUE, TagKeys: ['a', 'b'] } },
  {
    op: 'AddPermission',
    input: {
      QueueUrl: QUEUE,
      Label: 'l',
      AWSAccountIds: ['111122223333'],
      Actions: ['SendMessage'],
    },
  },
  {
    op: 'DeleteMessageBatch',
    input: { QueueUrl: QUEUE, Entries: [{ Id: 'a', ReceiptHandle: 'rh/+=' }] },
  },
  {
    op: 'ChangeMessageVisibilityBatch',
    input: { QueueUrl: QUEUE, Entries: [{ Id: 'a', ReceiptHandle: 'rh', VisibilityTimeout: 5 }] },
  },
  {
    op: 'StartMessageMoveTask',
    input: { SourceArn: 'arn:aws:sqs:us-east-1:1:dlq', MaxNumberOfMessagesPerSecond: 50 },
  },
];

/** Outputs we encode and botocore must parse back to the same object. */
const sqsOutputs: Array<{ op: string; output: Record<string, unknown> }> = [
  {
    op: 'ReceiveMessage',
    output: {
      Messages: [
        {
          MessageId: 'm1',
          ReceiptHandle: 'rh+/=',
          MD5OfBody: 'x',
          Body: ' lead & <trail> \r\n\r\t\n ]]> 😀 \u2028\u0085 ',
          Attributes: { SentTimestamp: '1700000000000', ApproximateReceiveCount: '3' },
          MD5OfMessageAttributes: 'y',
          MessageAttributes: {
            s: { StringValue: 'v', DataType: 'String' },
            b: { BinaryValue: Buffer.from([0, 255]), DataType: 'Binary' },
          },
        },
        { MessageId: 'm2', ReceiptHandle: 'r2', MD5OfBody: 'z', Body: '' },
      ],
    },
  },
  {
    op: 'SendMessageBatch',
    output: {
      Successful: [{ Id: 'a', MessageId: 'm', MD5OfMessageBody: 'h', SequenceNumber: '1' }],
      Failed: [{ Id: 'b', SenderFault: true, Code: 'InvalidParameterValue', Message: 'no' }],
    },
  },
  {
    op: 'GetQueueAttributes',
    output: { Attributes: { VisibilityTimeout: '30', Policy: '{"a":"<&>"}' } },
  },
  { op: 'ListQueues', output: { QueueUrls: [QUEUE, `${QUEUE}2`], NextToken: 'n' } },
  { op: 'ListDeadLetterSourceQueues', output: { queueUrls: [QUEUE] } },
  { op: 'ListQueueTags', output: { Tags: { env: 'prod' } } },
  { op: 'SendMessage', output: { MD5OfMessageBody: 'h', MessageId: 'm' } },
  { op: 'CreateQueue', output: { QueueUrl: QUEUE } },
  {
    op: 'ListMessageMoveTasks',
    output: {
      Results: [
        {
          TaskHandle: 't',
          Status: 'RUNNING',
          SourceArn: 'arn:a',
          MaxNumberOfMessagesPerSecond: 5,
          ApproximateNumberOfMessagesMoved: 0,
          StartedTimestamp: 1700000000000,
        },
      ],
    },
  },
];

describe.skipIf(!hasBotocore)('botocore round trips (SQS)', () => {
  it('decodes what botocore QuerySerializer writes', () => {
    const bodies = botocore(
      sqsPath,
      sqsInputs.map(({ op, input }) => ({ op, input: plain(input) })),
    ) as string[];
    sqsInputs.forEach(({ op, input, extra }, i) => {
      const decoded = decodeQueryInput(sqs, op, new URLSearchParams(bodies[i]));
      expect(decoded, op).toEqual({ ...input, ...extra });
    });
  });

  it('encodes what botocore QueryParser reads back exactly', () => {
    const parsed = botocore(
      sqsPath,
      sqsOutputs.map(({ op, output }) => ({ op, xml: encodeQueryResponse(sqs, op, output, RID) })),
    );
    sqsOutputs.forEach(({ op, output }, i) => expect(parsed[i], op).toEqual(plain(output)));
  });

  it('round-trips arbitrary SQS-legal message bodies through botocore', () => {
    const body = fc.stringMatching(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
    const bodies = fc.sample(body, { numRuns: 300, seed: 42 });
    bodies.push('\r', '\r\n', '\n\r', ' ', '\t', '&#xD;', '<![CDATA[x]]>');
    const cases = bodies.map((b) => ({
      op: 'ReceiveMessage',
      xml: encodeQueryResponse(sqs, 'ReceiveMessage', { Messages: [{ Body: b }] }, RID),
    }));
    const parsed = botocore(sqsPath, cases) as Array<{ Messages: Array<{ Body: string }> }>;
    bodies.forEach((b, i) => expect(parsed[i]?.Messages[0]?.Body).toBe(b));
  });
});

describe.skipIf(!hasBotocore)('botocore round trips (SNS and STS, non-flattened forms)', () => {
  const dir = hasBotocore ? mkdtempSync(join(tmpdir(), 'switchyard-models-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const generate = (): { sns: ServiceModel; sts: ServiceModel } => {
    const script = new URL('../../scripts/gen-aws-models.py', import.meta.url).pathname;
    const run = spawnSync('python3', [script, '--out', dir, 'sns', 'sts'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const read = (s: string) =>
      JSON.parse(readFileSync(join(dir, `${s}.json`), 'utf8')) as ServiceModel;
    return { sns: read('sns'), sts: read('sts') };
  };

  it('decodes SNS and STS requests and encodes their responses', () => {
    const { sns, sts } = generate();
    const snsInputs = [
      {
        op: 'Publish',
        input: {
          TopicArn: 'arn:aws:sns:us-east-1:1:t',
          Message: 'm & m',
          MessageAttributes: {
            a: { DataType: 'String', StringValue: 'x' },
            b: { DataType: 'Binary', BinaryValue: Buffer.from('hi') },
          },
        },
      },
      {
        op: 'CreateTopic',
        input: {
          Name: 't',
          Attributes: { DisplayName: 'd', FifoTopic: 'false' },
          Tags: [{ Key: 'k', Value: 'v' }],
        },
      },
      {
        op: 'PublishBatch',
        input: {
          TopicArn: 'arn:t',
          PublishBatchRequestEntries: [
            {
              Id: '1',
              Message: 'a',
              MessageAttributes: { c: { DataType: 'String', StringValue: 'r' } },
            },
            { Id: '2', Message: 'b' },
          ],
        },
      },
    ];
    const snsBodies = botocore(
      join(dir, 'sns.json'),
      snsInputs.map(({ op, input }) => ({ op, input: plain(input) })),
    ) as string[];
    expect(snsBodies[0]).toContain('MessageAttributes.entry.1.Name=a');
    snsInputs.forEach(({ op, input }, i) => {
      expect(decodeQueryInput(sns, op, new URLSearchParams(snsBodies[i])), op).toEqual(input);
    });

    const stsInput = {
      RoleArn: 'arn:aws:iam::1:role/r',
      RoleSessionName: 's',
      DurationSeconds: 900,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [{ Key: 'k', Value: 'v' }],
      TransitiveTagKeys: ['k'],
    };
    const [stsBody] = botocore(join(dir, 'sts.json'), [
      { op: 'AssumeRole', input: stsInput },
    ]) as string[];
    expect(decodeQueryInput(sts, 'AssumeRole', new URLSearchParams(stsBody))).toEqual(stsInput);

    const outputs: Array<[ServiceModel, string, Record<string, unknown>]> = [
      [
        sns,
        'ListTopics',
        { Topics: [{ TopicArn: 'arn:1' }, { TopicArn: 'arn:2' }], NextToken: 'n' },
      ],
      [sns, 'GetTopicAttributes', { Attributes: { Policy: '{"x":"<y>"}', Owner: '1' } }],
      [sns, 'ListTagsForResource', { Tags: [{ Key: 'k', Value: 'v' }] }],
      [
        sns,
        'PublishBatch',
        {
          Successful: [{ Id: '1', MessageId: 'm' }],
          Failed: [{ Id: '2', Code: 'c', Message: 'm', SenderFault: false }],
        },
      ],
      [
        sts,
        'AssumeRole',
        {
          Credentials: {
            AccessKeyId: 'AKIA',
            SecretAccessKey: 's',
            SessionToken: 't',
            Expiration: new Date('2030-01-01T00:00:00.123Z'),
          },
          AssumedRoleUser: { AssumedRoleId: 'AROA:s', Arn: 'arn:aws:sts::1:assumed-role/r/s' },
          PackedPolicySize: 6,
        },
      ],
    ];
    for (const [m, op, output] of outputs) {
      const path = join(dir, `${m.service}.json`);
      const [parsed] = botocore(path, [{ op, xml: encodeQueryResponse(m, op, output, RID) }]);
      expect(parsed, op).toEqual(plain(output));
    }
  });
});
