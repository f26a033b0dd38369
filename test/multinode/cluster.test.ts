/**
 * Multi-node behaviour (issue 3, "Tests"): three Switchyard processes on one PostgreSQL schema
 * behave as one server. Every SQS API works on every node; FIFO order holds when sends and
 * receives of a group are spread over all nodes; a visibility timeout set on one node expires
 * on another (which never saw a notification for it); a long poll on one node is woken by a send
 * on another through LISTEN/NOTIFY (latency measured and printed); a message move task keeps
 * going after the node where it was started is killed with SIGKILL.
 *
 * The cluster is started once for the file (its nodes start at the same moment, so the schema
 * migration runs concurrently on three fresh connections) in a schema dropped afterwards.
 * Timings are bounded loosely: this runs on a noisy 2-core machine.
 */
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  StartMessageMoveTaskCommand,
  TagQueueCommand,
  UntagQueueCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Cluster,
  errorOf,
  PG_URL,
  PUBLIC_URL,
  SKIP_REASON,
  stats,
  until,
  type ClusterNode,
} from './cluster.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

async function createQueue(
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string> = {},
): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
  );
  const attrs = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { url: QueueUrl!, arn: attrs.Attributes!.QueueArn! };
}

async function attributesOf(sqs: SQSClient, url: string): Promise<Record<string, string>> {
  const res = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
  );
  return res.Attributes ?? {};
}

/** Receives until `n` messages arrived (each deleted unless `keep`), within `timeoutMs`. */
async function receiveN(sqs: SQSClient, url: string, n: number, timeoutMs = 15_000) {
  const got: Message[] = [];
  const deadline = performance.now() + timeoutMs;
  while (got.length < n && performance.now() < deadline) {
    const res = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 60,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    got.push(...(res.Messages ?? []));
  }
  return got;
}

describe.skipIf(!PG_URL)(`three nodes on one PostgreSQL schema (${SKIP_REASON})`, () => {
  let cluster: Cluster | undefined;
  const node = (i: number): ClusterNode => cluster!.node(i);

  beforeAll(async () => {
    cluster = await Cluster.start({ nodes: 3 });
    console.log(
      `cluster: schema ${cluster.schema}, startup ms ${cluster.nodes.map((n) => `${n.name}=${n.startupMs[0]}`).join(' ')}`,
    );
  }, 120_000);

  afterAll(async () => {
    const crashes = cluster?.nodes.flatMap((n) => n.crashes) ?? [];
    await cluster?.dispose();
    expect(crashes, 'nodes that died by themselves').toEqual([]);
  });

  it('every SQS API works on every node: create on A, send on B, receive on C, …', async () => {
    const [a, b, c] = [node(0).sqs, node(1).sqs, node(2).sqs];
    const name = uniqueName('every-api');
    const dlq = await createQueue(b, `${name}-dlq`);
    const { url } = await createQueue(a, name, {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }),
    });
    // Queue URLs carry the shared public URL, whichever node answers.
    expect(url).toBe(`${PUBLIC_URL}/000000000000/${name}`);
    for (const sqs of [a, b, c]) {
      expect((await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl).toBe(url);
      const listed = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: name }));
      expect(listed.QueueUrls).toContain(url);
    }
    const sources = await c.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url }));
    expect(sources.queueUrls).toEqual([url]);

    await b.send(
      new SetQueueAttributesCommand({
        QueueUrl: url,
        Attributes: { DelaySeconds: '0', VisibilityTimeout: '45' },
      }),
    );
    // Each node caches queue records for up to 1 s (QueueDirectory; AWS allows 60 s): another
    // node's change shows within that.
    const changedAt = performance.now();
    await until('C to see the attribute set on B', 3_000, async () =>
      (await attributesOf(c, url)).VisibilityTimeout === '45' ? true : undefined,
    );
    const propagationMs = performance.now() - changedAt;
    expect(propagationMs).toBeLessThan(2_500);
    await c.send(new TagQueueCommand({ QueueUrl: url, Tags: { team: 'multinode', tmp: 'x' } }));
    await a.send(new UntagQueueCommand({ QueueUrl: url, TagKeys: ['tmp'] }));
    expect((await b.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual({
      team: 'multinode',
    });

    // Payloads are encrypted with the shared root key: sent on B, C, read on C, A.
    const one = await b.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'from B',
        MessageAttributes: { origin: { DataType: 'String', StringValue: 'B' } },
      }),
    );
    const batch = await c.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'c1', MessageBody: 'from C 1' },
          { Id: 'c2', MessageBody: 'from C 2' },
        ],
      }),
    );
    expect(batch.Successful).toHaveLength(2);
    const got = await receiveN(c, url, 3);
    expect(got.map((m) => m.Body).sort()).toEqual(['from B', 'from C 1', 'from C 2']);
    const fromB = got.find((m) => m.Body === 'from B')!;
    expect(fromB.MessageId).toBe(one.MessageId);
    expect(fromB.MessageAttributes?.origin?.StringValue).toBe('B');
    expect((await attributesOf(a, url)).ApproximateNumberOfMessagesNotVisible).toBe('3');

    // A receipt handle issued by C is honoured by A and B.
    await a.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: fromB.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const again = await receiveN(b, url, 1);
    expect(again.map((m) => [m.Body, m.Attributes?.ApproximateReceiveCount])).toEqual([
      ['from B', '2'],
    ]);
    await b.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: again[0]!.ReceiptHandle }),
    );
    const deleted = await a.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: got
          .filter((m) => m.Body !== 'from B')
          .map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })),
      }),
    );
    expect(deleted.Successful).toHaveLength(2);
    const empty = await attributesOf(c, url);
    expect([
      empty.ApproximateNumberOfMessages,
      empty.ApproximateNumberOfMessagesNotVisible,
    ]).toEqual(['0', '0']);

    await c.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'to be purged' }));
    await a.send(new PurgeQueueCommand({ QueueUrl: url }));
    const afterPurge = await b.send(
      new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 0 }),
    );
    expect(afterPurge.Messages ?? []).toEqual([]);

    await a.send(new DeleteQueueCommand({ QueueUrl: url }));
    for (const sqs of [b, c]) {
      const err = await until('the deletion to show on every node', 3_000, () =>
        sqs.send(new GetQueueUrlCommand({ QueueName: name })).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(errorOf(err)).toEqual({ status: 400, name: 'QueueDoesNotExist' });
    }
    const late = await c
      .send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'too late' }))
      .catch((e: unknown) => e);
    expect(errorOf(late)).toEqual({ status: 400, name: 'QueueDoesNotExist' });
    console.log(`queue attribute change on B seen on C after ${Math.round(propagationMs)} ms`);
  }, 60_000);

  it('FIFO order holds per group with sends and receives spread over all three nodes', async () => {
    const nodes = [node(0), node(1), node(2)];
    const { url } = await createQueue(nodes[0]!.sqs, `${uniqueName('fifo-order')}.fifo`, {
      FifoQueue: 'true',
    });
    const GROUPS = 4;
    const PER_GROUP = 20;
    const total = GROUPS * PER_GROUP;
    const sent = new Map<string, string[]>(); // group → bodies in send order
    /** Each group's producer sends sequentially, message k through node (k + g) mod 3. */
    const producer = async (g: number) => {
      const group = `g${g}`;
      const bodies: string[] = [];
      sent.set(group, bodies);
      for (let k = 0; k < PER_GROUP; k++) {
        const body = `${group}:${k}`;
        await nodes[(k + g) % 3]!.sqs.send(
          new SendMessageCommand({
            QueueUrl: url,
            MessageBody: body,
            MessageGroupId: group,
            MessageDeduplicationId: body,
          }),
        );
        bodies.push(body);
      }
    };
    let tick = 0;
    const deliveries: {
      body: string;
      group: string;
      tick: number;
      position: number;
      node: string;
    }[] = [];
    let done = false;
    /** One consumer per node; each deletes through the next node. */
    const consumer = async (i: number) => {
      const me = nodes[i]!;
      const deleter = nodes[(i + 1) % 3]!;
      while (!done) {
        const res = await me.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
            VisibilityTimeout: 60,
            MessageSystemAttributeNames: ['MessageGroupId'],
          }),
        );
        const t = ++tick;
        const msgs = res.Messages ?? [];
        msgs.forEach((m, position) =>
          deliveries.push({
            body: m.Body!,
            group: m.Attributes!.MessageGroupId!,
            tick: t,
            position,
            node: me.name,
          }),
        );
        if (deliveries.length >= total) done = true;
        if (msgs.length > 0)
          await deleter.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: url,
              Entries: msgs.map((m, k) => ({ Id: `m${k}`, ReceiptHandle: m.ReceiptHandle })),
            }),
          );
      }
    };
    const consumers = Promise.all([0, 1, 2].map(consumer));
    const timeout = setTimeout(() => (done = true), 45_000);
    try {
      await Promise.all(Array.from({ length: GROUPS }, (_, g) => producer(g)));
      await consumers;
    } finally {
      clearTimeout(timeout);
      done = true;
    }

    const byNode: Record<string, number> = {};
    for (const d of deliveries) byNode[d.node] = (byNode[d.node] ?? 0) + 1;
    console.log(
      `FIFO across nodes: ${deliveries.length} deliveries, by receiving node ${JSON.stringify(byNode)}`,
    );
    // Exactly once (every visibility timeout outlasts the test) …
    expect(deliveries).toHaveLength(total);
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(total);
    // … and in send order within each group.
    for (const [group, bodies] of sent) {
      const order = deliveries
        .filter((d) => d.group === group)
        .sort((x, y) => x.tick - y.tick || x.position - y.position)
        .map((d) => d.body);
      expect(order, `group ${group}`).toEqual(bodies);
    }
    expect(Object.keys(byNode).length).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('a visibility timeout set on B expires on C: a long poll on C wakes at the due time', async () => {
    const [a, b, c] = [node(0).sqs, node(1).sqs, node(2).sqs];
    const { url } = await createQueue(a, uniqueName('visibility'));
    const sent = await a.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'expire me' }));
    const first = await b.send(
      new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 2, WaitTimeSeconds: 2 }),
    );
    const receivedAt = performance.now();
    expect(first.Messages?.[0]?.MessageId).toBe(sent.MessageId);
    const hidden = await c.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 0 }));
    expect(hidden.Messages ?? []).toEqual([]);
    // C parks (no notification will come: an expiry commits nothing) and must wake at the
    // message's visible-at time read from the database, not at the end of its 10 s wait.
    const second = await c.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        WaitTimeSeconds: 10,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    const elapsed = performance.now() - receivedAt;
    console.log(
      `visibility expiry observed on another node after ${Math.round(elapsed)} ms (timeout 2000 ms)`,
    );
    expect(second.Messages?.[0]?.MessageId).toBe(sent.MessageId);
    expect(second.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    expect(elapsed).toBeGreaterThanOrEqual(1800);
    expect(elapsed).toBeLessThan(3500);
  }, 30_000);

  it('a long poll on A is woken by a send on B within milliseconds (LISTEN/NOTIFY)', async () => {
    const [a, b] = [node(0).sqs, node(1).sqs];
    const { url } = await createQueue(a, uniqueName('wake'));
    const TRIALS = 20;
    const PARK_MS = 250;
    const latencies: number[] = [];
    for (let trial = -2; trial < TRIALS; trial++) {
      const body = `wake ${trial}`;
      const startedAt = performance.now();
      let returnedAt = 0;
      const waiting = a
        .send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 10 }))
        .then((r) => {
          returnedAt = performance.now();
          return r;
        });
      // Nothing observable tells when A has parked the receive: give it time to get there.
      await sleep(PARK_MS);
      expect(returnedAt, 'the receive returned before the send').toBe(0);
      await b.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
      const ackedAt = performance.now();
      const res = await waiting;
      expect(res.Messages?.map((m) => m.Body)).toEqual([body]);
      await a.send(
        new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: res.Messages![0]!.ReceiptHandle }),
      );
      expect(returnedAt - startedAt).toBeGreaterThanOrEqual(PARK_MS);
      if (trial >= 0) latencies.push(Math.max(0, returnedAt - ackedAt));
    }
    const s = stats(latencies);
    console.log(
      `long-poll wake-up across nodes (send acked on B → receive returned on A), ${s.n} trials: p50 ${s.p50.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`,
    );
    // The fall-back would be the 10 s wait; the issue asks for 50 ms.
    for (const l of latencies) expect(l).toBeLessThan(1000);
    expect(s.p50).toBeLessThan(50);
  }, 60_000);

  it('a message move task runs to completion after its node is killed with SIGKILL', async () => {
    const [a, b, c] = [node(0), node(1), node(2)];
    const name = uniqueName('move');
    const dlq = await createQueue(b.sqs, `${name}-dlq`);
    await createQueue(b.sqs, `${name}-src`, {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }),
    });
    const dst = await createQueue(b.sqs, `${name}-dst`);
    const N = 30;
    const bodies = Array.from({ length: N }, (_, i) => `m${i}`);
    for (let i = 0; i < N; i += 10) {
      await b.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: dlq.url,
          Entries: bodies.slice(i, i + 10).map((body) => ({ Id: body, MessageBody: body })),
        }),
      );
    }
    const RATE = 5;
    const startedAt = performance.now();
    await a.sqs.send(
      new StartMessageMoveTaskCommand({
        SourceArn: dlq.arn,
        DestinationArn: dst.arn,
        MaxNumberOfMessagesPerSecond: RATE,
      }),
    );
    const task = async (sqs: SQSClient) =>
      (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results?.[0];
    const movedBeforeKill = await until('the task to make progress', 20_000, async () => {
      const t = await task(c.sqs);
      return (t?.ApproximateNumberOfMessagesMoved ?? 0) > 0
        ? t!.ApproximateNumberOfMessagesMoved!
        : undefined;
    });
    await a.kill9();
    const killedAt = performance.now();
    expect(a.exits.at(-1)?.signal).toBe('SIGKILL');
    expect(movedBeforeKill, 'the task finished before the kill: nothing proved').toBeLessThan(N);

    const finished = await until(
      'the task to complete',
      60_000,
      async () => {
        const t = await task(c.sqs);
        return t?.Status === 'COMPLETED' || t?.Status === 'FAILED' ? t : undefined;
      },
      100,
    );
    const completedAt = performance.now();
    expect(finished).toMatchObject({
      Status: 'COMPLETED',
      ApproximateNumberOfMessagesMoved: N,
      ApproximateNumberOfMessagesToMove: N,
      DestinationArn: dst.arn,
    });
    const moved = await receiveN(b.sqs, dst.url, N);
    expect(moved.map((m) => m.Body).sort()).toEqual([...bodies].sort());
    const left = await attributesOf(c.sqs, dlq.url);
    expect(left.ApproximateNumberOfMessages).toBe('0');
    const afterKillSeconds = (completedAt - killedAt) / 1000;
    console.log(
      `move task: ${movedBeforeKill} moved before node A was killed, the rest ${N - movedBeforeKill} in ${afterKillSeconds.toFixed(1)} s after ` +
        `(${((N - movedBeforeKill) / afterKillSeconds).toFixed(1)} msgs/s observed with MaxNumberOfMessagesPerSecond ${RATE}); total ${((completedAt - startedAt) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});
