/**
 * The SQS message-flow workload: P producer loops and C consumer loops against one queue, each
 * loop one request at a time (closed loop), through the lean signing client.
 *
 * - batched: SendMessageBatch(10) / ReceiveMessage(10, long poll) → DeleteMessageBatch;
 * - unbatched (ElasticMQ's workload): SendMessage / ReceiveMessage(1, long poll) → DeleteMessage.
 *
 * Every body is `bodyBytes` long and starts with the producer's send time (performance.now() of
 * this process), so a consumer measures send→receive latency on the same clock.
 *
 * Two ways to stop:
 * - by time: producers and consumers run for `durationMs`; figures count what completed inside
 *   the window [warmupMs, durationMs] (steady state). Consumers then drain what is left only for
 *   `drainMs` (default 0: the caller deletes the queue, so the run stays bounded);
 * - by count (`messages`): producers send exactly that many, and the figure is the time until
 *   consumers have deleted them all (bounded by `timeoutMs`).
 */
import { LatencyRecorder, type LatencySummary } from './histogram.js';
import { SqsCallError, type SqsClient } from './sqs-client.js';

export interface FlowOptions {
  client: SqsClient;
  queueUrl: string;
  producers: number;
  consumers: number;
  batched: boolean;
  waitTimeSeconds: number;
  bodyBytes: number;
  /** By time: producer run time and the warm-up excluded from the figures. */
  durationMs?: number;
  warmupMs?: number;
  /** By count: messages to send, receive and delete. */
  messages?: number;
  /** Hard bound on the whole run (count mode), ms. */
  timeoutMs?: number;
  /** Time mode: how long consumers go on draining after the window (default 0), ms. */
  drainMs?: number;
}

export interface FlowResult {
  mode: 'duration' | 'count';
  /** Length of the measured window (time mode) or time to complete the count (count mode), s. */
  seconds: number;
  sent: number;
  received: number;
  deleted: number;
  /** Messages received and deleted per second: the end-to-end figure. */
  msgsPerSec: number;
  sentPerSec: number;
  receivedPerSec: number;
  /** Sent but not yet deleted when producers stopped (time mode). */
  backlogAtEnd: number;
  /** Messages left undeleted when the run ended (count mode: timeout; time mode: backlog after any drain). */
  undrained: number;
  completed: boolean;
  sendToReceiveMs: LatencySummary;
  sendAckMs: LatencySummary;
  receiveMs: LatencySummary;
  deleteAckMs: LatencySummary;
  emptyReceives: number;
  requests: number;
  errors: Record<string, number>;
}

const MAX_ERRORS = 500;

export function makeBody(sentAt: number, bytes: number): string {
  const head = `${sentAt.toFixed(3)}:`;
  return head + 'x'.repeat(Math.max(0, bytes - head.length));
}

export async function runFlow(opts: FlowOptions): Promise<FlowResult> {
  const { client, queueUrl } = opts;
  const countMode = opts.messages !== undefined;
  const batchSize = opts.batched ? 10 : 1;
  const start = performance.now();
  const warmEnd = start + (countMode ? 0 : (opts.warmupMs ?? 0));
  const windowEnd = countMode ? Number.POSITIVE_INFINITY : start + (opts.durationMs ?? 10_000);
  const hardEnd = countMode ? start + (opts.timeoutMs ?? 120_000) : windowEnd + (opts.drainMs ?? 0);

  const latency = new LatencyRecorder();
  const sendAck = new LatencyRecorder();
  const receiveRtt = new LatencyRecorder();
  const deleteAck = new LatencyRecorder();
  const errors: Record<string, number> = {};
  let errorCount = 0;
  let requests = 0;
  let emptyReceives = 0;

  let claimed = 0; // count mode: messages producers have taken on
  let sentTotal = 0;
  let deletedTotal = 0;
  let sentWin = 0;
  let receivedWin = 0;
  let deletedWin = 0;
  let producersDone = 0;
  let backlogAtEnd = -1;
  let doneAt = 0; // count mode: when the last message was deleted
  let aborted: Error | undefined;

  const inWindow = (t: number): boolean => t >= warmEnd && t <= windowEnd;
  const noteError = (e: unknown): void => {
    const code =
      e instanceof SqsCallError ? e.code : e instanceof Error ? e.message.slice(0, 80) : String(e);
    errors[code] = (errors[code] ?? 0) + 1;
    if (++errorCount >= MAX_ERRORS)
      aborted ??= new Error(`aborted after ${errorCount} errors: ${JSON.stringify(errors)}`);
  };

  const producer = async (): Promise<void> => {
    for (;;) {
      const now = performance.now();
      if (aborted || now >= hardEnd) break;
      let n = batchSize;
      if (countMode) {
        n = Math.min(batchSize, opts.messages! - claimed);
        if (n <= 0) break;
        claimed += n;
      } else if (now >= windowEnd) {
        break;
      }
      const body = makeBody(now, opts.bodyBytes);
      try {
        requests++;
        let ok: number;
        if (opts.batched) ok = await client.sendBatch(queueUrl, new Array<string>(n).fill(body));
        else {
          await client.send(queueUrl, body);
          ok = 1;
        }
        const done = performance.now();
        sendAck.record(done - now);
        sentTotal += ok;
        if (inWindow(done)) sentWin += ok;
        if (ok < n && countMode) claimed -= n - ok;
      } catch (e) {
        noteError(e);
        if (countMode) claimed -= n;
      }
    }
    producersDone++;
    if (producersDone === opts.producers && backlogAtEnd < 0)
      backlogAtEnd = sentTotal - deletedTotal;
  };

  const consumersShouldStop = (): boolean => {
    if (aborted || performance.now() >= hardEnd) return true;
    if (countMode) return deletedTotal >= opts.messages!;
    return producersDone === opts.producers && deletedTotal >= sentTotal;
  };

  const consumer = async (): Promise<void> => {
    while (!consumersShouldStop()) {
      const t0 = performance.now();
      let messages;
      try {
        requests++;
        messages = await client.receive(queueUrl, batchSize, opts.waitTimeSeconds);
      } catch (e) {
        noteError(e);
        continue;
      }
      const t1 = performance.now();
      receiveRtt.record(t1 - t0);
      if (messages.length === 0) {
        emptyReceives++;
        continue;
      }
      const receivedInWindow = inWindow(t1);
      for (const m of messages) {
        const sentAt = Number.parseFloat(m.Body);
        if (receivedInWindow && Number.isFinite(sentAt)) latency.record(t1 - sentAt);
      }
      if (receivedInWindow) receivedWin += messages.length;
      try {
        let ok: number;
        if (opts.batched) {
          requests++;
          ok = await client.deleteBatch(
            queueUrl,
            messages.map((m) => m.ReceiptHandle),
          );
        } else {
          ok = 0;
          for (const m of messages) {
            requests++;
            await client.delete(queueUrl, m.ReceiptHandle);
            ok++;
          }
        }
        const t2 = performance.now();
        deleteAck.record(t2 - t1);
        deletedTotal += ok;
        if (inWindow(t2)) deletedWin += ok;
        if (countMode && deletedTotal >= opts.messages! && doneAt === 0) doneAt = t2;
      } catch (e) {
        noteError(e);
      }
    }
  };

  const loops: Promise<void>[] = [];
  for (let i = 0; i < opts.producers; i++) loops.push(producer());
  for (let i = 0; i < opts.consumers; i++) loops.push(consumer());
  await Promise.all(loops);
  if (aborted) throw aborted;

  const end = performance.now();
  let seconds: number;
  let msgsPerSec: number;
  let sentPerSec: number;
  let receivedPerSec: number;
  if (countMode) {
    seconds = ((doneAt || end) - start) / 1000;
    msgsPerSec = deletedTotal / seconds;
    sentPerSec = sentTotal / seconds;
    receivedPerSec = msgsPerSec;
    receivedWin = deletedTotal;
    sentWin = sentTotal;
    deletedWin = deletedTotal;
  } else {
    seconds = (windowEnd - warmEnd) / 1000;
    msgsPerSec = deletedWin / seconds;
    sentPerSec = sentWin / seconds;
    receivedPerSec = receivedWin / seconds;
  }
  const r = (v: number): number => Math.round(v * 10) / 10;
  return {
    mode: countMode ? 'count' : 'duration',
    seconds: Math.round(seconds * 100) / 100,
    sent: sentWin,
    received: receivedWin,
    deleted: deletedWin,
    msgsPerSec: r(msgsPerSec),
    sentPerSec: r(sentPerSec),
    receivedPerSec: r(receivedPerSec),
    backlogAtEnd: Math.max(0, backlogAtEnd),
    undrained: Math.max(0, (countMode ? opts.messages! : sentTotal) - deletedTotal),
    completed: countMode ? deletedTotal >= opts.messages! : deletedTotal >= sentTotal,
    sendToReceiveMs: latency.summary(),
    sendAckMs: sendAck.summary(),
    receiveMs: receiveRtt.summary(),
    deleteAckMs: deleteAck.summary(),
    emptyReceives,
    requests,
    errors,
  };
}
