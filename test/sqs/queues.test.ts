/**
 * SQS behaviour, queues: every operation answers, CreateQueue idempotency and conflicts,
 * QueueDeletedRecently, GetQueueUrl, ListQueues (prefix, pagination), path-style queue URLs
 * accepted whatever host the client used, query posts to the queue URL path, region scoping.
 * Each case runs through the JS SDK (JSON) and through raw signed query posts.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { ALL_OPERATIONS, expectSqsError, type OpName, type SqsDriver } from './drivers/driver.js';
import {
  ACCOUNT,
  createQueue,
  PROTOCOLS,
  sleep,
  uniqueName,
  useSqsServer,
} from './drivers/fixture.js';
import { httpRequest } from './drivers/http.js';
import { QueryDriver } from './drivers/query-driver.js';

const fx = useSqsServer();

const NON_EXISTENT = {
  json: 'QueueDoesNotExist',
  query: 'AWS.SimpleQueueService.NonExistentQueue',
};
const NAME_EXISTS = { json: 'QueueNameExists', query: 'QueueAlreadyExists' };
const DELETED_RECENTLY = {
  json: 'QueueDeletedRecently',
  query: 'AWS.SimpleQueueService.QueueDeletedRecently',
};

describe.each(PROTOCOLS)('queues over %s', (protocol) => {
  const d = () => fx.driver(protocol);

  it('every one of the 23 operations answers', async () => {
    const called = new Set<OpName>();
    const drv = d();
    const call: SqsDriver['call'] = (op, input) => {
      called.add(op);
      return drv.call(op, input);
    };
    const srcName = uniqueName(`tour-${protocol}`);
    const dlqName = `${srcName}-dlq`;
    const dlq = (await call('CreateQueue', { QueueName: dlqName })).QueueUrl!;
    const dlqArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:${dlqName}`;
    const srcArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:${srcName}`;
    const src = (
      await call('CreateQueue', {
        QueueName: srcName,
        Attributes: {
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }),
        },
      })
    ).QueueUrl!;
    expect((await call('GetQueueUrl', { QueueName: srcName })).QueueUrl).toBe(src);
    expect((await call('ListQueues', { QueueNamePrefix: srcName })).QueueUrls).toEqual([src, dlq]);
    await call('SetQueueAttributes', { QueueUrl: src, Attributes: { VisibilityTimeout: '7' } });
    expect(
      (await call('GetQueueAttributes', { QueueUrl: src, AttributeNames: ['VisibilityTimeout'] }))
        .Attributes,
    ).toEqual({
      VisibilityTimeout: '7',
    });
    await call('TagQueue', { QueueUrl: src, Tags: { team: 'core', env: 'dev' } });
    await call('UntagQueue', { QueueUrl: src, TagKeys: ['env'] });
    expect((await call('ListQueueTags', { QueueUrl: src })).Tags).toEqual({ team: 'core' });
    await call('AddPermission', {
      QueueUrl: src,
      Label: 'l1',
      AWSAccountIds: [ACCOUNT],
      Actions: ['SendMessage'],
    });
    await call('RemovePermission', { QueueUrl: src, Label: 'l1' });
    await call('SendMessage', { QueueUrl: src, MessageBody: 'one' });
    const batch = await call('SendMessageBatch', {
      QueueUrl: src,
      Entries: [
        { Id: 'a', MessageBody: 'two' },
        { Id: 'b', MessageBody: 'three' },
      ],
    });
    expect(batch.Successful).toHaveLength(2);
    const got =
      (
        await call('ReceiveMessage', {
          QueueUrl: src,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 30,
        })
      ).Messages ?? [];
    expect(got.map((m) => m.Body).sort()).toEqual(['one', 'three', 'two']);
    await call('ChangeMessageVisibility', {
      QueueUrl: src,
      ReceiptHandle: got[0]!.ReceiptHandle!,
      VisibilityTimeout: 60,
    });
    const cvb = await call('ChangeMessageVisibilityBatch', {
      QueueUrl: src,
      Entries: [{ Id: 'x', ReceiptHandle: got[1]!.ReceiptHandle!, VisibilityTimeout: 60 }],
    });
    expect(cvb.Successful).toEqual([{ Id: 'x' }]);
    await call('DeleteMessage', { QueueUrl: src, ReceiptHandle: got[0]!.ReceiptHandle! });
    const dmb = await call('DeleteMessageBatch', {
      QueueUrl: src,
      Entries: [
        { Id: 'y', ReceiptHandle: got[1]!.ReceiptHandle! },
        { Id: 'z', ReceiptHandle: got[2]!.ReceiptHandle! },
      ],
    });
    expect(dmb.Successful?.map((e) => e.Id).sort()).toEqual(['y', 'z']);
    await call('PurgeQueue', { QueueUrl: src });
    expect((await call('ListDeadLetterSourceQueues', { QueueUrl: dlq })).queueUrls).toEqual([src]);
    for (let i = 0; i < 5; i++)
      await drv.call('SendMessage', { QueueUrl: dlq, MessageBody: `dead ${i}` });
    // Sent straight to the DLQ, these messages have no source queue: name the destination.
    const { TaskHandle } = await call('StartMessageMoveTask', {
      SourceArn: dlqArn,
      DestinationArn: srcArn,
      MaxNumberOfMessagesPerSecond: 1,
    });
    expect(TaskHandle).toBeTruthy();
    const tasks = await call('ListMessageMoveTasks', { SourceArn: dlqArn });
    expect(tasks.Results?.[0]?.Status).toBe('RUNNING');
    await call('CancelMessageMoveTask', { TaskHandle: TaskHandle! });
    await call('DeleteQueue', { QueueUrl: src });
    await call('DeleteQueue', { QueueUrl: dlq });
    expect([...called].sort()).toEqual([...ALL_OPERATIONS].sort());
  });

  it('CreateQueue returns a path-style URL http://HOST:PORT/ACCOUNT/NAME', async () => {
    const name = uniqueName(`url-${protocol}`);
    const { QueueUrl } = await d().call('CreateQueue', { QueueName: name });
    expect(QueueUrl).toBe(`${fx.server.url}/${ACCOUNT}/${name}`);
    expect(QueueUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/000000000000\/url-/);
  });

  it('CreateQueue is idempotent for identical attributes (and tags)', async () => {
    const name = uniqueName(`idem-${protocol}`);
    const input = {
      QueueName: name,
      Attributes: { VisibilityTimeout: '45', DelaySeconds: '2' },
      tags: { a: '1' },
    };
    const first = await d().call('CreateQueue', input);
    const second = await d().call('CreateQueue', input);
    expect(second.QueueUrl).toBe(first.QueueUrl);
    // Only the attributes given are compared: a bare CreateQueue returns the existing queue.
    expect((await d().call('CreateQueue', { QueueName: name })).QueueUrl).toBe(first.QueueUrl);
    // Canonical forms compare equal.
    expect(
      (await d().call('CreateQueue', { QueueName: name, Attributes: { VisibilityTimeout: '045' } }))
        .QueueUrl,
    ).toBe(first.QueueUrl);
  });

  it('CreateQueue with different attributes: QueueNameExists (JSON) / QueueAlreadyExists (query)', async () => {
    const name = uniqueName(`conflict-${protocol}`);
    await d().call('CreateQueue', { QueueName: name, Attributes: { VisibilityTimeout: '45' } });
    const err = await expectSqsError(
      d(),
      d().call('CreateQueue', { QueueName: name, Attributes: { VisibilityTimeout: '46' } }),
      NAME_EXISTS,
      400,
    );
    expect(err.errorMessage).toContain('VisibilityTimeout');
    // After SetQueueAttributes the new value is the one that matches.
    const url = (await d().call('GetQueueUrl', { QueueName: name })).QueueUrl!;
    await d().call('SetQueueAttributes', {
      QueueUrl: url,
      Attributes: { VisibilityTimeout: '46' },
    });
    expect(
      (await d().call('CreateQueue', { QueueName: name, Attributes: { VisibilityTimeout: '46' } }))
        .QueueUrl,
    ).toBe(url);
  });

  it('QueueDeletedRecently within 60 s of a delete; the deleted queue is gone', async () => {
    const { url, name } = await createQueue(d(), 'deleted');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'x' });
    await d().call('DeleteQueue', { QueueUrl: url });
    await expectSqsError(d(), d().call('CreateQueue', { QueueName: name }), DELETED_RECENTLY, 400);
    await expectSqsError(d(), d().call('GetQueueUrl', { QueueName: name }), NON_EXISTENT, 400);
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: 'x' }),
      NON_EXISTENT,
      400,
    );
    await expectSqsError(d(), d().call('DeleteQueue', { QueueUrl: url }), NON_EXISTENT, 400);
    expect((await d().call('ListQueues', { QueueNamePrefix: name })).QueueUrls).toBeUndefined();
  });

  it('GetQueueUrl: by name, with the own account as owner, unknown names fail', async () => {
    const { url, name } = await createQueue(d(), 'geturl');
    expect((await d().call('GetQueueUrl', { QueueName: name })).QueueUrl).toBe(url);
    expect(
      (await d().call('GetQueueUrl', { QueueName: name, QueueOwnerAWSAccountId: ACCOUNT }))
        .QueueUrl,
    ).toBe(url);
    await expectSqsError(
      d(),
      d().call('GetQueueUrl', { QueueName: `${name}-nope` }),
      NON_EXISTENT,
      400,
    );
  });

  it('ListQueues: prefix filter, MaxResults/NextToken pagination in name order', async () => {
    const prefix = uniqueName(`list-${protocol}`);
    const names = ['e', 'a', 'c', 'b', 'd'].map((s) => `${prefix}-${s}`);
    for (const n of names) await d().call('CreateQueue', { QueueName: n });
    await d().call('CreateQueue', { QueueName: `other-${prefix}` });
    const urls = names.sort().map((n) => `${fx.server.url}/${ACCOUNT}/${n}`);

    const all = await d().call('ListQueues', { QueueNamePrefix: prefix });
    expect(all.QueueUrls).toEqual(urls);
    expect(all.NextToken).toBeUndefined();

    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = await d().call('ListQueues', {
        QueueNamePrefix: prefix,
        MaxResults: 2,
        ...(token ? { NextToken: token } : {}),
      });
      pages.push(page.QueueUrls ?? []);
      token = page.NextToken;
    } while (token);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(urls);

    expect(
      (await d().call('ListQueues', { QueueNamePrefix: `${prefix}-zzz` })).QueueUrls,
    ).toBeUndefined();
    await expectSqsError(
      d(),
      d().call('ListQueues', { MaxResults: 0 }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('ListQueues', { MaxResults: 1001 }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('ListQueues', { MaxResults: 1, NextToken: 'not-a-token' }),
      'InvalidParameterValue',
      400,
    );
  });

  it('requests are accepted by QueueUrl whatever host the URL names', async () => {
    const { url, name } = await createQueue(d(), 'hosts');
    const port = new URL(fx.server.url).port;
    const variants = [
      url,
      `http://localhost:${port}/${ACCOUNT}/${name}`,
      `http://127.0.0.1:${port}/${ACCOUNT}/${name}`,
      `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${name}`,
      `http://some.internal.name/${ACCOUNT}/${name}`,
    ];
    for (const [i, variant] of variants.entries()) {
      await d().call('SendMessage', { QueueUrl: variant, MessageBody: `via ${i}` });
    }
    const attrs = await d().call('GetQueueAttributes', {
      QueueUrl: variants[3]!,
      AttributeNames: ['ApproximateNumberOfMessages'],
    });
    expect(attrs.Attributes?.ApproximateNumberOfMessages).toBe(String(variants.length));
    // A client that reached the server as localhost sees the same queue.
    const viaLocalhost = fx.driver(protocol, { endpoint: `http://localhost:${port}` });
    const got = await viaLocalhost.call('ReceiveMessage', {
      QueueUrl: variants[1]!,
      MaxNumberOfMessages: 10,
    });
    expect(got.Messages?.length).toBeGreaterThan(0);
  });

  it('a QueueUrl of another account is refused, a malformed one names no queue', async () => {
    const { name } = await createQueue(d(), 'acct');
    // AccessDenied is not an SQS shape: the JS SDK names it by its x-amzn-query-error code.
    const denied = await expectSqsError(
      d(),
      d().call('SendMessage', {
        QueueUrl: `${fx.server.url}/111122223333/${name}`,
        MessageBody: 'x',
      }),
      'AccessDenied',
      403,
    );
    if (protocol === 'json') expect(denied.jsonType).toBe('AccessDeniedException');
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: `${fx.server.url}/not-a-queue-url`, MessageBody: 'x' }),
      NON_EXISTENT,
      400,
    );
  });

  it('queues are scoped by region: another region does not see them', async () => {
    const { name } = await createQueue(d(), 'region');
    const west = fx.driver(protocol, { region: 'us-west-2' });
    await expectSqsError(west, west.call('GetQueueUrl', { QueueName: name }), NON_EXISTENT, 400);
    expect((await west.call('ListQueues', { QueueNamePrefix: name })).QueueUrls).toBeUndefined();
    const { QueueUrl } = await west.call('CreateQueue', {
      QueueName: name,
      Attributes: { DelaySeconds: '3' },
    });
    const attrs = await west.call('GetQueueAttributes', {
      QueueUrl: QueueUrl!,
      AttributeNames: ['QueueArn', 'DelaySeconds'],
    });
    expect(attrs.Attributes).toEqual({
      QueueArn: `arn:aws:sqs:us-west-2:${ACCOUNT}:${name}`,
      DelaySeconds: '3',
    });
  });

  it('queue names are validated', async () => {
    for (const bad of ['', 'has space', 'dot.name', 'x'.repeat(81), 'emoji😀']) {
      await expectSqsError(
        d(),
        d().call('CreateQueue', { QueueName: bad }),
        'InvalidParameterValue',
        400,
      );
    }
    // FIFO names need FifoQueue=true, and FifoQueue=true needs a .fifo name.
    await expectSqsError(
      d(),
      d().call('CreateQueue', { QueueName: `${uniqueName('n')}.fifo` }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('CreateQueue', { QueueName: uniqueName('n'), Attributes: { FifoQueue: 'true' } }),
      'InvalidParameterValue',
      400,
    );
    const max = `m${'x'.repeat(79)}`;
    expect(
      (
        await d().call('CreateQueue', {
          QueueName: `${max.slice(0, 74)}${protocol[0]}.fifo`,
          Attributes: { FifoQueue: 'true' },
        })
      ).QueueUrl,
    ).toMatch(/\.fifo$/);
  });

  it.runIf(protocol === 'query')(
    'query requests POSTed to the queue URL path need no QueueUrl parameter',
    async () => {
      const q = d() as QueryDriver;
      const { url } = await createQueue(q, 'path');
      await q.call(
        'SendMessage',
        { QueueUrl: url, MessageBody: 'posted to the path' },
        { postToQueueUrl: true },
      );
      const attrs = await q.call(
        'GetQueueAttributes',
        { QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] },
        { postToQueueUrl: true },
      );
      expect(attrs.Attributes).toEqual({ ApproximateNumberOfMessages: '1' });
      const got = await q.call('ReceiveMessage', { QueueUrl: url }, { postToQueueUrl: true });
      expect(got.Messages?.[0]?.Body).toBe('posted to the path');
      await q.call(
        'DeleteMessage',
        { QueueUrl: url, ReceiptHandle: got.Messages![0]!.ReceiptHandle! },
        { postToQueueUrl: true },
      );
      await q.call('DeleteQueue', { QueueUrl: url }, { postToQueueUrl: true });
      await expectSqsError(
        q,
        q.call('GetQueueUrl', { QueueName: new URL(url).pathname.split('/')[2]! }),
        NON_EXISTENT,
      );
    },
  );

  it('responses carry a request id and a Date header; query XML is in the SQS namespace', async () => {
    const ok = await d().raw({ op: 'ListQueues', body: protocol === 'json' ? '{}' : '' });
    expect(ok.status).toBe(200);
    const requestId = String(ok.headers['x-amzn-requestid']);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(String(ok.headers.date)) - Date.now())).toBeLessThan(5000);
    const failed = await d().raw({
      op: 'GetQueueUrl',
      body: protocol === 'json' ? '{"QueueName":"no-such-queue"}' : 'QueueName=no-such-queue',
    });
    expect(failed.status).toBe(400);
    expect(failed.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.headers.date).toBeTruthy();
    if (protocol === 'json') {
      expect(ok.headers['content-type']).toMatch(/^application\/x-amz-json-1\.0/);
      expect(JSON.parse(failed.body)).toEqual({
        __type: 'com.amazonaws.sqs#QueueDoesNotExist',
        message: 'The specified queue does not exist.',
      });
      expect(failed.headers['x-amzn-query-error']).toBe(
        'AWS.SimpleQueueService.NonExistentQueue;Sender',
      );
    } else {
      expect(ok.body).toMatch(
        /^<\?xml version="1\.0"\?><ListQueuesResponse xmlns="http:\/\/queue\.amazonaws\.com\/doc\/2012-11-05\/">/,
      );
      expect(ok.body).toContain(
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`,
      );
      expect(failed.body).toContain(
        '<ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">',
      );
      expect(failed.body).toContain(
        '<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>',
      );
      expect(failed.body).toContain(
        `<RequestId>${String(failed.headers['x-amzn-requestid'])}</RequestId>`,
      );
    }
  });

  it.runIf(protocol === 'query')(
    'presigned GET requests (signed by @smithy/signature-v4) to the queue URL or the root',
    async () => {
      const { url } = await createQueue(d(), 'presigned');
      const target = new URL(url);
      const signer = new SignatureV4({
        service: 'sqs',
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        sha256: Sha256,
      });
      const rfc3986 = (x: string) =>
        encodeURIComponent(x).replace(
          /[!'()*]/g,
          (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
        );
      for (const [path, extra] of [
        [target.pathname, {}],
        ['/', { QueueUrl: url }],
      ] as const) {
        const request = new HttpRequest({
          method: 'GET',
          protocol: 'http:',
          hostname: target.hostname,
          port: Number(target.port),
          path,
          query: {
            Action: 'SendMessage',
            Version: '2012-11-05',
            MessageBody: `presigned via ${path}`,
            ...extra,
          },
          headers: { host: target.host },
        });
        const signed = await signer.presign(request, { expiresIn: 300 });
        const query = Object.entries(signed.query as Record<string, string>)
          .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
          .join('&');
        const res = await httpRequest(`${fx.server.url}${path}?${query}`, { method: 'GET' });
        expect(res.status, res.body).toBe(200);
        expect(res.body).toContain(
          '<SendMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">',
        );
      }
      const got = await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 });
      expect(got.Messages?.map((m) => m.Body).sort()).toEqual(
        [`presigned via ${target.pathname}`, 'presigned via /'].sort(),
      );
    },
  );

  it('CreatedTimestamp and LastModifiedTimestamp are epoch seconds; LastModified moves on change', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { url } = await createQueue(d(), 'stamps');
    const a = (
      await d().call('GetQueueAttributes', {
        QueueUrl: url,
        AttributeNames: ['CreatedTimestamp', 'LastModifiedTimestamp'],
      })
    ).Attributes!;
    const created = Number(a.CreatedTimestamp);
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(Number(a.LastModifiedTimestamp)).toBe(created);
    await sleep(1100);
    await d().call('SetQueueAttributes', { QueueUrl: url, Attributes: { DelaySeconds: '1' } });
    const b = (await d().call('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] }))
      .Attributes!;
    expect(Number(b.LastModifiedTimestamp)).toBeGreaterThan(created);
    expect(b.CreatedTimestamp).toBe(a.CreatedTimestamp);
  });
});
