/**
 * SQS behaviour, bad input: each with the exact code each protocol's clients see, and never a
 * 500. Malformed bodies, wrong member types, oversized messages and requests, invalid
 * characters, unknown actions and targets, unknown queues, invalid receipt handles, missing
 * parameters, and the SigV4 failures (bad signature, unknown key, missing or malformed auth,
 * expired or future dates, wrong service scope) crafted as raw requests of each protocol.
 *
 * Codes: raw JSON requests report the `__type` shape name (and carry the legacy code in
 * `x-amzn-query-error`); calls through the JS SDK report the SDK's view — the shape name for
 * errors SQS models, the `x-amzn-query-error` code for the rest (the SDK is awsQueryCompatible);
 * query requests report `<Error><Code>`.
 */
import { describe, expect, it } from 'vitest';
import { expectRawError, expectSqsError, type RawCall } from './drivers/driver.js';
import { createQueue, PROTOCOLS, useSqsServer } from './drivers/fixture.js';
import { signRequest } from '../../src/protocols/aws/sigv4/sign.js';
import { httpRequest } from './drivers/http.js';

const fx = useSqsServer();

const NON_EXISTENT = {
  json: 'QueueDoesNotExist',
  query: 'AWS.SimpleQueueService.NonExistentQueue',
};
const INVALID_CONTENTS = 'InvalidMessageContents';

describe.each(PROTOCOLS)('bad input over %s', (protocol) => {
  const d = () => fx.driver(protocol);
  /** A raw request of this protocol with the given members (JSON object / form fields). */
  const raw = (op: string, members: Record<string, string | number>): RawCall =>
    protocol === 'json'
      ? { op, body: JSON.stringify(members) }
      : {
          op,
          body: new URLSearchParams(
            Object.entries(members).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString(),
        };

  it('wrong member types: a string for MaxNumberOfMessages', async () => {
    const { url } = await createQueue(d(), 'types');
    // The SDK sends what it is given; the server refuses it like AWS's JSON and query front ends.
    await expectSqsError(
      d(),
      d().call('ReceiveMessage', {
        QueueUrl: url,
        MaxNumberOfMessages: 'ten' as unknown as number,
      }),
      { json: 'SerializationException', query: 'InvalidParameterValue' },
      400,
    );
    await expectRawError(
      d(),
      raw('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 'ten' }),
      {
        json: 'SerializationException',
        query: 'InvalidParameterValue',
      },
      400,
    );
    await expectRawError(
      d(),
      raw('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: '1.5' }),
      {
        json: 'SerializationException',
        query: 'InvalidParameterValue',
      },
      400,
    );
  });

  it.runIf(protocol === 'json')(
    'malformed JSON bodies: SerializationException with the query-compatible header',
    async () => {
      const { url } = await createQueue(d(), 'malformed');
      for (const body of [
        '{"QueueUrl": ',
        'null',
        '[]',
        '"text"',
        '{"QueueUrl": "x",}',
        '\u0000',
      ]) {
        const err = await expectRawError(
          d(),
          { op: 'SendMessage', body },
          'SerializationException',
          400,
        );
        expect(err.queryErrorHeader).toBe('SerializationException;Sender');
      }
      await expectRawError(
        d(),
        { op: 'SendMessage', body: JSON.stringify({ QueueUrl: url, MessageBody: 5 }) },
        'SerializationException',
        400,
      );
      await expectRawError(
        d(),
        { op: 'SendMessageBatch', body: JSON.stringify({ QueueUrl: url, Entries: { Id: 'a' } }) },
        'SerializationException',
        400,
      );
    },
  );

  it.runIf(protocol === 'query')('malformed query lists: InvalidQueryParameter', async () => {
    await expectRawError(
      d(),
      {
        op: 'CreateQueue',
        body: 'QueueName=bad-index&Attribute.0.Name=DelaySeconds&Attribute.0.Value=1',
      },
      'InvalidQueryParameter',
      400,
    );
    await expectRawError(
      d(),
      {
        op: 'CreateQueue',
        body: 'QueueName=bad-index&Attribute.x.Name=DelaySeconds&Attribute.x.Value=1',
      },
      'InvalidQueryParameter',
      400,
    );
  });

  it('a message over 1 MiB: InvalidParameterValue; a request over the body limit: 413', async () => {
    const { url } = await createQueue(d(), 'oversized');
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: 'x'.repeat(1_048_577) }),
      'InvalidParameterValue',
      400,
    );
    await expectRawError(
      d(),
      raw('SendMessage', { QueueUrl: url, MessageBody: 'x'.repeat(9 * 1024 * 1024) }),
      'RequestEntityTooLarge',
      413,
    );
  });

  it('characters outside the allowed set: InvalidMessageContents', async () => {
    const { url } = await createQueue(d(), 'chars');
    for (const body of [
      'nul \u0000',
      'bell \u0007',
      'vt \u000B',
      'nonchar \uFFFE',
      'nonchar \uFFFF',
      'esc \u001B',
    ]) {
      await expectSqsError(
        d(),
        d().call('SendMessage', { QueueUrl: url, MessageBody: body }),
        INVALID_CONTENTS,
        400,
      );
    }
    if (protocol === 'json') {
      // A lone surrogate can only travel as a JSON escape (UTF-8 cannot carry it).
      await expectRawError(
        d(),
        { op: 'SendMessage', body: `{"QueueUrl":"${url}","MessageBody":"x\\ud800y"}` },
        INVALID_CONTENTS,
        400,
      );
    }
    expect(
      (
        await d().call('GetQueueAttributes', {
          QueueUrl: url,
          AttributeNames: ['ApproximateNumberOfMessages'],
        })
      ).Attributes,
    ).toEqual({
      ApproximateNumberOfMessages: '0',
    });
  });

  it('an empty message body: MissingParameter', async () => {
    const { url } = await createQueue(d(), 'empty-body');
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: '' }),
      'MissingParameter',
      400,
    );
    await expectRawError(d(), raw('SendMessage', { QueueUrl: url }), 'MissingParameter', 400);
    await expectRawError(d(), raw('CreateQueue', {}), 'MissingParameter', 400);
  });

  it('unknown actions and targets', async () => {
    if (protocol === 'json') {
      for (const target of ['AmazonSQS.Frobnicate', 'AmazonSNS.Publish', 'NoDot', 'AmazonSQS.']) {
        const err = await expectRawError(d(), { op: '', target }, 'UnknownOperationException', 400);
        expect(err.queryErrorHeader).toBe('InvalidAction;Sender');
      }
    } else {
      await expectRawError(d(), { op: 'Frobnicate' }, 'InvalidAction', 400);
      await expectRawError(d(), { op: 'Publish' }, 'InvalidAction', 400);
      await expectRawError(d(), { op: '', form: 'Version=2012-11-05' }, 'MissingParameter', 400);
    }
  });

  it('unknown queues: NonExistentQueue from every queue operation', async () => {
    const { url } = await createQueue(d(), 'unknown');
    const missing = `${url}-missing`;
    const calls = [
      () => d().call('SendMessage', { QueueUrl: missing, MessageBody: 'x' }),
      () => d().call('ReceiveMessage', { QueueUrl: missing }),
      () => d().call('DeleteMessage', { QueueUrl: missing, ReceiptHandle: 'x' }),
      () =>
        d().call('ChangeMessageVisibility', {
          QueueUrl: missing,
          ReceiptHandle: 'x',
          VisibilityTimeout: 1,
        }),
      () => d().call('GetQueueAttributes', { QueueUrl: missing, AttributeNames: ['All'] }),
      () =>
        d().call('SetQueueAttributes', { QueueUrl: missing, Attributes: { DelaySeconds: '1' } }),
      () => d().call('PurgeQueue', { QueueUrl: missing }),
      () => d().call('DeleteQueue', { QueueUrl: missing }),
      () => d().call('ListQueueTags', { QueueUrl: missing }),
      () => d().call('TagQueue', { QueueUrl: missing, Tags: { a: 'b' } }),
      () => d().call('UntagQueue', { QueueUrl: missing, TagKeys: ['a'] }),
      () =>
        d().call('AddPermission', {
          QueueUrl: missing,
          Label: 'l',
          AWSAccountIds: ['000000000000'],
          Actions: ['SendMessage'],
        }),
      () => d().call('RemovePermission', { QueueUrl: missing, Label: 'l' }),
      () => d().call('ListDeadLetterSourceQueues', { QueueUrl: missing }),
      () => d().call('GetQueueUrl', { QueueName: 'no-such-queue-anywhere' }),
    ];
    // Thunks: each call starts only when awaited, so no rejection is ever left unhandled.
    for (const call of calls) await expectSqsError(d(), call(), NON_EXISTENT, 400);
  });

  it('invalid receipt handles: ReceiptHandleIsInvalid', async () => {
    const { url } = await createQueue(d(), 'handles');
    for (const handle of [
      'garbage',
      'not base64 !',
      'U1kxfDF8MXxzaG9ydA==',
      Buffer.from('SY1|1|1|abcdefghij').toString('base64'),
      'x'.repeat(2000),
    ]) {
      await expectSqsError(
        d(),
        d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: handle }),
        'ReceiptHandleIsInvalid',
        404,
      );
    }
    await expectSqsError(
      d(),
      d().call('ChangeMessageVisibility', {
        QueueUrl: url,
        ReceiptHandle: 'garbage',
        VisibilityTimeout: 5,
      }),
      'ReceiptHandleIsInvalid',
      404,
    );
  });

  describe('SigV4 failures', () => {
    const cases: {
      what: string;
      sign: RawCall['sign'];
      headers?: Record<string, string>;
      json: string;
      query: string;
      status: number;
    }[] = [
      {
        what: 'bad signature',
        sign: { tamperSignature: true },
        json: 'InvalidSignatureException',
        query: 'SignatureDoesNotMatch',
        status: 403,
      },
      {
        what: 'wrong secret',
        sign: { secretAccessKey: 'not-the-secret' },
        json: 'InvalidSignatureException',
        query: 'SignatureDoesNotMatch',
        status: 403,
      },
      {
        what: 'unknown access key',
        sign: { accessKeyId: 'AKIAUNKNOWNKEY000000' },
        json: 'UnrecognizedClientException',
        query: 'InvalidClientTokenId',
        status: 403,
      },
      {
        what: 'missing auth',
        sign: { auth: 'none' },
        json: 'MissingAuthenticationTokenException',
        query: 'MissingAuthenticationToken',
        status: 403,
      },
      {
        what: 'malformed Authorization header',
        sign: { auth: 'none' },
        headers: { authorization: 'AWS4-HMAC-SHA256 garbage' },
        json: 'IncompleteSignatureException',
        query: 'IncompleteSignature',
        status: 400,
      },
      {
        what: 'expired date',
        sign: { now: new Date(Date.now() - 10 * 60_000) },
        json: 'InvalidSignatureException',
        query: 'RequestExpired',
        status: 400,
      },
      {
        what: 'future date',
        sign: { now: new Date(Date.now() + 10 * 60_000) },
        json: 'InvalidSignatureException',
        query: 'RequestExpired',
        status: 400,
      },
      {
        what: 'wrong service scope',
        sign: { service: 'sns' },
        json: 'InvalidSignatureException',
        query: 'SignatureDoesNotMatch',
        status: 403,
      },
    ];
    for (const c of cases) {
      it(`${c.what}: ${protocol === 'json' ? c.json : c.query}`, async () => {
        const err = await expectRawError(
          d(),
          {
            op: 'ListQueues',
            body: protocol === 'json' ? '{}' : '',
            sign: c.sign,
            ...(c.headers ? { headers: c.headers } : {}),
          },
          c,
          c.status,
        );
        if (protocol === 'json') expect(err.queryErrorHeader).toBe(`${c.query};Sender`);
      });
    }

    it('the real client with a wrong secret is refused', async () => {
      const wrong = fx.driver(protocol, { secretAccessKey: 'wrong-secret' });
      // The JS SDK reports unmodelled errors by their x-amzn-query-error code.
      const err = await expectSqsError(
        wrong,
        wrong.call('ListQueues', {}),
        'SignatureDoesNotMatch',
        403,
      );
      if (protocol === 'json') expect(err.jsonType).toBe('InvalidSignatureException');
    });

    it('a modified body after signing is refused', async () => {
      const { url } = await createQueue(d(), 'tamper');
      const res = await d().raw({
        ...raw('SendMessage', { QueueUrl: url, MessageBody: 'original' }),
        // the signed payload hash names another body
        headers: {
          'x-amz-content-sha256':
            'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        },
      });
      expect(res.error?.code).toBe(
        protocol === 'json' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch',
      );
      expect(res.status).toBe(403);
    });
  });

  it('never a 500: hostile requests get a 4xx in the protocol shape (batches: per-entry failures)', async () => {
    const { url } = await createQueue(d(), 'hostile');
    const requests: RawCall[] =
      protocol === 'json'
        ? [
            { op: 'SendMessage', body: '{'.repeat(10_000) },
            { op: 'SendMessage', body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
            {
              op: 'SendMessage',
              body: JSON.stringify({ QueueUrl: url, MessageBody: 'x', DelaySeconds: 1e308 }),
            },
            {
              op: 'SendMessage',
              body: JSON.stringify({ QueueUrl: url, MessageBody: 'x', DelaySeconds: -0.5 }),
            },
            {
              op: 'SendMessage',
              body: JSON.stringify({
                QueueUrl: url,
                MessageBody: 'x',
                MessageAttributes: { a: { DataType: 'Binary', BinaryValue: '***' } },
              }),
            },
            {
              op: 'SendMessage',
              body: JSON.stringify({
                QueueUrl: url,
                MessageBody: 'x',
                MessageAttributes: { a: { StringValue: 'no type' } },
              }),
            },
            { op: 'SendMessage', body: JSON.stringify({ QueueUrl: 12, MessageBody: 'x' }) },
            {
              op: 'SendMessage',
              body: JSON.stringify({ QueueUrl: 'http://[::1', MessageBody: 'x' }),
            },
            { op: 'SendMessage', body: JSON.stringify({ QueueUrl: `${url}%`, MessageBody: 'x' }) },
            { op: 'SendMessageBatch', body: JSON.stringify({ QueueUrl: url, Entries: [null] }) },
            {
              op: 'SendMessageBatch',
              body: JSON.stringify({ QueueUrl: url, Entries: [{ Id: 'a' }] }),
            },
            {
              op: 'DeleteMessageBatch',
              body: JSON.stringify({ QueueUrl: url, Entries: [{ Id: 'a' }] }),
            },
            {
              op: 'ChangeMessageVisibilityBatch',
              body: JSON.stringify({ QueueUrl: url, Entries: [{ Id: 'a', ReceiptHandle: 'x' }] }),
            },
            {
              op: 'CreateQueue',
              body: JSON.stringify({
                QueueName: 'q',
                Attributes: { RedrivePolicy: '{"deadLetterTargetArn":null}' },
              }),
            },
            {
              op: 'CreateQueue',
              body: JSON.stringify({ QueueName: 'q', Attributes: { DelaySeconds: 5 } }),
            },
            { op: 'StartMessageMoveTask', body: JSON.stringify({ SourceArn: 'arn:aws:sqs:::' }) },
            { op: 'CancelMessageMoveTask', body: JSON.stringify({ TaskHandle: '' }) },
            { op: 'ListQueues', body: JSON.stringify({ MaxResults: 2, NextToken: '%%%' }) },
            { op: 'SendMessage', body: '{}', headers: { 'content-type': 'text/plain' } },
          ]
        : [
            {
              op: 'SendMessage',
              body: `QueueUrl=${encodeURIComponent(url)}&MessageBody=x&DelaySeconds=1e308`,
            },
            {
              op: 'SendMessage',
              body: `QueueUrl=${encodeURIComponent(url)}&MessageBody=x&MessageAttribute.1.Name=a`,
            },
            {
              op: 'SendMessage',
              body: `QueueUrl=${encodeURIComponent(url)}&MessageBody=x&MessageAttribute.1.Value.DataType=String`,
            },
            {
              op: 'SendMessage',
              body: `QueueUrl=${encodeURIComponent(url)}&MessageBody=x&MessageAttribute.1.Name=b&MessageAttribute.1.Value.DataType=Binary&MessageAttribute.1.Value.BinaryValue=***`,
            },
            {
              op: 'SendMessage',
              body: `QueueUrl=${encodeURIComponent(url)}&MessageBody=x&MessageAttribute.99999999999999999999.Name=a`,
            },
            {
              op: 'SendMessage',
              body: `QueueUrl=${encodeURIComponent('http://[::1')}&MessageBody=x`,
            },
            { op: 'SendMessage', body: `QueueUrl=${encodeURIComponent(`${url}%`)}&MessageBody=x` },
            { op: 'SendMessage', body: 'MessageBody=no-queue-url' },
            {
              op: 'SendMessageBatch',
              body: `QueueUrl=${encodeURIComponent(url)}&SendMessageBatchRequestEntry.1.Id=a`,
            },
            {
              op: 'DeleteMessageBatch',
              body: `QueueUrl=${encodeURIComponent(url)}&DeleteMessageBatchRequestEntry.1.Id=a`,
            },
            { op: 'ReceiveMessage', body: `QueueUrl=${encodeURIComponent(url)}&AttributeName=All` },
            {
              op: 'ReceiveMessage',
              body: `QueueUrl=${encodeURIComponent(url)}&MaxNumberOfMessages=99999999999999999999`,
            },
            { op: 'CreateQueue', body: 'QueueName=q&Attribute.1.Name=DelaySeconds' },
            {
              op: 'CreateQueue',
              body: 'QueueName=q&Attribute.1.Name=RedrivePolicy&Attribute.1.Value=%7B%7D',
            },
            { op: 'StartMessageMoveTask', body: 'SourceArn=arn%3Aaws%3Asqs%3A%3A%3A' },
            { op: 'CancelMessageMoveTask', body: 'TaskHandle=' },
            { op: 'ListQueues', body: 'MaxResults=2&NextToken=%25%25' },
            { op: 'ListQueues', body: '', headers: { 'content-type': 'text/plain' } },
            { op: '', form: '&&&==&=&' },
            { op: '', form: 'Action=SendMessage&Action=ReceiveMessage&Version=2012-11-05' },
          ];
    for (const req of requests) {
      const res = await d().raw(req);
      const label = `${req.op} ${(req.body ?? req.form ?? '').slice(0, 120)}`;
      expect(res.status, label).toBeLessThan(500);
      // A batch answers per entry (200 with Failed entries); everything else is a 4xx with a code.
      if (res.status === 200) expect(req.op, label).toMatch(/Batch$/);
      else expect(res.error?.code, `${label}: ${res.body.slice(0, 200)}`).toMatch(/^[A-Za-z.]+$/);
    }
  });

  it.runIf(protocol === 'query')(
    'GET requests of the query protocol work like POSTs; unsigned ones are refused',
    async () => {
      const { url } = await createQueue(d(), 'get');
      const target = new URL(
        `/?Action=GetQueueAttributes&Version=2012-11-05&AttributeName.1=QueueArn&QueueUrl=${encodeURIComponent(url)}`,
        fx.server.url,
      );
      const headers = signRequest({
        method: 'GET',
        host: target.host,
        path: target.pathname,
        query: target.search.slice(1),
        headers: {},
        body: '',
        accessKeyId: 'test',
        secretAccessKey: 'test',
        region: 'us-east-1',
        service: 'sqs',
      });
      const res = await httpRequest(target.toString(), {
        method: 'GET',
        headers: { host: target.host, ...headers },
      });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<Name>QueueArn</Name>');
      const unsigned = await httpRequest(target.toString(), { method: 'GET' });
      expect(unsigned.status).toBe(403);
      expect(unsigned.body).toContain('<Code>MissingAuthenticationToken</Code>');
    },
  );
});
