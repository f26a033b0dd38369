/**
 * Fault test (issue 3, "Tests"): kill -9 one of three nodes, repeatedly, under mixed SQS load.
 *
 * Producers (SendMessage / SendMessageBatch, standard and FIFO) and consumers (ReceiveMessage
 * with short random visibility timeouts, then DeleteMessage / DeleteMessageBatch — through a
 * node picked at random, so receipt handles cross nodes) spread every request over the nodes
 * that are up. The driver SIGKILLs a random node at random points and restarts it; the others
 * keep serving. At the end the workers stop, every queue is drained until quiet, and the
 * kill -9 crash checker (test/durability/crash-history.ts) runs over the whole client-side
 * history: zero acknowledged sends lost, no message back after an effective delete, FIFO groups
 * in order, no phantom bodies. Duplicate deliveries (redelivery after a kill or a visibility
 * expiry: at-least-once) are reported, not failed.
 *
 * A request counts as "unknown" only when it failed without an HTTP answer while its node's
 * generation had been killed; any other failure (an error answer, a timeout on a live node) is
 * an anomaly and fails the test (the load and its rules: sqs-load.ts).
 *
 * Kill schedule: every 0.3–1.5 s a random node that is up is killed, as long as another stays
 * up; it restarts in the background, so at times two of the three are down.
 */
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHistory } from '../durability/crash-history.js';
import { seededRandom } from '../durability/crash-workload.js';
import { Cluster, PG_URL, SKIP_REASON } from './cluster.js';
import { debug, SqsLoad } from './sqs-load.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const CYCLES = 5;
/** Time between kills (ms): [min, max]. */
const UPTIME_MS: [number, number] = [300, 1500];

describe.skipIf(!PG_URL)(`kill -9 one of three nodes under load (${SKIP_REASON})`, () => {
  let cluster: Cluster | undefined;
  afterAll(async () => {
    await cluster?.dispose();
  });

  it(`loses no acknowledged send across ${CYCLES} kill -9 / restart cycles of random nodes`, async () => {
    const started = performance.now();
    cluster = await Cluster.start({ nodes: 3, requestTimeoutMs: 10_000 });
    const seed = Math.floor(Math.random() * 2 ** 31);
    const run = new SqsLoad(cluster, seededRandom(seed));
    const a = cluster.node(0).sqs;
    run.urls.standard = (
      await a.send(new CreateQueueCommand({ QueueName: 'kill-standard' }))
    ).QueueUrl!;
    run.urls.fifo = (
      await a.send(
        new CreateQueueCommand({ QueueName: 'kill-fifo.fifo', Attributes: { FifoQueue: 'true' } }),
      )
    ).QueueUrl!;

    const workers = [
      run.producer('standard', 0),
      run.producer('standard', 1),
      run.producer('fifo', 0),
      run.producer('fifo', 1),
      run.consumer('standard'),
      run.consumer('standard'),
      run.consumer('fifo'),
      run.consumer('fifo'),
    ];
    const workersDone = Promise.all(workers);
    workersDone.catch(() => undefined);

    const kills: { node: string; afterMs: number; restartMs: number }[] = [];
    const restarts: Promise<void>[] = [];
    try {
      // Each kill takes a node that is up while another one stays up; the victim restarts in
      // the background (a tsx start-up takes 6–20 s on this shared machine), so two nodes may
      // be down at once and the last one then serves everything.
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const uptime = run.randInt(UPTIME_MS[0], UPTIME_MS[1]);
        await sleep(uptime);
        while (cluster.up().length < 2)
          await Promise.race(cluster.nodes.map((n) => n.nextChange()));
        const up = cluster.up();
        const victim = up[run.randInt(0, up.length - 1)]!;
        debug(`cycle ${cycle}: kill ${victim.name} (pid ${victim.pid}); ${up.length} were up`);
        await victim.kill9();
        const down = performance.now();
        const restart = victim.start().then(() => {
          debug(`cycle ${cycle}: ${victim.name} up again`);
          kills.push({
            node: victim.name,
            afterMs: uptime,
            restartMs: Math.round(performance.now() - down),
          });
        });
        restart.catch(() => undefined);
        restarts.push(restart);
      }
      await Promise.all(restarts);
      await sleep(run.randInt(UPTIME_MS[0], UPTIME_MS[1]));
    } finally {
      await Promise.allSettled(restarts);
      run.stop();
      await workersDone;
    }
    debug('workers stopped; draining');
    run.draining = true;
    await Promise.all([run.drain('standard'), run.drain('fifo')]);
    const leftover = { standard: await run.leftover('standard'), fifo: await run.leftover('fifo') };

    const c = checkHistory(run.rec.history);
    const exitSignals: Record<string, number> = {};
    for (const n of cluster.nodes)
      for (const e of n.exits) {
        const k = e.signal ?? `code ${e.code}`;
        exitSignals[k] = (exitSignals[k] ?? 0) + 1;
      }
    const figures = {
      seed,
      durationMs: Math.round(performance.now() - started),
      kills,
      exitSignals,
      requests: run.requests,
      requestsFailedByKill: run.failedByKill,
      deleteRetries: run.deleteRetries,
      crossNodeDeletes: run.crossNodeDeletes,
      anomalies: run.anomalies.length,
      acknowledgedSends: c.acknowledgedSends,
      unknownSends: c.unknownSends,
      unknownSendsReceived: c.unknownSendsReceived,
      receivedMessages: c.receivedMessages,
      deliveries: c.deliveries,
      duplicateDeliveries: c.duplicateDeliveries,
      deletesEffective: c.deletesEffective,
      deletesEffectiveAcrossRestart: c.deletesEffectiveAcrossRestart,
      deletesLate: c.deletesLate,
      lost: c.lost.length,
      reappeared: c.reappeared.length,
      fifoOrderViolations: c.fifoOrderViolations.length,
      phantoms: c.phantoms.length,
      leftover,
    };
    console.log(`multi-node kill -9 figures: ${JSON.stringify(figures)}`);

    // The run really killed nodes under load, with SIGKILL every time.
    expect(cluster.nodes.flatMap((n) => n.crashes)).toEqual([]);
    expect(kills).toHaveLength(CYCLES);
    expect(exitSignals).toEqual({ SIGKILL: CYCLES });
    expect(run.failedByKill).toBeGreaterThan(0);
    expect(c.acknowledgedSends).toBeGreaterThan(200);
    expect(c.deletesEffective).toBeGreaterThan(50);
    // The properties, with the offending records in the failure message.
    expect(c.lost.slice(0, 10), 'acknowledged sends never received').toEqual([]);
    expect(c.reappeared.slice(0, 10), 'received again after an effective delete').toEqual([]);
    expect(c.fifoOrderViolations.slice(0, 10), 'FIFO order violations').toEqual([]);
    expect(c.phantoms.slice(0, 10), 'bodies nobody sent').toEqual([]);
    expect(c.messageIdMismatches.slice(0, 10), 'message ids changed').toEqual([]);
    expect(run.anomalies.slice(0, 10), 'failures not caused by a kill').toEqual([]);
    for (const kind of ['standard', 'fifo'] as const)
      expect(leftover[kind], `${kind} left over`).toEqual({
        ApproximateNumberOfMessages: '0',
        ApproximateNumberOfMessagesNotVisible: '0',
        ApproximateNumberOfMessagesDelayed: '0',
      });
  }, 170_000);
});
