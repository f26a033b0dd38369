/**
 * Round trips through the real JS SDK v3 serializers and parsers, with an in-memory request
 * handler instead of HTTP: `@aws-sdk/client-sqs` switched to the awsQuery protocol (form
 * bodies in, XML out — the SDK's own AwsQueryProtocol) and in its default AWS JSON 1.0
 * protocol. The SDK's SQS middleware also checks the MD5 digests we put in the outputs.
 */
import { createHash } from 'node:crypto';
import {
  ChangeMessageVisibilityBatchCommand,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  TagQueueCommand,
  errorTypeRegistries,
} from '@aws-sdk/client-sqs';
import { AwsQueryProtocol } from '@aws-sdk/core/protocols';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../src/protocols/aws/codecs/model.js';
import { decodeQueryInput } from '../../src/protocols/aws/codecs/query-decode.js';
import {
  encodeJsonOutput,
  validateJsonInput,
} from '../../src/protocols/aws/codecs/json-validate.js';
import {
  encodeQueryError,
  encodeQueryResponse,
} from '../../src/protocols/aws/codecs/xml-encode.js';

const sqs = loadServiceModel('sqs');
const NS = 'http://queue.amazonaws.com/doc/2012-11-05/';
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/q';
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

type Exchange = { op: string; output?: Record<string, unknown>; error?: boolean };

/** An SQS client whose "server" runs our codecs; `seen` collects the decoded inputs. */
function fakeSqs(protocol: 'query' | 'json') {
  const seen: Array<Record<string, unknown>> = [];
  let next: Exchange = { op: '' };
  const handle = (request: HttpRequest) => {
    const raw: unknown = request.body;
    const body = raw instanceof Uint8Array ? Buffer.from(raw).toString('utf8') : String(raw);
    const op =
      protocol === 'json'
        ? String(request.headers['x-amz-target']).split('.')[1]!
        : new URLSearchParams(body).get('Action')!;
    expect(op).toBe(next.op);
    seen.push(
      protocol === 'json'
        ? validateJsonInput(sqs, op, JSON.parse(body))
        : decodeQueryInput(sqs, op, new URLSearchParams(body)),
    );
    const text = next.error
      ? encodeQueryError(
          {
            code: 'AWS.SimpleQueueService.NonExistentQueue',
            message: 'The specified queue does not exist.',
            fault: 'Sender',
          },
          'rid',
          NS,
        )
      : protocol === 'json'
        ? encodeJsonOutput(sqs, op, next.output)
        : encodeQueryResponse(sqs, op, next.output, 'rid');
    const response = new HttpResponse({
      statusCode: next.error ? 400 : 200,
      headers: { 'content-type': protocol === 'json' ? 'application/x-amz-json-1.0' : 'text/xml' },
      body: Buffer.from(text, 'utf8'),
    });
    return Promise.resolve({ response });
  };
  const client = new SQSClient({
    region: 'us-east-1',
    endpoint: 'http://localhost:4566',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    requestHandler: { handle, updateHttpClientConfig: () => {}, httpHandlerConfigs: () => ({}) },
    ...(protocol === 'query'
      ? {
          protocol: AwsQueryProtocol,
          protocolSettings: {
            defaultNamespace: 'com.amazonaws.sqs',
            xmlNamespace: NS,
            version: '2012-11-05',
            errorTypeRegistries,
          },
        }
      : {}),
  });
  const expectNext = (exchange: Exchange) => {
    next = exchange;
  };
  return { client, seen, expectNext };
}

/** SDK results with Uint8Arrays as Buffers and without $metadata, for comparison. */
function normal(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => k !== '$metadata' && v !== undefined)
        .map(([k, v]) => [k, normal(v)]),
    );
  }
  return value;
}

const batchInput = {
  QueueUrl: QUEUE,
  Entries: [
    {
      Id: 'a',
      MessageBody: 'one & <two>\r\n',
      DelaySeconds: 1,
      MessageAttributes: {
        s: { DataType: 'String', StringValue: 'x=y&z' },
        b: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 255]) },
      },
    },
    { Id: 'b', MessageBody: '😀', MessageGroupId: 'g', MessageDeduplicationId: 'd' },
  ],
};
const receiveOutput = {
  Messages: [
    {
      MessageId: 'm1',
      ReceiptHandle: 'rh+/=',
      MD5OfBody: md5(' a\r\nb & <c> \t😀 '),
      Body: ' a\r\nb & <c> \t😀 ',
      Attributes: { SentTimestamp: '1700000000000', ApproximateReceiveCount: '2' },
      MD5OfMessageAttributes: 'ignored-by-js-sdk',
      MessageAttributes: {
        s: { StringValue: 'v', DataType: 'String' },
        b: { BinaryValue: Buffer.from([9, 8, 7]), DataType: 'Binary' },
      },
    },
  ],
};

describe.each(['query', 'json'] as const)('JS SDK v3 over %s', (protocol) => {
  it('SendMessageBatch: request decodes to the input, result parses to the output', async () => {
    const { client, seen, expectNext } = fakeSqs(protocol);
    const output = {
      Successful: [
        { Id: 'a', MessageId: 'm-a', MD5OfMessageBody: md5(batchInput.Entries[0]!.MessageBody) },
        { Id: 'b', MessageId: 'm-b', MD5OfMessageBody: md5('😀'), SequenceNumber: '1' },
      ],
      Failed: [{ Id: 'c', SenderFault: true, Code: 'InvalidParameterValue', Message: 'no' }],
    };
    expectNext({ op: 'SendMessageBatch', output });
    const result = await client.send(new SendMessageBatchCommand(batchInput));
    expect(seen[0]).toEqual(batchInput);
    expect(normal(result)).toEqual(output);
  });

  it('ReceiveMessage: attributes, message attributes and exact bodies', async () => {
    const { client, seen, expectNext } = fakeSqs(protocol);
    expectNext({ op: 'ReceiveMessage', output: receiveOutput });
    const input = {
      QueueUrl: QUEUE,
      MessageSystemAttributeNames: ['All' as const],
      MessageAttributeNames: ['All'],
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 0,
    };
    const result = await client.send(new ReceiveMessageCommand(input));
    // awsQuery sends MessageSystemAttributeNames as AttributeName.N, which also reads as AttributeNames.
    expect(seen[0]).toEqual(protocol === 'query' ? { ...input, AttributeNames: ['All'] } : input);
    expect(normal(result)).toEqual(receiveOutput);
  });

  it('queue management operations', async () => {
    const { client, seen, expectNext } = fakeSqs(protocol);
    const create = { QueueName: 'q', Attributes: { DelaySeconds: '5' }, tags: { env: 'dev' } };
    expectNext({ op: 'CreateQueue', output: { QueueUrl: QUEUE } });
    expect((await client.send(new CreateQueueCommand(create))).QueueUrl).toBe(QUEUE);
    expect(seen[0]).toEqual(create);

    expectNext({
      op: 'GetQueueAttributes',
      output: { Attributes: { DelaySeconds: '5', Policy: '<&>' } },
    });
    const attrs = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: QUEUE, AttributeNames: ['All'] }),
    );
    expect(attrs.Attributes).toEqual({ DelaySeconds: '5', Policy: '<&>' });
    expect(seen[1]).toEqual({ QueueUrl: QUEUE, AttributeNames: ['All'] });

    expectNext({ op: 'ListQueues', output: { QueueUrls: [QUEUE, `${QUEUE}2`], NextToken: 'n' } });
    const list = await client.send(new ListQueuesCommand({ QueueNamePrefix: 'q', MaxResults: 2 }));
    expect(normal(list)).toEqual({ QueueUrls: [QUEUE, `${QUEUE}2`], NextToken: 'n' });

    expectNext({ op: 'TagQueue' });
    await client.send(new TagQueueCommand({ QueueUrl: QUEUE, Tags: { a: '1', b: '' } }));
    expect(seen[3]).toEqual({ QueueUrl: QUEUE, Tags: { a: '1', b: '' } });

    expectNext({ op: 'ListQueueTags', output: { Tags: { a: '1' } } });
    expect((await client.send(new ListQueueTagsCommand({ QueueUrl: QUEUE }))).Tags).toEqual({
      a: '1',
    });

    expectNext({
      op: 'ChangeMessageVisibilityBatch',
      output: { Successful: [{ Id: 'x' }], Failed: [] },
    });
    const cmv = await client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: QUEUE,
        Entries: [{ Id: 'x', ReceiptHandle: 'r', VisibilityTimeout: 0 }],
      }),
    );
    expect(cmv.Successful).toEqual([{ Id: 'x' }]);
  });
});

describe('JS SDK v3 over query: errors and arbitrary bodies', () => {
  it('maps our ErrorResponse to the modelled exception', async () => {
    const { client, expectNext } = fakeSqs('query');
    expectNext({ op: 'SendMessage', error: true });
    const err = await client
      .send(new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: 'x' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueueDoesNotExist);
    expect((err as Error).message).toBe('The specified queue does not exist.');
  });

  it('decodes arbitrary SendMessage inputs as the SDK serializes them', async () => {
    const { client, seen, expectNext } = fakeSqs('query');
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const attribute = fc.oneof(
      fc.record({ DataType: fc.constant('String'), StringValue: text }),
      fc.record({ DataType: fc.constant('Binary'), BinaryValue: fc.uint8Array({ maxLength: 8 }) }),
    );
    const input = fc.record(
      {
        QueueUrl: fc.constant(QUEUE),
        MessageBody: text,
        DelaySeconds: fc.integer({ min: 0, max: 900 }),
        MessageAttributes: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), attribute, {
          minKeys: 1, // the query protocol has no way to send an empty map
          maxKeys: 4,
        }),
        MessageGroupId: text,
      },
      { requiredKeys: ['QueueUrl', 'MessageBody'] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (sent) => {
        seen.length = 0;
        expectNext({
          op: 'SendMessage',
          output: { MessageId: 'm', MD5OfMessageBody: md5(sent.MessageBody) },
        });
        await client.send(new SendMessageCommand(sent));
        expect(seen[0]).toEqual(normal(sent));
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips SQS-legal bodies (the SDK checks their MD5 too)', async () => {
    const { client, expectNext } = fakeSqs('query');
    const legal = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
    await fc.assert(
      fc.asyncProperty(
        // The JS SDK's XML parser drops whitespace-only text that contains a line feed.
        fc.stringMatching(legal).filter((s) => !(s.trim() === '' && /[\r\n]/.test(s))),
        async (body) => {
          expectNext({
            op: 'ReceiveMessage',
            output: {
              Messages: [{ MessageId: 'm', ReceiptHandle: 'r', MD5OfBody: md5(body), Body: body }],
            },
          });
          const result = await client.send(new ReceiveMessageCommand({ QueueUrl: QUEUE }));
          expect(result.Messages?.[0]?.Body).toBe(body);
        },
      ),
      { numRuns: 200 },
    );
  });
});
