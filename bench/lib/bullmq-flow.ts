/**
 * What a Node developer would pick instead of a queue server: BullMQ on the machine's Redis.
 * Workload, as the brief states it: 4 producers (each its own Queue and connection) adding bulks
 * of 10 jobs with `queue.addBulk`, one Worker (concurrency tuned, default 50) completing them; a
 * fixed number of jobs with the same 256-byte payload as the SQS runs (it starts with the send
 * time, so the worker measures send→start latency like an SQS consumer measures send→receive).
 * Completed jobs are removed, as a deleted SQS message is gone. The queue's keys are obliterated
 * afterwards.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { LatencyRecorder, type LatencySummary } from './histogram.js';
import { makeBody } from './sqs-flow.js';

export interface BullFlowOptions {
  redisPort: number;
  messages: number;
  producers: number;
  bulkSize: number;
  concurrency: number;
  bodyBytes: number;
  timeoutMs: number;
}

export interface BullFlowResult {
  jobs: number;
  completed: number;
  seconds: number;
  jobsPerSec: number;
  addedPerSec: number;
  sendToStartMs: LatencySummary;
  addBulkAckMs: LatencySummary;
  failed: number;
  timedOut: boolean;
}

interface JobData {
  body: string;
}

export async function runBullFlow(opts: BullFlowOptions): Promise<BullFlowResult> {
  const name = `switchyard-bench-${process.pid}-${Date.now()}`;
  const connection = { host: '127.0.0.1', port: opts.redisPort, maxRetriesPerRequest: null };
  const latency = new LatencyRecorder();
  const addAck = new LatencyRecorder();
  let completed = 0;
  let failed = 0;
  let doneAt = 0;
  let addedAt = 0;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const worker = new Worker<JobData>(
    name,
    (job: Job<JobData>) => {
      const sentAt = Number.parseFloat(job.data.body);
      if (Number.isFinite(sentAt)) latency.record(performance.now() - sentAt);
      return Promise.resolve();
    },
    { connection, concurrency: opts.concurrency },
  );
  worker.on('completed', () => {
    completed++;
    if (completed >= opts.messages && doneAt === 0) {
      doneAt = performance.now();
      resolveDone();
    }
  });
  worker.on('failed', () => {
    failed++;
  });
  await worker.waitUntilReady();

  const queues = Array.from(
    { length: opts.producers },
    () => new Queue<JobData>(name, { connection }),
  );
  await Promise.all(queues.map((q) => q.waitUntilReady()));

  const start = performance.now();
  const deadline = start + opts.timeoutMs;
  let claimed = 0;
  const producer = async (queue: Queue<JobData>): Promise<void> => {
    while (performance.now() < deadline) {
      const n = Math.min(opts.bulkSize, opts.messages - claimed);
      if (n <= 0) break;
      claimed += n;
      const t = performance.now();
      const body = makeBody(t, opts.bodyBytes);
      const jobs = Array.from({ length: n }, () => ({
        name: 'm',
        data: { body },
        opts: { removeOnComplete: true, removeOnFail: true },
      }));
      await queue.addBulk(jobs);
      addAck.record(performance.now() - t);
    }
  };
  const producers = Promise.all(queues.map((q) => producer(q))).then(() => {
    addedAt = performance.now();
  });

  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    done.then(() => false),
    new Promise<boolean>(
      (resolve) => (timer = setTimeout(() => resolve(true), opts.timeoutMs + 1000)),
    ),
  ]);
  clearTimeout(timer);
  await producers;
  const end = doneAt || performance.now();

  await worker.close();
  await queues[0]!.obliterate({ force: true }).catch(() => {});
  await Promise.all(queues.map((q) => q.close()));

  const seconds = (end - start) / 1000;
  const r = (v: number): number => Math.round(v * 10) / 10;
  return {
    jobs: opts.messages,
    completed,
    seconds: Math.round(seconds * 100) / 100,
    jobsPerSec: r(completed / seconds),
    addedPerSec: r(opts.messages / (((addedAt || end) - start) / 1000)),
    sendToStartMs: latency.summary(),
    addBulkAckMs: addAck.summary(),
    failed,
    timedOut,
  };
}
