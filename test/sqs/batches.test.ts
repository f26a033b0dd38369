/**
 * SQS behaviour, batches: SendMessageBatch, DeleteMessageBatch and ChangeMessageVisibilityBatch
 * with partial failures per entry, and the whole-request errors (empty, more than 10 entries,
 * repeated ids, invalid ids, more than 1 MiB in total). Each case runs through the JS SDK
 * (JSON) and through raw signed query posts.
 */
import { describe, expect, it } from 'vitest';
import { expectSqsError } from './drivers/driver.js';
import { createQueue, PROTOCOLS, receiveN, useSqsServer } from './drivers/fixture.js';
import { md5, md5OfAttributes, TRACE_HEADER, TRACE_HEADER_MD5 } from './digests.js';

const fx = useSqsServer();

const EMPTY = { json: 'EmptyBatchRequest', query: 'AWS.SimpleQueueService.EmptyBatchRequest' };
const TOO_MANY = {
  json: 'TooManyEntriesInBatchRequest',
  query: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
};
const NOT_DISTINCT = {
  json: 'BatchEntryIdsNotDistinct',
  query: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
};
const INVALID_ID = {
  json: 'InvalidBatchEntryId',
  query: 'AWS.SimpleQueueService.InvalidBatchEntryId',
};
const TOO_LONG = {
  json: 'BatchRequestTooLong',
  query: 'AWS.SimpleQueueService.BatchRequestTooLong',
};

describe.each(PROTOCOLS)('batches over %s', (protocol) => {
  const d = () => fx.driver(protocol);

  it('SendMessageBatch of 10: ids, digests, all delivered', async () => {
    const { url } = await createQueue(d(), 'send-batch');
    const entries = Array.from({ length: 10 }, (_, i) => ({
      Id: `e-${i}_x`,
      MessageBody: `body ${i} <&>`,
      ...(i % 2
        ? { MessageAttributes: { i: { DataType: 'Number', StringValue: String(i) } } }
        : {}),
      ...(i === 4
        ? {
            MessageSystemAttributes: {
              AWSTraceHeader: { DataType: 'String', StringValue: TRACE_HEADER },
            },
          }
        : {}),
    }));
    const res = await d().call('SendMessageBatch', { QueueUrl: url, Entries: entries });
    expect(res.Failed ?? []).toEqual([]);
    expect(res.Successful!.map((s) => s.Id).sort()).toEqual(entries.map((e) => e.Id).sort());
    for (const s of res.Successful!) {
      const e = entries.find((x) => x.Id === s.Id)!;
      expect(s.MD5OfMessageBody).toBe(md5(e.MessageBody));
      expect(s.MD5OfMessageAttributes).toBe(
        e.MessageAttributes ? md5OfAttributes(e.MessageAttributes) : undefined,
      );
      expect(s.MD5OfMessageSystemAttributes).toBe(
        e.MessageSystemAttributes ? TRACE_HEADER_MD5 : undefined,
      );
      expect(s.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const got = await receiveN(d(), url, 10);
    expect(got.map((m) => m.Body).sort()).toEqual(entries.map((e) => e.MessageBody).sort());
  });

  it('SendMessageBatch partial failure: bad entries fail alone with their codes', async () => {
    const { url } = await createQueue(d(), 'partial');
    const res = await d().call('SendMessageBatch', {
      QueueUrl: url,
      Entries: [
        { Id: 'ok1', MessageBody: 'fine' },
        { Id: 'badchars', MessageBody: 'nul \u0000 inside' },
        { Id: 'baddelay', MessageBody: 'x', DelaySeconds: 901 },
        {
          Id: 'badattr',
          MessageBody: 'x',
          MessageAttributes: { n: { DataType: 'Number', StringValue: 'NaN?' } },
        },
        { Id: 'ok2', MessageBody: 'also fine', DelaySeconds: 0 },
      ],
    });
    expect(res.Successful!.map((s) => s.Id).sort()).toEqual(['ok1', 'ok2']);
    const failed = Object.fromEntries(res.Failed!.map((f) => [f.Id, f]));
    expect(Object.keys(failed).sort()).toEqual(['badattr', 'badchars', 'baddelay']);
    expect(failed.badchars).toMatchObject({ Code: 'InvalidMessageContents', SenderFault: true });
    expect(failed.baddelay).toMatchObject({ Code: 'InvalidParameterValue', SenderFault: true });
    expect(failed.badattr).toMatchObject({ Code: 'InvalidParameterValue', SenderFault: true });
    for (const f of res.Failed!) expect(f.Message).toBeTruthy();
    expect((await receiveN(d(), url, 2)).map((m) => m.Body).sort()).toEqual(['also fine', 'fine']);
  });

  it('whole-request errors: empty, more than 10, repeated ids, invalid ids, more than 1 MiB', async () => {
    const { url } = await createQueue(d(), 'batch-errors');
    const send = (Entries: { Id: string; MessageBody: string }[]) =>
      d().call('SendMessageBatch', { QueueUrl: url, Entries });
    await expectSqsError(d(), send([]), EMPTY, 400);
    await expectSqsError(
      d(),
      send(Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' }))),
      TOO_MANY,
      400,
    );
    await expectSqsError(
      d(),
      send([
        { Id: 'same', MessageBody: 'a' },
        { Id: 'same', MessageBody: 'b' },
      ]),
      NOT_DISTINCT,
      400,
    );
    for (const id of ['has space', 'dot.id', 'x'.repeat(81), 'ü']) {
      await expectSqsError(d(), send([{ Id: id, MessageBody: 'a' }]), INVALID_ID, 400);
    }
    // 2 × 600 KB: each message is within the 1 MiB limit, the batch is not.
    await expectSqsError(
      d(),
      send([
        { Id: 'a', MessageBody: 'a'.repeat(600_000) },
        { Id: 'b', MessageBody: 'b'.repeat(600_000) },
      ]),
      TOO_LONG,
      400,
    );
    // Exactly 1 MiB in total is fine.
    const ok = await send([
      { Id: 'a', MessageBody: 'a'.repeat(524_288) },
      { Id: 'b', MessageBody: 'b'.repeat(524_288) },
    ]);
    expect(ok.Successful).toHaveLength(2);
    // Nothing of the refused batches was stored.
    const attrs = await d().call('GetQueueAttributes', {
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages'],
    });
    expect(attrs.Attributes).toEqual({ ApproximateNumberOfMessages: '2' });
  });

  it('DeleteMessageBatch: good handles succeed, an invalid one fails alone', async () => {
    const { url } = await createQueue(d(), 'delete-batch');
    await d().call('SendMessageBatch', {
      QueueUrl: url,
      Entries: [1, 2, 3].map((i) => ({ Id: `s${i}`, MessageBody: `m${i}` })),
    });
    const got = await receiveN(d(), url, 3);
    const res = await d().call('DeleteMessageBatch', {
      QueueUrl: url,
      Entries: [
        ...got.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })),
        { Id: 'bogus', ReceiptHandle: 'not-a-receipt-handle' },
      ],
    });
    expect(res.Successful!.map((s) => s.Id).sort()).toEqual(['d0', 'd1', 'd2']);
    expect(res.Failed).toEqual([
      {
        Id: 'bogus',
        SenderFault: true,
        Code: 'ReceiptHandleIsInvalid',
        Message: expect.any(String),
      },
    ]);
    const attrs = await d().call('GetQueueAttributes', {
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    });
    expect(attrs.Attributes).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
    await expectSqsError(
      d(),
      d().call('DeleteMessageBatch', { QueueUrl: url, Entries: [] }),
      EMPTY,
      400,
    );
    await expectSqsError(
      d(),
      d().call('DeleteMessageBatch', {
        QueueUrl: url,
        Entries: [
          { Id: 'x', ReceiptHandle: 'a' },
          { Id: 'x', ReceiptHandle: 'b' },
        ],
      }),
      NOT_DISTINCT,
      400,
    );
    await expectSqsError(
      d(),
      d().call('DeleteMessageBatch', {
        QueueUrl: url,
        Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `x${i}`, ReceiptHandle: 'a' })),
      }),
      TOO_MANY,
      400,
    );
  });

  it('ChangeMessageVisibilityBatch: per-entry results; 0 makes messages visible again', async () => {
    const { url } = await createQueue(d(), 'cmv-batch');
    await d().call('SendMessageBatch', {
      QueueUrl: url,
      Entries: [1, 2].map((i) => ({ Id: `s${i}`, MessageBody: `m${i}` })),
    });
    const got = await receiveN(d(), url, 2, { visibilityTimeout: 60 });
    const res = await d().call('ChangeMessageVisibilityBatch', {
      QueueUrl: url,
      Entries: [
        { Id: 'zero', ReceiptHandle: got[0]!.ReceiptHandle!, VisibilityTimeout: 0 },
        { Id: 'long', ReceiptHandle: got[1]!.ReceiptHandle!, VisibilityTimeout: 120 },
        { Id: 'bogus', ReceiptHandle: 'bm90IGEgaGFuZGxl', VisibilityTimeout: 0 },
        { Id: 'range', ReceiptHandle: got[1]!.ReceiptHandle!, VisibilityTimeout: 43_201 },
      ],
    });
    expect(res.Successful!.map((s) => s.Id).sort()).toEqual(['long', 'zero']);
    const failed = Object.fromEntries(res.Failed!.map((f) => [f.Id, f]));
    expect(failed.bogus).toMatchObject({ Code: 'ReceiptHandleIsInvalid', SenderFault: true });
    expect(failed.range).toMatchObject({ Code: 'InvalidParameterValue', SenderFault: true });
    const again =
      (await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 })).Messages ?? [];
    expect(again.map((m) => m.MessageId)).toEqual([got[0]!.MessageId]);
    await expectSqsError(
      d(),
      d().call('ChangeMessageVisibilityBatch', { QueueUrl: url, Entries: [] }),
      EMPTY,
      400,
    );
    await expectSqsError(
      d(),
      d().call('ChangeMessageVisibilityBatch', {
        QueueUrl: url,
        Entries: [{ Id: 'a b', ReceiptHandle: 'x', VisibilityTimeout: 1 }],
      }),
      INVALID_ID,
      400,
    );
  });

  it('batch operations on an unknown queue fail as a whole', async () => {
    const { url } = await createQueue(d(), 'gone');
    await d().call('DeleteQueue', { QueueUrl: url });
    await expectSqsError(
      d(),
      d().call('SendMessageBatch', { QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'x' }] }),
      { json: 'QueueDoesNotExist', query: 'AWS.SimpleQueueService.NonExistentQueue' },
      400,
    );
  });
});
