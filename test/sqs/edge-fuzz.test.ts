/**
 * Whole-edge fuzzing: correctly signed requests whose contents are random — JSON bodies for
 * random SQS targets, form bodies with random parameters for random actions — sent to a real
 * server. Property: every answer is 200 or a 4xx in the protocol's error shape, promptly; never a
 * 500, a hang or a crash.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQS_OPERATIONS } from '../../src/protocols/aws/sqs/sqs-service.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { signedPost } from './drivers/http.js';

let t: TestServer;
let queueUrl: string;
beforeAll(async () => {
  t = await startTestServer();
  queueUrl = `${t.url}/000000000000/fuzz-target`;
  await signedPost(t.url, '/', JSON.stringify({ QueueName: 'fuzz-target' }), {
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'AmazonSQS.CreateQueue',
  });
});
afterAll(async () => {
  await t.close();
});

const operations = [...Object.keys(SQS_OPERATIONS), 'NoSuchOperation', ''];
const memberNames = [
  'QueueUrl',
  'QueueName',
  'MessageBody',
  'MaxNumberOfMessages',
  'WaitTimeSeconds',
  'VisibilityTimeout',
  'ReceiptHandle',
  'Entries',
  'Attributes',
  'MessageAttributes',
  'AttributeNames',
  'Tags',
  'TagKeys',
  'Label',
  'SourceArn',
  'DelaySeconds',
  'MessageGroupId',
  'TaskHandle',
];
const anyJson = fc.jsonValue({ maxDepth: 4 });
const member = fc.oneof(fc.constantFrom(...memberNames), fc.string({ maxLength: 12 }));
const value = (queueUrl: string) =>
  fc.oneof(
    anyJson,
    fc.constant(queueUrl),
    fc.constantFrom(
      'fuzz-target',
      'AQEB',
      '',
      'All',
      'arn:aws:sqs:us-east-1:000000000000:fuzz-target',
    ),
  );
const jsonBody = (queueUrl: string) =>
  fc.oneof(
    fc
      .dictionary(member, value(queueUrl), { maxKeys: 6 })
      .map((o) => JSON.stringify({ QueueUrl: queueUrl, ...o })),
    fc.string({ maxLength: 200 }),
    anyJson.map((v) => JSON.stringify(v)),
  );
const formKey = fc.oneof(
  fc.constantFrom(...memberNames),
  fc
    .tuple(
      fc.constantFrom(
        'Attribute',
        'MessageAttribute',
        'Entries',
        'SendMessageBatchRequestEntry',
        'Tag',
        'AttributeName',
      ),
      fc.integer({ min: -1, max: 12 }),
      fc.constantFrom(
        '',
        '.Name',
        '.Value',
        '.Id',
        '.MessageBody',
        '.Value.DataType',
        '.Value.StringValue',
      ),
    )
    .map(([a, n, b]) => `${a}.${n}${b}`),
  fc.string({ maxLength: 16 }),
);
const formBody = (queueUrl: string) =>
  fc
    .tuple(
      fc.constantFrom(...operations),
      fc.array(fc.tuple(formKey, fc.string({ maxLength: 40 })), { maxLength: 10 }),
    )
    .map(([action, pairs]) => {
      const p = new URLSearchParams({ Action: action, Version: '2012-11-05', QueueUrl: queueUrl });
      for (const [k, v] of pairs) p.append(k, v);
      return p.toString();
    });

function expectWellFormed(status: number, body: string, json: boolean): void {
  expect(
    status === 200 || (status >= 400 && status < 500),
    `status ${status}: ${body.slice(0, 300)}`,
  ).toBe(true);
  if (status === 200) return;
  if (json) expect(JSON.parse(body)).toHaveProperty('__type');
  else expect(body).toMatch(/<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>[^<]+<\/Code>/);
}

describe('edge fuzzing through a real server', () => {
  it('JSON protocol: random targets and bodies never produce a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), jsonBody(queueUrl), async (op, body) => {
        const started = Date.now();
        const res = await signedPost(t.url, '/', body, {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `AmazonSQS.${op}`,
        });
        expect(Date.now() - started).toBeLessThan(25_000);
        expectWellFormed(res.status, res.body, true);
      }),
      { numRuns: 250 },
    );
  });

  it('query protocol: random actions and parameters never produce a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(formBody(queueUrl), async (body) => {
        const res = await signedPost(t.url, '/', body, {
          'content-type': 'application/x-www-form-urlencoded',
        });
        expectWellFormed(res.status, res.body, false);
      }),
      { numRuns: 250 },
    );
  });
});
