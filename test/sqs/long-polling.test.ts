/**
 * SQS behaviour, long polling: a waiting receive wakes at once when another client sends, an
 * empty wait lasts about WaitTimeSeconds, a delayed message or an expiring visibility timeout
 * wakes a waiter at its due time, concurrent waiters get distinct messages, and a long poll in
 * flight when the server shuts down returns an empty result promptly. Each case runs through
 * the JS SDK (JSON) and through raw signed query posts.
 *
 * Timings are measured and bounded loosely (this runs on a noisy 2-core machine); the bounds
 * still tell a wake-up from a poll loop or a full wait.
 */
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';
import { expectSqsError } from './drivers/driver.js';
import { createQueue, makeDriver, PROTOCOLS, sleep, useSqsServer } from './drivers/fixture.js';
import { SdkDriver } from './drivers/sdk-driver.js';

const fx = useSqsServer();

describe.concurrent.each(PROTOCOLS)('long polling over %s', (protocol) => {
  const d = () => fx.driver(protocol);
  /** Another client (the other protocol, its own connection) that sends. */
  const other = () => fx.driver(protocol === 'json' ? 'query' : 'json');

  it('a waiting receive returns within moments of a send from another client', async () => {
    const { url } = await createQueue(d(), 'wake');
    const started = performance.now();
    const waiting = d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 10 });
    await sleep(300);
    let returnedAt = 0;
    const received = waiting.then((r) => {
      returnedAt = performance.now();
      return r;
    });
    await other().call('SendMessage', { QueueUrl: url, MessageBody: 'wake up' });
    const sentAt = performance.now();
    const res = await received;
    expect(res.Messages?.[0]?.Body).toBe('wake up');
    const latency = returnedAt - sentAt;
    // Typically a few ms; < 1 s keeps this robust while a 10 s wait or a 1 s poll would fail.
    expect(latency).toBeLessThan(1000);
    expect(returnedAt - started).toBeGreaterThanOrEqual(290); // it did wait for the message
  });

  it('an empty wait returns after about WaitTimeSeconds, with no messages', async () => {
    const { url } = await createQueue(d(), 'empty');
    const started = performance.now();
    const res = await d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 1 });
    const elapsed = performance.now() - started;
    expect(res.Messages).toBeUndefined();
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2500);
  });

  it("the queue's ReceiveMessageWaitTimeSeconds is the default wait; WaitTimeSeconds 0 overrides it", async () => {
    const { url } = await createQueue(d(), 'queue-wait', { ReceiveMessageWaitTimeSeconds: '1' });
    let started = performance.now();
    await d().call('ReceiveMessage', { QueueUrl: url });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    started = performance.now();
    await d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 0 });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a delayed message wakes a waiting receive at its due time', async () => {
    const { url } = await createQueue(d(), 'due');
    await d().call('SendMessage', {
      QueueUrl: url,
      MessageBody: 'in two seconds',
      DelaySeconds: 2,
    });
    const started = performance.now();
    const res = await d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 5 });
    const elapsed = performance.now() - started;
    expect(res.Messages?.[0]?.Body).toBe('in two seconds');
    expect(elapsed).toBeGreaterThanOrEqual(1800);
    expect(elapsed).toBeLessThan(3200);
  });

  it('an expiring visibility timeout wakes a waiting receive', async () => {
    const { url } = await createQueue(d(), 'vt-wake');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'back soon' });
    const first = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 1 }))
      .Messages![0]!;
    const started = performance.now();
    const res = await d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 5 });
    expect(res.Messages?.[0]?.MessageId).toBe(first.MessageId);
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('ChangeMessageVisibility to 0 wakes a waiting receive', async () => {
    const { url } = await createQueue(d(), 'cmv-wake');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'released' });
    const held = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 60 }))
      .Messages![0]!;
    const waiting = d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 5 });
    await sleep(300);
    await other().call('ChangeMessageVisibility', {
      QueueUrl: url,
      ReceiptHandle: held.ReceiptHandle!,
      VisibilityTimeout: 0,
    });
    const released = performance.now();
    const res = await waiting;
    expect(res.Messages?.[0]?.MessageId).toBe(held.MessageId);
    expect(performance.now() - released).toBeLessThan(1000);
  });

  it('FIFO: deleting the in-flight head of a group wakes a receive waiting for the next message', async () => {
    const { url } = await createQueue(d(), 'fifo-wake', {}, { fifo: true });
    for (const b of ['first', 'second']) {
      await d().call('SendMessage', {
        QueueUrl: url,
        MessageBody: b,
        MessageGroupId: 'g',
        MessageDeduplicationId: b,
      });
    }
    const head = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 30 }))
      .Messages![0]!;
    const waiting = d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 5 });
    await sleep(300);
    await other().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: head.ReceiptHandle! });
    const deleted = performance.now();
    const res = await waiting;
    expect(res.Messages?.[0]?.Body).toBe('second');
    expect(performance.now() - deleted).toBeLessThan(1000);
  });

  it('FIFO: a group unlocks for a waiting receive when its in-flight message times out', async () => {
    const { url } = await createQueue(d(), 'fifo-expiry', {}, { fifo: true });
    for (const b of ['first', 'second']) {
      await d().call('SendMessage', {
        QueueUrl: url,
        MessageBody: b,
        MessageGroupId: 'g',
        MessageDeduplicationId: b,
      });
    }
    await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 1 });
    const started = performance.now();
    const res = await d().call('ReceiveMessage', {
      QueueUrl: url,
      WaitTimeSeconds: 5,
      MaxNumberOfMessages: 10,
    });
    expect(res.Messages?.map((m) => m.Body)).toEqual(['first', 'second']);
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('many concurrent waiters each get distinct messages', async () => {
    const { url } = await createQueue(d(), 'crowd');
    const n = 8;
    const waiters = Array.from({ length: n }, () =>
      d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 5, VisibilityTimeout: 30 }),
    );
    await sleep(200);
    const started = performance.now();
    await other().call('SendMessageBatch', {
      QueueUrl: url,
      Entries: Array.from({ length: n }, (_, i) => ({
        Id: `m${i}`,
        MessageBody: `for waiter ${i}`,
      })),
    });
    const results = await Promise.all(waiters);
    const elapsed = performance.now() - started;
    const ids = results.flatMap((r) => (r.Messages ?? []).map((m) => m.MessageId!));
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(elapsed).toBeLessThan(2000);
  });

  it('WaitTimeSeconds must be 0..20', async () => {
    const { url } = await createQueue(d(), 'wait-range');
    await expectSqsError(
      d(),
      d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 21 }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: -1 }),
      'InvalidParameterValue',
      400,
    );
  });
});

describe.each(PROTOCOLS)('graceful shutdown over %s', (protocol) => {
  it('a long poll in flight when the server closes returns an empty result promptly', async () => {
    const server = await startTestServer({ SWITCHYARD_LOG_LEVEL: 'error' });
    const d = makeDriver(protocol, { endpoint: server.url });
    try {
      const { url } = await createQueue(d, 'shutdown');
      const waiting = d.call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 20 });
      await sleep(300);
      const started = performance.now();
      const closed = server.close();
      const res = await waiting;
      expect(res.Messages).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(2000);
      await closed;
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      if (d instanceof SdkDriver) d.destroy();
      await server.close();
    }
  });
});
