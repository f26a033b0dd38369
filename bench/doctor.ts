/**
 * `switchyard doctor` at scale: 2,000 queues on a Switchyard started in this process, and —
 * since Switchyard does not serve SNS, EventBridge or Step Functions yet — 500 topics, 200
 * rules and 100 state machines on moto_server (skipped with the reason when moto is absent).
 * Runs the full audit against each and prints JSON: elapsed time, API calls (by operation),
 * resources scanned and findings. Target: < 30 s in total.
 *
 *   node --import tsx bench/doctor.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DEFAULT_THRESHOLDS, runDoctor } from '../src/cli/doctor/run-doctor.js';
import type { Report } from '../src/cli/doctor/report.js';
import { resolveConfig } from '../src/server/config.js';
import { startSwitchyard } from '../src/server/switchyard.js';
import { log, removeDir, trackDir } from './lib/children.js';
import { motoUnavailable, startMoto } from './lib/moto.js';

const QUEUES = 2000;
const TOPICS = 500;
const RULES = 200;
const STATE_MACHINES = 100;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

async function inBatches(n: number, size: number, make: (i: number) => Promise<unknown>) {
  for (let i = 0; i < n; i += size) {
    await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => make(i + j)));
  }
}

async function timedAudit(endpoint: string) {
  const started = performance.now();
  const report: Report = await runDoctor({
    endpoint,
    aws: false,
    region: 'us-east-1',
    credentials,
    only: [],
    skip: [],
    thresholds: { ...DEFAULT_THRESHOLDS },
    concurrency: 16,
  });
  return {
    elapsedMs: Math.round(performance.now() - started),
    apiCalls: report.apiCalls,
    apiCallsByOperation: report.apiCallsByOperation,
    scanned: Object.fromEntries(Object.entries(report.scanned).filter(([, n]) => n > 0)),
    findings: report.findings.length,
    notAudited: report.notAudited,
  };
}

async function switchyardRun() {
  const dataDir = trackDir(mkdtempSync(path.join(os.tmpdir(), 'switchyard-doctor-bench-')));
  const server = await startSwitchyard(
    resolveConfig(
      {},
      {
        SWITCHYARD_PORT: '0',
        SWITCHYARD_DATA_DIR: dataDir,
        SWITCHYARD_LOG_LEVEL: 'warn',
        SWITCHYARD_ROOT_KEY: randomBytes(32).toString('base64'),
      },
    ),
  );
  try {
    const sqs = new SQSClient({ endpoint: server.url, region: 'us-east-1', credentials });
    log(`creating ${QUEUES} queues on Switchyard`);
    await inBatches(QUEUES, 50, (i) =>
      sqs.send(new CreateQueueCommand({ QueueName: `bench-queue-${String(i).padStart(4, '0')}` })),
    );
    sqs.destroy();
    log('auditing Switchyard');
    return await timedAudit(server.url);
  } finally {
    await server.close();
    removeDir(dataDir);
  }
}

async function motoRun() {
  const reason = motoUnavailable();
  if (reason) return { skipped: reason };
  const moto = await startMoto();
  const endpoint = `http://127.0.0.1:${moto.port}`;
  try {
    const cfg = { endpoint, region: 'us-east-1', credentials };
    const sns = new SNSClient(cfg);
    const events = new EventBridgeClient(cfg);
    const sfn = new SFNClient(cfg);
    log(
      `creating ${TOPICS} topics, ${RULES} rules, ${STATE_MACHINES} state machines on moto_server`,
    );
    await inBatches(TOPICS, 25, (i) =>
      sns.send(new CreateTopicCommand({ Name: `bench-topic-${i}` })),
    );
    await inBatches(RULES, 25, async (i) => {
      await events.send(
        new PutRuleCommand({ Name: `bench-rule-${i}`, EventPattern: '{"source":["bench"]}' }),
      );
      await events.send(
        new PutTargetsCommand({
          Rule: `bench-rule-${i}`,
          Targets: [{ Id: 't', Arn: 'arn:aws:sqs:us-east-1:123456789012:bench-target' }],
        }),
      );
    });
    const definition = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    await inBatches(STATE_MACHINES, 25, (i) =>
      sfn.send(
        new CreateStateMachineCommand({
          name: `bench-sm-${i}`,
          definition,
          roleArn: 'arn:aws:iam::123456789012:role/bench',
        }),
      ),
    );
    for (const c of [sns, events, sfn]) c.destroy();
    log('auditing moto_server');
    return await timedAudit(endpoint);
  } finally {
    await moto.stop();
  }
}

const switchyard = await switchyardRun();
const moto = await motoRun();
const total = switchyard.elapsedMs + ('elapsedMs' in moto ? moto.elapsedMs : 0);
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'doctor',
      machine: { cpus: os.cpus().length, node: process.version },
      switchyard: { queues: QUEUES, ...switchyard },
      moto: { topics: TOPICS, rules: RULES, stateMachines: STATE_MACHINES, ...moto },
      totalElapsedMs: total,
      totalApiCalls: switchyard.apiCalls + ('apiCalls' in moto ? moto.apiCalls : 0),
      targetMs: 30_000,
      withinTarget: total < 30_000,
    },
    null,
    2,
  )}\n`,
);
