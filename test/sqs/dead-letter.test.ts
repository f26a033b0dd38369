/**
 * SQS behaviour, dead-letter queues and message move tasks: RedrivePolicy (a message moves to
 * the DLQ on the receive after maxReceiveCount), DeadLetterQueueSourceArn,
 * ListDeadLetterSourceQueues, RedrivePolicy/RedriveAllowPolicy validation, and
 * StartMessageMoveTask / ListMessageMoveTasks / CancelMessageMoveTask (back to the sources or
 * to a chosen queue, at a rate, cancellable, resumed after a restart). Each case runs through
 * the JS SDK (JSON) and through raw signed query posts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/server/config.js';
import { testStorageEnv } from '../support/test-engine.js';
import { startSwitchyard } from '../../src/server/switchyard.js';
import { expectSqsError, type SqsDriver } from './drivers/driver.js';
import {
  createQueue,
  makeDriver,
  PROTOCOLS,
  receiveN,
  sleep,
  useSqsServer,
} from './drivers/fixture.js';
import { SdkDriver } from './drivers/sdk-driver.js';

const fx = useSqsServer();

const redrive = (arn: string, maxReceiveCount: number | string) =>
  JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount });

describe.concurrent.each(PROTOCOLS)('dead-letter queues over %s', (protocol) => {
  const d = () => fx.driver(protocol);

  async function count(url: string) {
    const a = (
      await d().call('GetQueueAttributes', {
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      })
    ).Attributes!;
    return Number(a.ApproximateNumberOfMessages) + Number(a.ApproximateNumberOfMessagesNotVisible);
  }

  async function pair(maxReceiveCount = 2) {
    const dlq = await createQueue(d(), 'dlq');
    const src = await createQueue(d(), 'src', { RedrivePolicy: redrive(dlq.arn, maxReceiveCount) });
    return { dlq, src };
  }

  /** Dead-letters `bodies` from `src` (maxReceiveCount 1): one receive each, then the moving receive. */
  async function deadLetter(src: string, bodies: string[]) {
    for (const b of bodies) await d().call('SendMessage', { QueueUrl: src, MessageBody: b });
    expect(await receiveN(d(), src, bodies.length, { visibilityTimeout: 0 })).toHaveLength(
      bodies.length,
    );
    expect(
      (await d().call('ReceiveMessage', { QueueUrl: src, MaxNumberOfMessages: 10 })).Messages,
    ).toBeUndefined();
  }

  async function waitForTask(arn: string, status: string, timeoutMs = 8000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const task = (await d().call('ListMessageMoveTasks', { SourceArn: arn })).Results?.[0];
      if (task?.Status === status || Date.now() > until) return task;
      await sleep(100);
    }
  }

  it('a message moves to the dead-letter queue on the receive after maxReceiveCount', async () => {
    const { dlq, src } = await pair(2);
    const sent = await d().call('SendMessage', {
      QueueUrl: src.url,
      MessageBody: 'poison',
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'bad' } },
    });
    for (let i = 1; i <= 2; i++) {
      const m = (
        await d().call('ReceiveMessage', {
          QueueUrl: src.url,
          VisibilityTimeout: 0,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        })
      ).Messages![0]!;
      expect(m.Attributes!.ApproximateReceiveCount).toBe(String(i));
    }
    expect((await d().call('ReceiveMessage', { QueueUrl: src.url })).Messages).toBeUndefined();
    expect(await count(src.url)).toBe(0);
    expect(await count(dlq.url)).toBe(1);
    const dead = (
      await d().call('ReceiveMessage', {
        QueueUrl: dlq.url,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      })
    ).Messages![0]!;
    expect(dead.MessageId).toBe(sent.MessageId);
    expect(dead.Body).toBe('poison');
    expect(dead.MessageAttributes).toEqual({ kind: { DataType: 'String', StringValue: 'bad' } });
    expect(dead.Attributes!.DeadLetterQueueSourceArn).toBe(src.arn);
    const only = await d().call('ReceiveMessage', {
      QueueUrl: dlq.url,
      VisibilityTimeout: 0,
      MessageSystemAttributeNames: ['DeadLetterQueueSourceArn'],
    });
    expect(only.Messages).toBeUndefined(); // still in flight from the receive above
  });

  it('FIFO: the dead-lettered head leaves its group, the next message follows', async () => {
    const dlq = await createQueue(d(), 'dlq', {}, { fifo: true });
    const src = await createQueue(
      d(),
      'src',
      { RedrivePolicy: redrive(dlq.arn, 1) },
      { fifo: true },
    );
    for (const b of ['a1', 'a2']) {
      await d().call('SendMessage', {
        QueueUrl: src.url,
        MessageBody: b,
        MessageGroupId: 'g',
        MessageDeduplicationId: b,
      });
    }
    expect(
      (await d().call('ReceiveMessage', { QueueUrl: src.url, VisibilityTimeout: 0 })).Messages?.map(
        (m) => m.Body,
      ),
    ).toEqual(['a1']);
    const next = await d().call('ReceiveMessage', { QueueUrl: src.url, MaxNumberOfMessages: 10 });
    expect(next.Messages?.map((m) => m.Body)).toEqual(['a2']);
    const dead = (
      await d().call('ReceiveMessage', { QueueUrl: dlq.url, MessageSystemAttributeNames: ['All'] })
    ).Messages![0]!;
    expect(dead.Body).toBe('a1');
    expect(dead.Attributes).toMatchObject({
      MessageGroupId: 'g',
      MessageDeduplicationId: 'a1',
      DeadLetterQueueSourceArn: src.arn,
    });
  });

  it('ListDeadLetterSourceQueues lists the sources, with pagination', async () => {
    const dlq = await createQueue(d(), 'dlq');
    expect((await d().call('ListDeadLetterSourceQueues', { QueueUrl: dlq.url })).queueUrls).toEqual(
      [],
    );
    const a = await createQueue(d(), 'src-a', { RedrivePolicy: redrive(dlq.arn, 5) });
    const b = await createQueue(d(), 'src-b');
    await d().call('SetQueueAttributes', {
      QueueUrl: b.url,
      Attributes: { RedrivePolicy: redrive(dlq.arn, 3) },
    });
    const all = await d().call('ListDeadLetterSourceQueues', { QueueUrl: dlq.url });
    expect([...(all.queueUrls ?? [])].sort()).toEqual([a.url, b.url].sort());
    const first = await d().call('ListDeadLetterSourceQueues', {
      QueueUrl: dlq.url,
      MaxResults: 1,
    });
    expect(first.queueUrls).toHaveLength(1);
    expect(first.NextToken).toBeTruthy();
    const second = await d().call('ListDeadLetterSourceQueues', {
      QueueUrl: dlq.url,
      MaxResults: 1,
      NextToken: first.NextToken!,
    });
    expect([...(first.queueUrls ?? []), ...(second.queueUrls ?? [])].sort()).toEqual(
      [a.url, b.url].sort(),
    );
    // Removing the policy removes the source.
    await d().call('SetQueueAttributes', { QueueUrl: b.url, Attributes: { RedrivePolicy: '' } });
    expect((await d().call('ListDeadLetterSourceQueues', { QueueUrl: dlq.url })).queueUrls).toEqual(
      [a.url],
    );
    expect(
      (await d().call('GetQueueAttributes', { QueueUrl: b.url, AttributeNames: ['RedrivePolicy'] }))
        .Attributes,
    ).toBeUndefined();
  });

  it('RedrivePolicy is validated and stored in canonical form', async () => {
    const dlq = await createQueue(d(), 'dlq');
    const src = await createQueue(d(), 'src');
    const set = (RedrivePolicy: string) =>
      d().call('SetQueueAttributes', { QueueUrl: src.url, Attributes: { RedrivePolicy } });
    await set(redrive(dlq.arn, '4'));
    expect(
      (
        await d().call('GetQueueAttributes', {
          QueueUrl: src.url,
          AttributeNames: ['RedrivePolicy'],
        })
      ).Attributes,
    ).toEqual({
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 4 }),
    });
    await expectSqsError(d(), set('not json'), 'InvalidAttributeValue', 400);
    await expectSqsError(d(), set(redrive(dlq.arn, 0)), 'InvalidParameterValue', 400);
    await expectSqsError(d(), set(redrive(dlq.arn, 1001)), 'InvalidParameterValue', 400);
    await expectSqsError(
      d(),
      set(JSON.stringify({ deadLetterTargetArn: dlq.arn })),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(d(), set(redrive(`${dlq.arn}-missing`, 3)), 'InvalidParameterValue', 400);
    await expectSqsError(
      d(),
      set(redrive('arn:aws:sns:us-east-1:000000000000:topic', 3)),
      'InvalidParameterValue',
      400,
    );
    const fifoDlq = await createQueue(d(), 'dlq', {}, { fifo: true });
    await expectSqsError(d(), set(redrive(fifoDlq.arn, 3)), 'InvalidParameterValue', 400);
  });

  it('RedriveAllowPolicy is validated; a DLQ that denies a source refuses its RedrivePolicy', async () => {
    const dlq = await createQueue(d(), 'dlq');
    const src = await createQueue(d(), 'src');
    const allow = (RedriveAllowPolicy: string) =>
      d().call('SetQueueAttributes', { QueueUrl: dlq.url, Attributes: { RedriveAllowPolicy } });
    await allow(JSON.stringify({ redrivePermission: 'allowAll' }));
    expect(
      (
        await d().call('GetQueueAttributes', {
          QueueUrl: dlq.url,
          AttributeNames: ['RedriveAllowPolicy'],
        })
      ).Attributes,
    ).toEqual({
      RedriveAllowPolicy: '{"redrivePermission":"allowAll"}',
    });
    await allow(JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [src.arn] }));
    await expectSqsError(
      d(),
      allow(JSON.stringify({ redrivePermission: 'byQueue' })),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      allow(JSON.stringify({ redrivePermission: 'allowAll', sourceQueueArns: [src.arn] })),
      'InvalidParameterValue',
      400,
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `${src.arn}${i}`);
    await expectSqsError(
      d(),
      allow(JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: eleven })),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      allow(JSON.stringify({ redrivePermission: 'sometimes' })),
      'InvalidAttributeValue',
      400,
    );
    await expectSqsError(d(), allow('[1,2]'), 'InvalidAttributeValue', 400);

    // byQueue naming src: src may use it, another queue may not.
    await d().call('SetQueueAttributes', {
      QueueUrl: src.url,
      Attributes: { RedrivePolicy: redrive(dlq.arn, 3) },
    });
    const other = await createQueue(d(), 'other');
    await expectSqsError(
      d(),
      d().call('SetQueueAttributes', {
        QueueUrl: other.url,
        Attributes: { RedrivePolicy: redrive(dlq.arn, 3) },
      }),
      'InvalidParameterValue',
      400,
    );
    await allow(JSON.stringify({ redrivePermission: 'denyAll' }));
    await expectSqsError(
      d(),
      d().call('CreateQueue', {
        QueueName: `${other.name}-2`,
        Attributes: { RedrivePolicy: redrive(dlq.arn, 3) },
      }),
      'InvalidParameterValue',
      400,
    );
  });

  it('StartMessageMoveTask without a destination moves messages back to their source queues', async () => {
    const { dlq, src } = await pair(1);
    await deadLetter(src.url, ['r1', 'r2', 'r3']);
    expect(await count(dlq.url)).toBe(3);
    const { TaskHandle } = await d().call('StartMessageMoveTask', { SourceArn: dlq.arn });
    expect(TaskHandle).toBeTruthy();
    const task = await waitForTask(dlq.arn, 'COMPLETED');
    expect(task).toMatchObject({
      Status: 'COMPLETED',
      SourceArn: dlq.arn,
      ApproximateNumberOfMessagesMoved: 3,
      ApproximateNumberOfMessagesToMove: 3,
    });
    expect(task!.TaskHandle).toBeUndefined(); // only running tasks show their handle
    expect(task!.DestinationArn).toBeUndefined();
    expect(Math.abs(task!.StartedTimestamp! - Date.now())).toBeLessThan(60_000); // epoch milliseconds
    expect(await count(dlq.url)).toBe(0);
    const back = await receiveN(d(), src.url, 3);
    expect(back.map((m) => m.Body).sort()).toEqual(['r1', 'r2', 'r3']);
  });

  it('StartMessageMoveTask to a chosen destination', async () => {
    const { dlq, src } = await pair(1);
    const dest = await createQueue(d(), 'dest');
    await deadLetter(src.url, ['d1', 'd2']);
    await d().call('StartMessageMoveTask', { SourceArn: dlq.arn, DestinationArn: dest.arn });
    const task = await waitForTask(dlq.arn, 'COMPLETED');
    expect(task).toMatchObject({
      Status: 'COMPLETED',
      DestinationArn: dest.arn,
      ApproximateNumberOfMessagesMoved: 2,
    });
    expect((await receiveN(d(), dest.url, 2)).map((m) => m.Body).sort()).toEqual(['d1', 'd2']);
    expect(await count(src.url)).toBe(0);
  });

  it('ListMessageMoveTasks shows RUNNING (with handle and rate) then COMPLETED; the rate is honoured', async () => {
    const { dlq } = await pair(1);
    const dest = await createQueue(d(), 'dest');
    for (let i = 0; i < 3; i++)
      await d().call('SendMessage', { QueueUrl: dlq.url, MessageBody: `p${i}` });
    const started = Date.now();
    const { TaskHandle } = await d().call('StartMessageMoveTask', {
      SourceArn: dlq.arn,
      DestinationArn: dest.arn,
      MaxNumberOfMessagesPerSecond: 2,
    });
    const running = (await d().call('ListMessageMoveTasks', { SourceArn: dlq.arn })).Results![0]!;
    expect(running).toMatchObject({
      Status: 'RUNNING',
      TaskHandle,
      MaxNumberOfMessagesPerSecond: 2,
      ApproximateNumberOfMessagesToMove: 3,
    });
    await sleep(700);
    const midway = (await d().call('ListMessageMoveTasks', { SourceArn: dlq.arn })).Results![0]!;
    // 3 messages at 2/s take about 1.5 s: after 700 ms at most 2 have moved.
    expect(midway.Status).toBe('RUNNING');
    expect(midway.ApproximateNumberOfMessagesMoved).toBeLessThanOrEqual(2);
    const done = await waitForTask(dlq.arn, 'COMPLETED');
    expect(done).toMatchObject({ Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    // A second task lists first; MaxResults bounds the list.
    await d().call('SendMessage', { QueueUrl: dlq.url, MessageBody: 'again' });
    await d().call('StartMessageMoveTask', { SourceArn: dlq.arn, DestinationArn: dest.arn });
    await waitForTask(dlq.arn, 'COMPLETED');
    const both = await d().call('ListMessageMoveTasks', { SourceArn: dlq.arn, MaxResults: 10 });
    expect(both.Results!.map((t) => t.ApproximateNumberOfMessagesMoved)).toEqual([1, 3]);
    expect(
      (await d().call('ListMessageMoveTasks', { SourceArn: dlq.arn, MaxResults: 1 })).Results,
    ).toHaveLength(1);
    await expectSqsError(
      d(),
      d().call('ListMessageMoveTasks', { SourceArn: dlq.arn, MaxResults: 11 }),
      'InvalidParameterValue',
      400,
    );
  });

  it('CancelMessageMoveTask stops a running task; what is left stays in the DLQ', async () => {
    const { dlq } = await pair(1);
    const dest = await createQueue(d(), 'dest');
    for (let i = 0; i < 6; i++)
      await d().call('SendMessage', { QueueUrl: dlq.url, MessageBody: `c${i}` });
    const { TaskHandle } = await d().call('StartMessageMoveTask', {
      SourceArn: dlq.arn,
      DestinationArn: dest.arn,
      MaxNumberOfMessagesPerSecond: 1,
    });
    const cancelled = await d().call('CancelMessageMoveTask', { TaskHandle: TaskHandle! });
    expect(typeof cancelled.ApproximateNumberOfMessagesMoved).toBe('number');
    const task = await waitForTask(dlq.arn, 'CANCELLED');
    expect(task?.Status).toBe('CANCELLED');
    const moved = task!.ApproximateNumberOfMessagesMoved!;
    expect(moved).toBeLessThan(6);
    expect(await count(dlq.url)).toBe(6 - moved);
    expect(await count(dest.url)).toBe(moved);
    await expectSqsError(
      d(),
      d().call('CancelMessageMoveTask', { TaskHandle: TaskHandle! }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('CancelMessageMoveTask', { TaskHandle: 'bm8tc3VjaC10YXNr' }),
      'ResourceNotFoundException',
      404,
    );
  });

  it('StartMessageMoveTask rules', async () => {
    const { dlq, src } = await pair(1);
    const start = (input: {
      SourceArn: string;
      DestinationArn?: string;
      MaxNumberOfMessagesPerSecond?: number;
    }) => d().call('StartMessageMoveTask', input);
    await expectSqsError(d(), start({ SourceArn: src.arn }), 'InvalidParameterValue', 400); // not a DLQ
    await expectSqsError(d(), start({ SourceArn: 'not-an-arn' }), 'InvalidParameterValue', 400);
    await expectSqsError(
      d(),
      start({ SourceArn: `${dlq.arn}-missing` }),
      'ResourceNotFoundException',
      404,
    );
    await expectSqsError(
      d(),
      start({ SourceArn: dlq.arn, DestinationArn: `${dlq.arn}-missing` }),
      'ResourceNotFoundException',
      404,
    );
    await expectSqsError(
      d(),
      start({ SourceArn: dlq.arn, MaxNumberOfMessagesPerSecond: 0 }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      start({ SourceArn: dlq.arn, MaxNumberOfMessagesPerSecond: 501 }),
      'InvalidParameterValue',
      400,
    );
    for (let i = 0; i < 3; i++)
      await d().call('SendMessage', { QueueUrl: dlq.url, MessageBody: `s${i}` });
    const dest = await createQueue(d(), 'dest');
    await start({ SourceArn: dlq.arn, DestinationArn: dest.arn, MaxNumberOfMessagesPerSecond: 1 });
    // Only one active task per source queue.
    await expectSqsError(
      d(),
      start({ SourceArn: dlq.arn, DestinationArn: dest.arn }),
      'InvalidParameterValue',
      400,
    );
  });

  it('messages sent straight to a DLQ have no source: moving them back fails the task', async () => {
    const { dlq } = await pair(1);
    await d().call('SendMessage', { QueueUrl: dlq.url, MessageBody: 'orphan' });
    await d().call('StartMessageMoveTask', { SourceArn: dlq.arn });
    const task = await waitForTask(dlq.arn, 'FAILED');
    expect(task?.Status).toBe('FAILED');
    expect(task?.FailureReason).toBeTruthy();
    expect(await count(dlq.url)).toBe(1);
  });

  it('a move task survives a server restart and completes', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-restart-'));
    const storage = testStorageEnv();
    const start = () =>
      startSwitchyard(
        resolveConfig(
          {},
          {
            SWITCHYARD_PORT: '0',
            SWITCHYARD_DATA_DIR: dataDir,
            SWITCHYARD_LOG_LEVEL: 'error',
            ...storage.env,
          },
        ),
      );
    const drivers: SqsDriver[] = [];
    const driverFor = (url: string) => {
      const drv = makeDriver(protocol, { endpoint: url });
      drivers.push(drv);
      return drv;
    };
    try {
      const first = await start();
      let drv = driverFor(first.url);
      const dlq = await createQueue(drv, 'dlq');
      await createQueue(drv, 'src', { RedrivePolicy: redrive(dlq.arn, 1) });
      const dest = await createQueue(drv, 'dest');
      for (let i = 0; i < 4; i++)
        await drv.call('SendMessage', { QueueUrl: dlq.url, MessageBody: `durable ${i}` });
      await drv.call('StartMessageMoveTask', {
        SourceArn: dlq.arn,
        DestinationArn: dest.arn,
        MaxNumberOfMessagesPerSecond: 2,
      });
      await sleep(300);
      await first.close();

      const second = await start();
      try {
        drv = driverFor(second.url);
        const byPath = (url: string) => `${second.url}${new URL(url).pathname}`;
        const until = Date.now() + 8000;
        let task;
        do {
          await sleep(100);
          task = (await drv.call('ListMessageMoveTasks', { SourceArn: dlq.arn })).Results?.[0];
        } while (task?.Status === 'RUNNING' && Date.now() < until);
        expect(task).toMatchObject({ Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 4 });
        const moved = await receiveN(drv, byPath(dest.url), 4);
        expect(moved.map((m) => m.Body).sort()).toEqual([
          'durable 0',
          'durable 1',
          'durable 2',
          'durable 3',
        ]);
      } finally {
        await second.close();
      }
    } finally {
      for (const drv of drivers) if (drv instanceof SdkDriver) drv.destroy();
      rmSync(dataDir, { recursive: true, force: true });
      await storage.cleanup();
    }
  });
});
