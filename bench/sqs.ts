/**
 * `npm run bench:sqs` — Switchyard's SQS benchmark: durable commits, 256-byte bodies, every
 * figure measured in one run next to what it is compared with, printed as one JSON document on
 * stdout (progress on stderr). Phases (`--only` picks some):
 *
 *   batched    SendMessageBatch(10) producers + ReceiveMessage(10, long poll) →
 *              DeleteMessageBatch consumers: msgs/s and send→receive p50/p99/p999 (target ≥ 10,000)
 *   unbatched  ElasticMQ's workload: SendMessage + ReceiveMessage(1) + DeleteMessage (≥ 3,000)
 *   vs-bare    SendMessage requests/s against a bare node:http server answering the same bytes,
 *              same autocannon replay of one signed request (target ratio ≥ 0.4)
 *   moto       the same fixed batched workload against Switchyard and moto_server: time, ratio
 *   bullmq     BullMQ on the local Redis, 4 producers × addBulk(10), one worker: jobs/s, and
 *              Switchyard's batched figure over it (target ≥ 1×)
 *   pg-peers   (postgres storage) Switchyard's batched flow, pg-boss and graphile-worker on the
 *              same database, each in a fresh schema, same loops and windows, rotating order:
 *              jobs/s and Switchyard's ratio over each (target ≥ 3×); see bench/lib/pg-peers.ts
 *   pg-nodes   (postgres storage) the batched flow on 1 node, then on 2 nodes sharing one schema
 *              (load split evenly between them): msgs/s and the scaling ratio
 *
 * Each phase starts its own Switchyard child process on a fresh data directory (with
 * `--storage postgres://…`: a fresh `bench_<random>` schema and root key) and stops it
 * afterwards, dropping the schema; `--repeat N` runs each figure N times and reports median and spread. Everything
 * is bounded in time and runs against 127.0.0.1 only; child processes die with the benchmark.
 *
 *   node --import tsx bench/sqs.ts [--only batched,vs-bare] [--duration 15] [--repeat 3] [--profile]
 *   node --import tsx bench/sqs.ts --storage postgres://postgres@127.0.0.1:5432/test --only batched,unbatched,pg-peers
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, USAGE, type BenchOptions, type Phase } from './lib/args.js';
import { runBullFlow, type BullFlowResult } from './lib/bullmq-flow.js';
import { log, removeDir, trackDir } from './lib/children.js';
import { summariseProfiles, type ThreadProfile } from './lib/cpu-profile.js';
import { cpuMeter, type CpuShare } from './lib/cpu-usage.js';
import { probeFsync } from './lib/fsync-probe.js';
import { motoUnavailable, startMoto } from './lib/moto.js';
import {
  dropSchema,
  isPostgresUrl,
  newSchemaName,
  postgresCpuMeter,
  postgresInfo,
  trackSchema,
} from './lib/pg-bench-db.js';
import { runGraphileFlow, runPgBossFlow, type PeerFlowResult } from './lib/pg-peers.js';
import { redisProbe } from './lib/redis.js';
import {
  replay,
  sendOnce,
  startBareServer,
  type FixedRequest,
  type ReplayResult,
} from './lib/replay.js';
import { SqsClient } from './lib/sqs-client.js';
import { makeBody, runFlow, type FlowOptions, type FlowResult } from './lib/sqs-flow.js';
import { median, round, spread } from './lib/stats.js';
import {
  commitDelta,
  distAvailable,
  distFresh,
  REPO_ROOT,
  SwitchyardServer,
  type CommitDelta,
} from './lib/switchyard-server.js';

const TARGETS = {
  batchedMsgsPerSec: 10_000,
  unbatchedMsgsPerSec: 3_000,
  vsBareRatio: 0.4,
  vsBullmq: 1,
  vsPgPeers: 3,
};
const LEAN_CLIENT =
  'lean signing client: node:http keep-alive agent, one closed loop per producer/consumer, every request signed with src/protocols/aws/sigv4/sign.ts';

type FlowRun = FlowResult & {
  cpu: CpuShare;
  /** Average cores of all PostgreSQL processes on the machine (postgres storage only). */
  postgresCores?: number | null;
  groupCommit: CommitDelta | null;
};

// ── helpers ──

/** Runs `fn` against a fresh Switchyard child; with --profile, also summarises its CPU profile. */
async function withSwitchyard<T>(
  opts: BenchOptions,
  label: string,
  fn: (server: SwitchyardServer) => Promise<T>,
): Promise<{ value: T; serverProfile?: ThreadProfile[] }> {
  const profileDir = opts.profile
    ? trackDir(mkdtempSync(path.join(os.tmpdir(), `switchyard-prof-${label}-`)))
    : undefined;
  const server = await SwitchyardServer.start({
    fromDist: opts.fromDist,
    launcher: opts.launcher,
    label,
    ...(profileDir ? { cpuProfileDir: profileDir } : {}),
    ...(opts.storage ? { storage: opts.storage } : {}),
    ...(isPostgresUrl(opts.storage) ? { pgPoolSize: opts.pgPoolSize } : {}),
  });
  let value: T;
  try {
    value = await fn(server);
  } finally {
    await server.stop();
  }
  if (!profileDir) return { value };
  const serverProfile = summariseProfiles(profileDir, REPO_ROOT);
  if (opts.profileDir) {
    const keep = path.join(opts.profileDir, label);
    mkdirSync(keep, { recursive: true });
    for (const f of readdirSync(profileDir))
      copyFileSync(path.join(profileDir, f), path.join(keep, f));
    log(`CPU profiles of ${label} kept in ${keep}`);
  }
  removeDir(profileDir);
  return { value, serverProfile };
}

/** One measured flow against a Switchyard server: the flow plus CPU split and commit groups. */
async function measuredFlow(server: SwitchyardServer, flow: FlowOptions): Promise<FlowRun> {
  const before = await server.commitStats();
  const meter = cpuMeter(server.child.pid);
  const pgMeter = isPostgresUrl(server.options.storage) ? postgresCpuMeter() : undefined;
  const result = await runFlow(flow);
  const cpu = meter();
  const postgresCores = pgMeter?.();
  const groupCommit = commitDelta(before, await server.commitStats());
  return { ...result, cpu, ...(pgMeter ? { postgresCores } : {}), groupCommit };
}

const NO_GROUP_COMMIT_STATS =
  'unavailable (launcher cli, or an engine without group-commit statistics: PostgreSQL commits each call in its own transaction)';

function flowSummary(runs: FlowRun[]): Record<string, unknown> {
  const pick = (f: (r: FlowRun) => number): number => round(median(runs.map(f)), 3);
  const groups = runs.map((r) => r.groupCommit).filter((g): g is CommitDelta => g !== null);
  return {
    msgsPerSec: spread(runs.map((r) => r.msgsPerSec)),
    sentPerSec: spread(runs.map((r) => r.sentPerSec)),
    sendToReceiveMs: {
      p50: pick((r) => r.sendToReceiveMs.p50),
      p99: pick((r) => r.sendToReceiveMs.p99),
      p999: pick((r) => r.sendToReceiveMs.p999),
    },
    sendAckMs: { p50: pick((r) => r.sendAckMs.p50), p99: pick((r) => r.sendAckMs.p99) },
    deleteAckMs: { p50: pick((r) => r.deleteAckMs.p50), p99: pick((r) => r.deleteAckMs.p99) },
    serverCores: runs[0]?.cpu.serverCores === null ? null : pick((r) => r.cpu.serverCores ?? 0),
    loadGeneratorCores: pick((r) => r.cpu.loadGeneratorCores),
    ...(runs[0]?.postgresCores !== undefined
      ? { postgresCores: pick((r) => r.postgresCores ?? 0) }
      : {}),
    groupCommit:
      groups.length > 0
        ? {
            meanGroupSize: round(median(groups.map((g) => g.meanGroupSize)), 2),
            meanCommitMs: round(median(groups.map((g) => g.meanCommitMs)), 3),
            meanTxMs: round(median(groups.map((g) => g.meanTxMs)), 3),
            commitsPerSec: round(
              median(runs.map((r) => (r.groupCommit ? r.groupCommit.commits / r.seconds : 0))),
              0,
            ),
          }
        : NO_GROUP_COMMIT_STATS,
  };
}

function cpuPerRequest(r: ReplayResult & { cpu: CpuShare }): number {
  return r.cpu.serverCores === null || r.requestsPerSec === 0
    ? Number.NaN
    : (r.cpu.serverCores * 1e6) / r.requestsPerSec;
}

function verdict(value: number, target: number): { target: number; median: number; met: boolean } {
  return { target, median: value, met: value >= target };
}

// ── phases ──

async function phaseBatched(opts: BenchOptions): Promise<Record<string, unknown>> {
  const { value, serverProfile } = await withSwitchyard(opts, 'batched', async (server) => {
    const client = new SqsClient({
      port: server.port,
      maxSockets: opts.producers + opts.consumers,
    });
    const runs: FlowRun[] = [];
    try {
      for (let i = 0; i < opts.repeat; i++) {
        const queueUrl = await client.createQueue(`bench-batched-${i}`);
        log(
          `batched run ${i + 1}/${opts.repeat}: ${opts.producers} producers, ${opts.consumers} consumers, ${opts.durationSec} s`,
        );
        const run = await measuredFlow(server, {
          client,
          queueUrl,
          producers: opts.producers,
          consumers: opts.consumers,
          batched: true,
          waitTimeSeconds: opts.waitTimeSeconds,
          bodyBytes: opts.bodyBytes,
          durationMs: opts.durationSec * 1000,
          warmupMs: opts.warmupSec * 1000,
        });
        log(
          `  → ${run.msgsPerSec} msgs/s, send→receive p50 ${run.sendToReceiveMs.p50} ms p99 ${run.sendToReceiveMs.p99} ms`,
        );
        runs.push(run);
        await client.deleteQueue(queueUrl);
      }
    } finally {
      client.close();
    }
    return runs;
  });
  const summary = flowSummary(value);
  return {
    loadGenerator: LEAN_CLIENT,
    workload: {
      producers: opts.producers,
      consumers: opts.consumers,
      send: 'SendMessageBatch × 10',
      receive: `ReceiveMessage MaxNumberOfMessages 10, WaitTimeSeconds ${opts.waitTimeSeconds}`,
      delete: 'DeleteMessageBatch of what was received',
      bodyBytes: opts.bodyBytes,
      durationSec: opts.durationSec,
      warmupSec: opts.warmupSec,
      figure: 'messages received and deleted per second inside the window (after warm-up)',
    },
    verdict: verdict((summary.msgsPerSec as { median: number }).median, TARGETS.batchedMsgsPerSec),
    summary,
    runs: value,
    ...(serverProfile ? { serverProfile } : {}),
  };
}

async function phaseUnbatched(opts: BenchOptions): Promise<Record<string, unknown>> {
  const { value, serverProfile } = await withSwitchyard(opts, 'unbatched', async (server) => {
    const client = new SqsClient({
      port: server.port,
      maxSockets: opts.unbatchedProducers + opts.unbatchedConsumers,
    });
    const runs: FlowRun[] = [];
    try {
      for (let i = 0; i < opts.repeat; i++) {
        const queueUrl = await client.createQueue(`bench-unbatched-${i}`);
        log(
          `unbatched run ${i + 1}/${opts.repeat}: ${opts.unbatchedProducers} producers, ${opts.unbatchedConsumers} consumers, ${opts.durationSec} s`,
        );
        const run = await measuredFlow(server, {
          client,
          queueUrl,
          producers: opts.unbatchedProducers,
          consumers: opts.unbatchedConsumers,
          batched: false,
          waitTimeSeconds: opts.waitTimeSeconds,
          bodyBytes: opts.bodyBytes,
          durationMs: opts.durationSec * 1000,
          warmupMs: opts.warmupSec * 1000,
        });
        log(
          `  → ${run.msgsPerSec} msgs/s, send→receive p50 ${run.sendToReceiveMs.p50} ms p99 ${run.sendToReceiveMs.p99} ms`,
        );
        runs.push(run);
        await client.deleteQueue(queueUrl);
      }
    } finally {
      client.close();
    }
    return runs;
  });
  const summary = flowSummary(value);
  return {
    loadGenerator: LEAN_CLIENT,
    workload: {
      producers: opts.unbatchedProducers,
      consumers: opts.unbatchedConsumers,
      send: 'SendMessage',
      receive: `ReceiveMessage MaxNumberOfMessages 1, WaitTimeSeconds ${opts.waitTimeSeconds}`,
      delete: 'DeleteMessage',
      bodyBytes: opts.bodyBytes,
      durationSec: opts.durationSec,
      warmupSec: opts.warmupSec,
      reference: "ElasticMQ's README: 2,540 msgs/s in memory on a 2012 laptop (not run here)",
    },
    verdict: verdict(
      (summary.msgsPerSec as { median: number }).median,
      TARGETS.unbatchedMsgsPerSec,
    ),
    summary,
    runs: value,
    ...(serverProfile ? { serverProfile } : {}),
  };
}

async function phaseVsBare(opts: BenchOptions): Promise<Record<string, unknown>> {
  const seconds = opts.durationSec;
  const { value, serverProfile } = await withSwitchyard(opts, 'vs-bare', async (server) => {
    const client = new SqsClient({ port: server.port, maxSockets: 2 });
    const queueUrl = await client.createQueue('bench-replay');
    const payload = Buffer.from(
      JSON.stringify({ QueueUrl: queueUrl, MessageBody: makeBody(0, opts.bodyBytes) }),
    );
    /** Signed now; valid for the ±5 minute skew window, so re-signed for every run. */
    const signedRequest = (): FixedRequest => {
      const headers = client.signedHeaders('SendMessage', payload);
      delete headers['content-length']; // autocannon adds its own
      return { method: 'POST', path: '/', headers, body: payload };
    };
    const first = signedRequest();
    const captured = await sendOnce(server.port, {
      ...first,
      headers: { ...first.headers, 'content-length': String(payload.length) },
    });
    if (captured.status !== 200)
      throw new Error(`SendMessage answered ${captured.status}: ${captured.body.slice(0, 200)}`);
    const bare = await startBareServer(captured);
    const runs: {
      switchyard: ReplayResult & { cpu: CpuShare; groupCommit: CommitDelta | null };
      bare: ReplayResult & { cpu: CpuShare };
      ratio: number;
    }[] = [];
    try {
      log('vs-bare: 2 s warm-up of each server');
      await replay(server.port, first, opts.connections, 2);
      await replay(bare.port, first, opts.connections, 2);
      for (let i = 0; i < opts.repeat; i++) {
        const request = signedRequest();
        const measureSwitchyard = async () => {
          log(
            `vs-bare run ${i + 1}/${opts.repeat}: Switchyard SendMessage, ${opts.connections} connections, ${seconds} s`,
          );
          const before = await server.commitStats();
          const meter = cpuMeter(server.child.pid);
          const r = await replay(server.port, request, opts.connections, seconds);
          const cpu = meter();
          return { ...r, cpu, groupCommit: commitDelta(before, await server.commitStats()) };
        };
        const measureBare = async () => {
          log(
            `vs-bare run ${i + 1}/${opts.repeat}: bare node:http, ${opts.connections} connections, ${seconds} s`,
          );
          const meter = cpuMeter(bare.pid);
          const r = await replay(bare.port, request, opts.connections, seconds);
          return { ...r, cpu: meter() };
        };
        // Alternate the order so neither side always runs on a warmer (or noisier) machine.
        let sw;
        let b;
        if (i % 2 === 0) {
          sw = await measureSwitchyard();
          b = await measureBare();
        } else {
          b = await measureBare();
          sw = await measureSwitchyard();
        }
        const ratio = round(sw.requestsPerSec / b.requestsPerSec, 3);
        log(
          `  → Switchyard ${sw.requestsPerSec} req/s, bare ${b.requestsPerSec} req/s, ratio ${ratio}`,
        );
        runs.push({ switchyard: sw, bare: b, ratio });
      }
    } finally {
      await bare.stop();
      client.close();
    }
    return {
      runs,
      responseBytes: Buffer.byteLength(captured.body),
      requestBodyBytes: payload.length,
    };
  });
  const ratio = spread(
    value.runs.map((r) => r.ratio),
    3,
  );
  const groups = value.runs
    .map((r) => r.switchyard.groupCommit)
    .filter((g): g is CommitDelta => g !== null);
  return {
    loadGenerator: `autocannon ${opts.connections} connections, pipelining 1, in the benchmark process; one SendMessage request signed once per run and replayed (same bytes to both servers)`,
    workload: {
      request: 'SendMessage (AWS JSON 1.0), one 256-byte body, signed once per run',
      requestBodyBytes: value.requestBodyBytes,
      responseBytes: value.responseBytes,
      baseline:
        'bare node:http server in its own process: reads the body, answers the same response bytes with a fresh request id',
      secondsPerTarget: seconds,
    },
    verdict: verdict(ratio.median, TARGETS.vsBareRatio),
    summary: {
      switchyardRequestsPerSec: spread(value.runs.map((r) => r.switchyard.requestsPerSec)),
      bareRequestsPerSec: spread(value.runs.map((r) => r.bare.requestsPerSec)),
      ratio,
      /** Server CPU time per request (µs): what each request costs, whatever the concurrency. */
      serverCpuUsPerRequest: {
        switchyard: round(median(value.runs.map((r) => cpuPerRequest(r.switchyard))), 1),
        bare: round(median(value.runs.map((r) => cpuPerRequest(r.bare))), 1),
      },
      switchyardLatencyMs: {
        p50: round(median(value.runs.map((r) => r.switchyard.latencyMs.p50)), 3),
        p99: round(median(value.runs.map((r) => r.switchyard.latencyMs.p99)), 3),
      },
      groupCommit:
        groups.length > 0
          ? {
              meanGroupSize: round(median(groups.map((g) => g.meanGroupSize)), 2),
              meanCommitMs: round(median(groups.map((g) => g.meanCommitMs)), 3),
              meanTxMs: round(median(groups.map((g) => g.meanTxMs)), 3),
            }
          : 'unavailable (launcher cli)',
    },
    runs: value.runs,
    ...(serverProfile ? { serverProfile } : {}),
  };
}

async function phaseMoto(opts: BenchOptions): Promise<Record<string, unknown>> {
  const unavailable = motoUnavailable();
  if (unavailable) return { skipped: unavailable };
  const messages = opts.motoMessages;
  const flowFor = (client: SqsClient, queueUrl: string): FlowOptions => ({
    client,
    queueUrl,
    producers: opts.producers,
    consumers: opts.consumers,
    batched: true,
    waitTimeSeconds: opts.waitTimeSeconds,
    bodyBytes: opts.bodyBytes,
    messages,
    timeoutMs: 150_000,
  });
  const sw = await withSwitchyard(opts, 'moto-side', async (server) => {
    const client = new SqsClient({
      port: server.port,
      maxSockets: opts.producers + opts.consumers,
    });
    const runs: FlowRun[] = [];
    try {
      for (let i = 0; i < opts.repeat; i++) {
        const queueUrl = await client.createQueue(`bench-fixed-${i}`);
        log(`moto comparison run ${i + 1}/${opts.repeat}: Switchyard, ${messages} messages`);
        runs.push(await measuredFlow(server, flowFor(client, queueUrl)));
        log(`  → ${runs.at(-1)!.seconds} s`);
        await client.deleteQueue(queueUrl);
      }
    } finally {
      client.close();
    }
    return runs;
  });
  const moto = await startMoto();
  const motoRuns: (FlowResult & { cpu: CpuShare })[] = [];
  try {
    const client = new SqsClient({ port: moto.port, maxSockets: opts.producers + opts.consumers });
    try {
      for (let i = 0; i < opts.repeat; i++) {
        const queueUrl = await client.createQueue(`bench-fixed-${i}`);
        log(
          `moto comparison run ${i + 1}/${opts.repeat}: moto_server, ${messages} messages (at most 150 s)`,
        );
        const meter = cpuMeter(undefined);
        const run = await runFlow(flowFor(client, queueUrl));
        motoRuns.push({ ...run, cpu: meter() });
        log(
          `  → ${run.seconds} s${run.completed ? '' : ' (did not finish: rate from what completed)'}`,
        );
        await client.deleteQueue(queueUrl);
      }
    } finally {
      client.close();
    }
  } finally {
    await moto.stop();
  }
  const swSeconds = spread(
    sw.value.map((r) => r.seconds),
    2,
  );
  const motoSeconds = spread(
    motoRuns.map((r) => r.seconds),
    2,
  );
  const swRate = median(sw.value.map((r) => r.msgsPerSec));
  const motoRate = median(motoRuns.map((r) => r.msgsPerSec));
  return {
    loadGenerator: `${LEAN_CLIENT} (moto ignores the signatures; they are computed all the same)`,
    workload: {
      messages,
      producers: opts.producers,
      consumers: opts.consumers,
      flow: `SendMessageBatch × 10 / ReceiveMessage(10, WaitTimeSeconds ${opts.waitTimeSeconds}) / DeleteMessageBatch until all ${messages} are deleted`,
      motoVersion: moto.version,
      motoDurability: 'none (in memory)',
    },
    summary: {
      switchyardSeconds: swSeconds,
      motoSeconds,
      switchyardMsgsPerSec: round(swRate),
      motoMsgsPerSec: round(motoRate),
      /** How many times faster Switchyard completed the same workload. */
      speedupOverMoto: round(swRate / motoRate, 2),
      motoCompleted: motoRuns.every((r) => r.completed),
    },
    runs: { switchyard: sw.value, moto: motoRuns },
    ...(sw.serverProfile ? { serverProfile: sw.serverProfile } : {}),
  };
}

function ioredisUnavailable(): string | null {
  try {
    const fromBull = createRequire(createRequire(import.meta.url).resolve('bullmq'));
    fromBull.resolve('ioredis');
    return null;
  } catch {
    return 'ioredis is not installed: bullmq 6 makes it an optional peer dependency (add it as a devDependency, or point NODE_PATH at a directory holding it)';
  }
}

async function phaseBullmq(
  opts: BenchOptions,
  batchedMedian: number | undefined,
): Promise<Record<string, unknown>> {
  const probe = await redisProbe(opts.redisPort);
  if (!probe.ok) return { skipped: probe.reason };
  const missing = ioredisUnavailable();
  if (missing) return { skipped: missing };
  const messages = opts.bullMessages;
  const bullRuns: (BullFlowResult & { cpu: CpuShare })[] = [];
  for (let i = 0; i < opts.repeat; i++) {
    log(
      `bullmq run ${i + 1}/${opts.repeat}: 4 producers × addBulk(10), worker concurrency ${opts.bullConcurrency}, ${messages} jobs`,
    );
    const meter = cpuMeter(undefined);
    const run = await runBullFlow({
      redisPort: opts.redisPort,
      messages,
      producers: 4,
      bulkSize: 10,
      concurrency: opts.bullConcurrency,
      bodyBytes: opts.bodyBytes,
      timeoutMs: 120_000,
    });
    bullRuns.push({ ...run, cpu: meter() });
    log(`  → ${run.jobsPerSec} jobs/s`);
  }
  // Switchyard over the very same message count, same process layout (clients in this process).
  const sw = await withSwitchyard(opts, 'bullmq-side', async (server) => {
    const client = new SqsClient({
      port: server.port,
      maxSockets: opts.producers + opts.consumers,
    });
    const runs: FlowRun[] = [];
    try {
      for (let i = 0; i < opts.repeat; i++) {
        const queueUrl = await client.createQueue(`bench-same-count-${i}`);
        log(
          `bullmq comparison run ${i + 1}/${opts.repeat}: Switchyard batched, ${messages} messages`,
        );
        runs.push(
          await measuredFlow(server, {
            client,
            queueUrl,
            producers: opts.producers,
            consumers: opts.consumers,
            batched: true,
            waitTimeSeconds: opts.waitTimeSeconds,
            bodyBytes: opts.bodyBytes,
            messages,
            timeoutMs: 120_000,
          }),
        );
        log(`  → ${runs.at(-1)!.msgsPerSec} msgs/s`);
        await client.deleteQueue(queueUrl);
      }
    } finally {
      client.close();
    }
    return runs;
  });
  const bull = spread(bullRuns.map((r) => r.jobsPerSec));
  const sameCount = spread(sw.value.map((r) => r.msgsPerSec));
  const headline = batchedMedian ?? sameCount.median;
  return {
    loadGenerator:
      'BullMQ Queue.addBulk / Worker in the benchmark process (ioredis); Switchyard side: ' +
      LEAN_CLIENT,
    workload: {
      jobs: messages,
      producers: 4,
      bulkSize: 10,
      workerConcurrency: opts.bullConcurrency,
      jobOptions: 'removeOnComplete, removeOnFail',
      redis: probe.info,
      redisDurability:
        probe.info.appendonly === 'no' && !probe.info.save
          ? 'none: no RDB save points, no AOF'
          : `save "${probe.info.save}", appendonly ${probe.info.appendonly}`,
    },
    verdict: {
      ...verdict(round(headline / bull.median, 2), TARGETS.vsBullmq),
      basis:
        batchedMedian !== undefined
          ? 'batched phase median ÷ BullMQ median'
          : 'same-count Switchyard median ÷ BullMQ median',
    },
    summary: {
      bullmqJobsPerSec: bull,
      bullmqSendToStartMs: {
        p50: round(median(bullRuns.map((r) => r.sendToStartMs.p50)), 3),
        p99: round(median(bullRuns.map((r) => r.sendToStartMs.p99)), 3),
      },
      switchyardSameCountMsgsPerSec: sameCount,
      ratioSameCount: round(sameCount.median / bull.median, 2),
      ...(batchedMedian !== undefined
        ? { ratioBatchedPhase: round(batchedMedian / bull.median, 2) }
        : {}),
    },
    runs: { bullmq: bullRuns, switchyard: sw.value },
    ...(sw.serverProfile ? { serverProfile: sw.serverProfile } : {}),
  };
}

const NEEDS_POSTGRES = 'needs --storage postgres://… (the peers run on the same database)';

/** One batched flow by time on a fresh Switchyard child (fresh schema), with its CPU split. */
async function switchyardBatchedRun(
  opts: BenchOptions,
  label: string,
  queueName: string,
): Promise<{ run: FlowRun; serverProfile?: ThreadProfile[] }> {
  const { value, serverProfile } = await withSwitchyard(opts, label, async (server) => {
    const client = new SqsClient({
      port: server.port,
      maxSockets: opts.producers + opts.consumers,
    });
    try {
      const queueUrl = await client.createQueue(queueName);
      return await measuredFlow(server, {
        client,
        queueUrl,
        producers: opts.producers,
        consumers: opts.consumers,
        batched: true,
        waitTimeSeconds: opts.waitTimeSeconds,
        bodyBytes: opts.bodyBytes,
        durationMs: opts.durationSec * 1000,
        warmupMs: opts.warmupSec * 1000,
      });
    } finally {
      client.close();
    }
  });
  return { run: value, ...(serverProfile ? { serverProfile } : {}) };
}

type PeerRun = PeerFlowResult & { cpu: CpuShare; postgresCores: number | null };

async function phasePgPeers(opts: BenchOptions): Promise<Record<string, unknown>> {
  if (!isPostgresUrl(opts.storage)) return { skipped: NEEDS_POSTGRES };
  const url = opts.storage;
  const peerOptions = {
    url,
    producers: opts.producers,
    consumers: opts.consumers,
    batchSize: 10,
    bodyBytes: opts.bodyBytes,
    durationMs: opts.durationSec * 1000,
    warmupMs: opts.warmupSec * 1000,
    poolSize: opts.pgPoolSize,
  };
  /** CPU from when the loops start to when they stop (while the pools' backends are alive). */
  const measurePeer = async (
    run: (hooks: { onStart: () => void; onStop: () => void }) => Promise<PeerFlowResult>,
  ): Promise<PeerRun> => {
    let meter: (() => CpuShare) | undefined;
    let pgMeter: (() => number | null) | undefined;
    let cpu: CpuShare = { serverCores: null, loadGeneratorCores: Number.NaN };
    let postgresCores: number | null = null;
    const result = await run({
      onStart: () => {
        meter = cpuMeter(undefined);
        pgMeter = postgresCpuMeter();
      },
      onStop: () => {
        if (meter) cpu = meter();
        postgresCores = pgMeter?.() ?? null;
      },
    });
    return { ...result, cpu, postgresCores };
  };
  const systems = ['switchyard', 'pg-boss', 'graphile-worker', 'graphile-worker-localqueue'];
  const runs: Record<string, (FlowRun | PeerRun)[]> = Object.fromEntries(
    systems.map((name) => [name, []]),
  );
  let serverProfile: ThreadProfile[] | undefined;
  for (let i = 0; i < opts.repeat; i++) {
    // Rotate the order so no system always runs first (or last) on a noisy machine.
    const order = systems.map((_, k) => systems[(k + i) % systems.length]!);
    for (const name of order) {
      log(
        `pg-peers run ${i + 1}/${opts.repeat}: ${name}, ${opts.producers} producers × 10, ${opts.consumers} consumers, ${opts.durationSec} s`,
      );
      let run: FlowRun | PeerRun;
      let rate: number;
      if (name === 'switchyard') {
        const r = await switchyardBatchedRun(opts, `pg-peers-switchyard-${i}`, `bench-peers-${i}`);
        serverProfile ??= r.serverProfile;
        run = r.run;
        rate = r.run.msgsPerSec;
      } else {
        const r = await measurePeer((hooks) =>
          name === 'pg-boss'
            ? runPgBossFlow({ ...peerOptions, ...hooks })
            : runGraphileFlow({
                ...peerOptions,
                ...hooks,
                localQueue: name !== 'graphile-worker',
              }),
        );
        run = r;
        rate = r.jobsPerSec;
      }
      log(`  → ${rate} /s`);
      runs[name]!.push(run);
    }
  }
  const rateOf = (r: FlowRun | PeerRun): number =>
    'jobsPerSec' in r ? r.jobsPerSec : r.msgsPerSec;
  const figures = Object.fromEntries(
    systems.map((name) => [name, spread(runs[name]!.map(rateOf))]),
  ) as Record<string, ReturnType<typeof spread>>;
  const sw = figures.switchyard!.median;
  const ratio = (peer: string): number => round(sw / figures[peer]!.median, 2);
  const cores = (name: string) => {
    const list = runs[name]!;
    const m = (f: (r: FlowRun | PeerRun) => number | null | undefined): number | null => {
      const values = list.map(f).filter((v): v is number => typeof v === 'number');
      return values.length > 0 ? round(median(values), 2) : null;
    };
    return {
      serverCores: m((r) => r.cpu.serverCores),
      loadGeneratorCores: m((r) => r.cpu.loadGeneratorCores),
      postgresCores: m((r) => r.postgresCores),
    };
  };
  const latency = (name: string) => {
    const list = runs[name]!;
    const pick = (f: (r: FlowRun | PeerRun) => number): number => round(median(list.map(f)), 3);
    const of = (r: FlowRun | PeerRun) =>
      'sendToStartMs' in r ? r.sendToStartMs : r.sendToReceiveMs;
    return { p50: pick((r) => of(r).p50), p99: pick((r) => of(r).p99) };
  };
  const headlinePeers = ['pg-boss', 'graphile-worker'];
  const worst = Math.min(...headlinePeers.map(ratio));
  const methodOf = (name: string): string => {
    const first = runs[name]![0];
    return first && 'method' in first ? first.method : '';
  };
  return {
    database: await postgresInfo(url).catch((e: unknown) => ({ error: String(e) })),
    workload: {
      producers: opts.producers,
      consumers: opts.consumers,
      batch: 10,
      bodyBytes: opts.bodyBytes,
      durationSec: opts.durationSec,
      warmupSec: opts.warmupSec,
      pgPoolSize: opts.pgPoolSize,
      figure:
        'jobs (messages) acknowledged per second inside the window after warm-up; each system in a fresh schema of the same database; order rotated between repeats',
      durability:
        'all commits on the same PostgreSQL (its synchronous_commit setting applies to every system alike)',
    },
    method: {
      switchyard: `Switchyard on PostgreSQL (separate process, ${opts.pgPoolSize}-connection pool): ${opts.producers} loops of SendMessageBatch(10); ${opts.consumers} loops of ReceiveMessage(10, WaitTimeSeconds ${opts.waitTimeSeconds}) → DeleteMessageBatch (each message's receipt deleted individually, one request per batch); ${LEAN_CLIENT}`,
      'pg-boss': methodOf('pg-boss'),
      'graphile-worker': methodOf('graphile-worker'),
      'graphile-worker-localqueue': methodOf('graphile-worker-localqueue'),
    },
    verdict: {
      ...verdict(worst, TARGETS.vsPgPeers),
      basis: 'Switchyard median ÷ the faster of pg-boss and graphile-worker (default) medians',
    },
    summary: {
      perSecond: figures,
      ratios: {
        overPgBoss: ratio('pg-boss'),
        overGraphileWorker: ratio('graphile-worker'),
        overGraphileWorkerLocalQueue: ratio('graphile-worker-localqueue'),
      },
      sendToStartMs: Object.fromEntries(systems.map((n) => [n, latency(n)])),
      cores: Object.fromEntries(systems.map((n) => [n, cores(n)])),
    },
    runs,
    ...(serverProfile ? { serverProfile } : {}),
  };
}

/** The batched flow against 1 node, then against 2 nodes sharing one schema and root key. */
async function phasePgNodes(opts: BenchOptions): Promise<Record<string, unknown>> {
  if (!isPostgresUrl(opts.storage)) return { skipped: NEEDS_POSTGRES };
  const url = opts.storage;
  const single: FlowRun[] = [];
  const dual: { msgsPerSec: number; perNode: FlowRun[] }[] = [];
  for (let i = 0; i < opts.repeat; i++) {
    log(`pg-nodes run ${i + 1}/${opts.repeat}: 1 node`);
    single.push((await switchyardBatchedRun(opts, `pg-nodes-1-${i}`, `bench-nodes-${i}`)).run);
    log(`  → ${single.at(-1)!.msgsPerSec} msgs/s`);
    log(`pg-nodes run ${i + 1}/${opts.repeat}: 2 nodes, one schema, load split evenly`);
    const schema = trackSchema(url, newSchemaName());
    const rootKey = randomBytes(32).toString('hex');
    const start = (n: number) =>
      SwitchyardServer.start({
        fromDist: opts.fromDist,
        launcher: opts.launcher,
        label: `pg-nodes-2-${i}-${n}`,
        storage: url,
        pgSchema: schema,
        pgPoolSize: opts.pgPoolSize,
        rootKey,
      });
    const servers: SwitchyardServer[] = [];
    const clients: SqsClient[] = [];
    try {
      servers.push(await start(0)); // the first migrates the schema
      servers.push(await start(1));
      for (const server of servers)
        clients.push(
          new SqsClient({ port: server.port, maxSockets: opts.producers + opts.consumers }),
        );
      const queueUrl0 = await clients[0]!.createQueue(`bench-nodes-${i}`);
      const queueUrl1 = await clients[1]!.createQueue(`bench-nodes-${i}`);
      const half = (n: number, k: number) => Math.floor(n / 2) + (k === 0 ? n % 2 : 0);
      const perNode = await Promise.all(
        servers.map((server, k) =>
          measuredFlow(server, {
            client: clients[k]!,
            queueUrl: k === 0 ? queueUrl0 : queueUrl1,
            producers: half(opts.producers, k),
            consumers: half(opts.consumers, k),
            batched: true,
            waitTimeSeconds: opts.waitTimeSeconds,
            bodyBytes: opts.bodyBytes,
            durationMs: opts.durationSec * 1000,
            warmupMs: opts.warmupSec * 1000,
          }),
        ),
      );
      const total = round(perNode.reduce((sum, r) => sum + r.msgsPerSec, 0));
      dual.push({ msgsPerSec: total, perNode });
      log(`  → ${total} msgs/s (${perNode.map((r) => r.msgsPerSec).join(' + ')})`);
    } finally {
      for (const c of clients) c.close();
      for (const server of servers) await server.stop();
      await dropSchema(url, schema);
    }
  }
  const one = spread(single.map((r) => r.msgsPerSec));
  const two = spread(dual.map((r) => r.msgsPerSec));
  return {
    workload: {
      producers: opts.producers,
      consumers: opts.consumers,
      flow: 'the batched flow; with 2 nodes each node gets half the producers and consumers, same queue',
      pgPoolSize: `${opts.pgPoolSize} per node`,
    },
    caveat: `both nodes, PostgreSQL and the load generator share this machine's ${os.availableParallelism()} cores: a second node adds no CPU, only a second event loop competing for the same cores, so this ratio says nothing about scaling on separate machines`,
    summary: {
      oneNodeMsgsPerSec: one,
      twoNodesMsgsPerSec: two,
      ratio: round(two.median / one.median, 2),
    },
    runs: { oneNode: single, twoNodes: dual },
  };
}

// ── main ──

async function main(): Promise<void> {
  const dist = { present: distAvailable(), fresh: distFresh() };
  const parsed = parseBenchArgs(process.argv.slice(2), dist);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const opts = parsed;
  const startedAt = new Date();
  const t0 = performance.now();
  const cpus = os.cpus();
  const output: Record<string, unknown> = {
    benchmark: 'switchyard-sqs',
    startedAt: startedAt.toISOString(),
    machine: {
      nproc: os.availableParallelism(),
      cpuModel: cpus[0]?.model ?? null,
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
      dataDirParent: os.tmpdir(),
      fsyncAtStart: probeFsync(),
    },
    server: {
      from: opts.fromDist ? 'dist' : 'src (tsx)',
      ...(dist.present && !dist.fresh && !opts.fromDist && !process.argv.includes('--from-src')
        ? { note: 'dist/ is older than src/: ran the sources instead' }
        : {}),
      launcher: opts.launcher,
      storage: isPostgresUrl(opts.storage)
        ? `${opts.storage} (fresh bench_<random> schema per Switchyard child, dropped afterwards; pool ${opts.pgPoolSize})`
        : (opts.storage ?? 'sqlite (fresh temp directory per phase, synchronous=FULL)'),
      ...(isPostgresUrl(opts.storage)
        ? { postgres: await postgresInfo(opts.storage).catch((e: unknown) => String(e)) }
        : {}),
    },
    options: opts,
  };
  const phases: Partial<Record<Phase, Record<string, unknown>>> = {};
  output.phases = phases;
  for (const phase of opts.only) {
    log(`── phase ${phase}`);
    const started = performance.now();
    try {
      if (phase === 'batched') phases.batched = await phaseBatched(opts);
      else if (phase === 'unbatched') phases.unbatched = await phaseUnbatched(opts);
      else if (phase === 'vs-bare') phases['vs-bare'] = await phaseVsBare(opts);
      else if (phase === 'moto') phases.moto = await phaseMoto(opts);
      else if (phase === 'pg-peers') phases['pg-peers'] = await phasePgPeers(opts);
      else if (phase === 'pg-nodes') phases['pg-nodes'] = await phasePgNodes(opts);
      else {
        const batched = phases.batched?.summary as { msgsPerSec?: { median: number } } | undefined;
        phases.bullmq = await phaseBullmq(opts, batched?.msgsPerSec?.median);
      }
    } catch (e) {
      log(`phase ${phase} failed: ${(e as Error).stack ?? String(e)}`);
      phases[phase] = { error: (e as Error).message };
    }
    const p = phases[phase];
    if (p) {
      p.phaseSeconds = round((performance.now() - started) / 1000, 1);
      p.loadAverageAtEnd = os.loadavg().map((v) => round(v, 2));
    }
  }
  output.figures = headline(phases);
  output.totalSeconds = round((performance.now() - t0) / 1000, 1);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

/** The medians that docs/benchmarks.md quotes, in one place. */
function headline(
  phases: Partial<Record<Phase, Record<string, unknown>>>,
): Record<string, unknown> {
  const get = (phase: Phase, ...keys: string[]): unknown => {
    let v: unknown = phases[phase];
    for (const k of keys)
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return v;
  };
  return {
    batchedMsgsPerSec: get('batched', 'summary', 'msgsPerSec', 'median') ?? null,
    batchedSendToReceiveMs: get('batched', 'summary', 'sendToReceiveMs') ?? null,
    unbatchedMsgsPerSec: get('unbatched', 'summary', 'msgsPerSec', 'median') ?? null,
    sendMessageRequestsPerSec:
      get('vs-bare', 'summary', 'switchyardRequestsPerSec', 'median') ?? null,
    bareRequestsPerSec: get('vs-bare', 'summary', 'bareRequestsPerSec', 'median') ?? null,
    vsBareRatio: get('vs-bare', 'summary', 'ratio', 'median') ?? null,
    speedupOverMoto: get('moto', 'summary', 'speedupOverMoto') ?? get('moto', 'skipped') ?? null,
    bullmqJobsPerSec:
      get('bullmq', 'summary', 'bullmqJobsPerSec', 'median') ?? get('bullmq', 'skipped') ?? null,
    vsBullmqRatio: get('bullmq', 'verdict', 'median') ?? null,
    pgPeers: get('pg-peers', 'summary')
      ? {
          perSecondMedians: Object.fromEntries(
            Object.entries(
              (get('pg-peers', 'summary', 'perSecond') ?? {}) as Record<string, { median: number }>,
            ).map(([k, v]) => [k, v.median]),
          ),
          ratios: get('pg-peers', 'summary', 'ratios'),
        }
      : (get('pg-peers', 'skipped') ?? null),
    pgNodes: get('pg-nodes', 'summary') ?? get('pg-nodes', 'skipped') ?? null,
    targetsMet: Object.fromEntries(
      (['batched', 'unbatched', 'vs-bare', 'bullmq', 'pg-peers'] as const)
        .filter((p) => get(p, 'verdict', 'met') !== undefined)
        .map((p) => [p, get(p, 'verdict', 'met')]),
    ),
  };
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
