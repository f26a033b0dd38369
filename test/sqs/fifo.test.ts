/**
 * SQS behaviour, FIFO queues: order within a message group, a group locked while it has
 * messages in flight, groups interleaved, deduplication (explicit id, content-based,
 * DeduplicationScope), ReceiveRequestAttemptId retries, sequence numbers, and the FIFO input
 * rules. Each case runs through the JS SDK (JSON) and through raw signed query posts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectSqsError, type SqsDriver } from './drivers/driver.js';
import { createQueue, PROTOCOLS, useSqsServer } from './drivers/fixture.js';

const fx = useSqsServer();

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe.concurrent.each(PROTOCOLS)('FIFO over %s', (protocol) => {
  const d = () => fx.driver(protocol);

  const fifo = (attrs: Record<string, string> = {}) =>
    createQueue(d(), 'fifo', attrs, { fifo: true });

  /** Sends to `group`; the deduplication id defaults to the body (spaces as `_`), `null` sends none. */
  function send(
    url: string,
    body: string,
    group: string,
    dedup: string | null = body.replace(/\s/g, '_'),
  ) {
    return d().call('SendMessage', {
      QueueUrl: url,
      MessageBody: body,
      MessageGroupId: group,
      ...(dedup !== null ? { MessageDeduplicationId: dedup } : {}),
    });
  }

  async function receive(
    url: string,
    max = 10,
    extra: { ReceiveRequestAttemptId?: string; VisibilityTimeout?: number } = {},
  ) {
    return (
      (
        await d().call('ReceiveMessage', {
          QueueUrl: url,
          MaxNumberOfMessages: max,
          MessageSystemAttributeNames: ['All'],
          ...extra,
        })
      ).Messages ?? []
    );
  }

  async function drain(drv: SqsDriver, url: string, messages: { ReceiptHandle?: string }[]) {
    for (const m of messages)
      await drv.call('DeleteMessage', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle! });
  }

  it('delivers a group in send order with increasing sequence numbers', async () => {
    const { url } = await fifo();
    const sent = [];
    for (let i = 0; i < 6; i++) sent.push(await send(url, `m${i}`, 'g'));
    const seq = sent.map((s) => BigInt(s.SequenceNumber!));
    for (let i = 1; i < seq.length; i++) expect(seq[i]! > seq[i - 1]!).toBe(true);
    for (const s of sent) expect(s.SequenceNumber).toMatch(/^\d{1,128}$/);

    const got = await receive(url, 10);
    expect(got.map((m) => m.Body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(got.map((m) => m.Attributes!.SequenceNumber)).toEqual(sent.map((s) => s.SequenceNumber));
    expect(got[0]!.Attributes).toMatchObject({
      MessageGroupId: 'g',
      MessageDeduplicationId: 'm0',
      ApproximateReceiveCount: '1',
    });
  });

  it('a group with a message in flight is locked until that message is deleted or visible again', async () => {
    const { url } = await fifo();
    await send(url, 'a1', 'A');
    await send(url, 'a2', 'A');
    const [first] = await receive(url, 1);
    expect(first?.Body).toBe('a1');
    expect(await receive(url, 10)).toEqual([]); // a2 waits behind in-flight a1
    await d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: first!.ReceiptHandle! });
    const [second] = await receive(url, 10, { VisibilityTimeout: 30 });
    expect(second?.Body).toBe('a2');
    // Making the in-flight message visible again unlocks the group (and redelivers it first).
    await d().call('ChangeMessageVisibility', {
      QueueUrl: url,
      ReceiptHandle: second!.ReceiptHandle!,
      VisibilityTimeout: 0,
    });
    const [again] = await receive(url, 10);
    expect(again?.Body).toBe('a2');
    expect(again?.Attributes?.ApproximateReceiveCount).toBe('2');
  });

  it('several groups are delivered interleaved, each in order, each locked on its own', async () => {
    const { url } = await fifo();
    for (const [body, group] of [
      ['a1', 'A'],
      ['b1', 'B'],
      ['a2', 'A'],
      ['c1', 'C'],
      ['b2', 'B'],
      ['a3', 'A'],
    ] as const) {
      await send(url, body, group);
    }
    // One at a time: each receive takes the head of a group that is not locked.
    const heads = [];
    for (let i = 0; i < 3; i++) heads.push(...(await receive(url, 1)));
    expect(heads.map((m) => m.Body).sort()).toEqual(['a1', 'b1', 'c1']);
    expect(await receive(url, 10)).toEqual([]); // every group has a message in flight
    await drain(d(), url, heads);

    const seen: Record<string, string[]> = { A: ['a1'], B: ['b1'], C: ['c1'] };
    for (let round = 0; round < 5; round++) {
      const got = await receive(url, 10);
      for (const m of got) seen[m.Attributes!.MessageGroupId!]!.push(m.Body!);
      await drain(d(), url, got);
    }
    expect(seen).toEqual({ A: ['a1', 'a2', 'a3'], B: ['b1', 'b2'], C: ['c1'] });
  });

  it('explicit deduplication id: a duplicate within the window is accepted but not delivered twice', async () => {
    const { url } = await fifo();
    const first = await send(url, 'original', 'g', 'dedup-1');
    const dup = await send(url, 'duplicate body', 'g', 'dedup-1');
    // The service answers the duplicate with the original message's id and sequence number,
    // and the digest of the body that was sent.
    expect(dup.MessageId).toBe(first.MessageId);
    expect(dup.SequenceNumber).toBe(first.SequenceNumber);
    expect(dup.MD5OfMessageBody).toBe(createHash('md5').update('duplicate body').digest('hex'));
    const got = await receive(url, 10);
    expect(got.map((m) => m.Body)).toEqual(['original']);
    // Still deduplicated after the original was consumed.
    await drain(d(), url, got);
    await send(url, 'again', 'g', 'dedup-1');
    expect(await receive(url, 10)).toEqual([]);
  });

  it('content-based deduplication uses the SHA-256 of the body', async () => {
    const { url } = await fifo({ ContentBasedDeduplication: 'true' });
    const a = await send(url, 'same body', 'g', null);
    const b = await send(url, 'same body', 'g', null);
    const c = await send(url, 'other body', 'g', null);
    expect(b.MessageId).toBe(a.MessageId);
    expect(c.MessageId).not.toBe(a.MessageId);
    const got = await receive(url, 10);
    expect(got.map((m) => m.Body)).toEqual(['same body', 'other body']);
    expect(got[0]!.Attributes!.MessageDeduplicationId).toBe(sha256('same body'));
    // An explicit id still wins over the content hash.
    await send(url, 'same body', 'g', 'explicit');
    await drain(d(), url, got);
    expect((await receive(url, 10)).map((m) => m.Attributes!.MessageDeduplicationId)).toEqual([
      'explicit',
    ]);
  });

  it('DeduplicationScope queue (default) vs messageGroup', async () => {
    const byQueue = await fifo();
    expect(
      (
        await d().call('GetQueueAttributes', {
          QueueUrl: byQueue.url,
          AttributeNames: ['DeduplicationScope', 'FifoThroughputLimit'],
        })
      ).Attributes,
    ).toEqual({ DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' });
    await send(byQueue.url, 'one', 'g1', 'same-id');
    await send(byQueue.url, 'two', 'g2', 'same-id');
    expect((await receive(byQueue.url, 10)).map((m) => m.Body)).toEqual(['one']);

    const byGroup = await fifo({
      DeduplicationScope: 'messageGroup',
      FifoThroughputLimit: 'perMessageGroupId',
    });
    await send(byGroup.url, 'one', 'g1', 'same-id');
    await send(byGroup.url, 'two', 'g2', 'same-id');
    await send(byGroup.url, 'three', 'g2', 'same-id');
    expect((await receive(byGroup.url, 10)).map((m) => m.Body).sort()).toEqual(['one', 'two']);

    await expectSqsError(
      d(),
      fifo({ FifoThroughputLimit: 'perMessageGroupId' }),
      'InvalidAttributeValue',
      400,
    );
    await expectSqsError(
      d(),
      fifo({ DeduplicationScope: 'everything' }),
      'InvalidAttributeValue',
      400,
    );
  });

  it('a ReceiveRequestAttemptId retry returns the same messages and receipt handles', async () => {
    const { url } = await fifo();
    for (let i = 0; i < 3; i++) await send(url, `r${i}`, 'g');
    const first = await receive(url, 2, { ReceiveRequestAttemptId: 'attempt-1' });
    expect(first.map((m) => m.Body)).toEqual(['r0', 'r1']);
    const retry = await receive(url, 2, { ReceiveRequestAttemptId: 'attempt-1' });
    expect(retry.map((m) => [m.MessageId, m.ReceiptHandle])).toEqual(
      first.map((m) => [m.MessageId, m.ReceiptHandle]),
    );
    // A new attempt id is a new receive: the group is locked.
    expect(await receive(url, 2, { ReceiveRequestAttemptId: 'attempt-2' })).toEqual([]);
    await drain(d(), url, first);
    expect(
      (await receive(url, 2, { ReceiveRequestAttemptId: 'attempt-3' })).map((m) => m.Body),
    ).toEqual(['r2']);
    await expectSqsError(
      d(),
      d().call('ReceiveMessage', { QueueUrl: url, ReceiveRequestAttemptId: 'has space' }),
      'InvalidParameterValue',
      400,
    );
  });

  it('per-message DelaySeconds is rejected; the queue delay applies', async () => {
    const { url } = await fifo({ DelaySeconds: '1' });
    await expectSqsError(
      d(),
      d().call('SendMessage', {
        QueueUrl: url,
        MessageBody: 'x',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'x',
        DelaySeconds: 5,
      }),
      'InvalidParameterValue',
      400,
    );
    await send(url, 'delayed by the queue', 'g');
    expect(await receive(url)).toEqual([]);
    const got = await d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 3 });
    expect(got.Messages?.[0]?.Body).toBe('delayed by the queue');
  });

  it('MessageGroupId is required; a deduplication id is required without content-based deduplication', async () => {
    const { url } = await fifo();
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'x' }),
      'MissingParameter',
      400,
    );
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g' }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('SendMessage', {
        QueueUrl: url,
        MessageBody: 'x',
        MessageGroupId: 'x'.repeat(129),
        MessageDeduplicationId: 'x',
      }),
      'InvalidParameterValue',
      400,
    );
    // A standard queue refuses a deduplication id.
    const standard = await createQueue(d(), 'std');
    await expectSqsError(
      d(),
      d().call('SendMessage', {
        QueueUrl: standard.url,
        MessageBody: 'x',
        MessageDeduplicationId: 'x',
      }),
      'InvalidParameterValue',
      400,
    );
  });

  it('FIFO attributes: defaults, only on FIFO queues, queue type cannot change', async () => {
    const { url } = await fifo();
    const attrs = (await d().call('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] }))
      .Attributes!;
    expect(attrs).toMatchObject({ FifoQueue: 'true', ContentBasedDeduplication: 'false' });
    await expectSqsError(
      d(),
      d().call('SetQueueAttributes', { QueueUrl: url, Attributes: { FifoQueue: 'false' } }),
      'InvalidAttributeValue',
      400,
    );
    await d().call('SetQueueAttributes', {
      QueueUrl: url,
      Attributes: { ContentBasedDeduplication: 'true' },
    });
    const standard = await createQueue(d(), 'std');
    await expectSqsError(
      d(),
      d().call('SetQueueAttributes', {
        QueueUrl: standard.url,
        Attributes: { ContentBasedDeduplication: 'true' },
      }),
      'InvalidAttributeName',
      400,
    );
    const stdAttrs = (
      await d().call('GetQueueAttributes', { QueueUrl: standard.url, AttributeNames: ['All'] })
    ).Attributes!;
    expect(stdAttrs.FifoQueue).toBeUndefined();
  });

  it('SendMessageBatch on FIFO keeps entry order and returns sequence numbers', async () => {
    const { url } = await fifo();
    const res = await d().call('SendMessageBatch', {
      QueueUrl: url,
      Entries: ['b0', 'b1', 'b2', 'b3'].map((b) => ({
        Id: b,
        MessageBody: b,
        MessageGroupId: 'g',
        MessageDeduplicationId: b,
      })),
    });
    expect(res.Failed ?? []).toEqual([]);
    const seq = res.Successful!.map((s) => BigInt(s.SequenceNumber!));
    for (let i = 1; i < seq.length; i++) expect(seq[i]! > seq[i - 1]!).toBe(true);
    expect((await receive(url, 10)).map((m) => m.Body)).toEqual(['b0', 'b1', 'b2', 'b3']);
    // One entry without a group id fails the whole batch.
    await expectSqsError(
      d(),
      d().call('SendMessageBatch', {
        QueueUrl: url,
        Entries: [
          { Id: 'ok', MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'x1' },
          { Id: 'bad', MessageBody: 'y', MessageDeduplicationId: 'y1' },
        ],
      }),
      'InvalidParameterValue',
      400,
    );
  });
});
