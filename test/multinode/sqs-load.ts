/**
 * The SQS load of the multi-node fault tests (node-kill.test.ts, db-outage.test.ts), recorded
 * as a client-side history for the kill -9 crash checker (test/durability/crash-history.ts).
 *
 * Producers (SendMessage / SendMessageBatch, standard and FIFO; unique bodies that start with
 * an id; FIFO groups owned by one producer, so each group has one send order) and consumers
 * (ReceiveMessage with short random visibility timeouts, sometimes a pause, then DeleteMessage
 * or DeleteMessageBatch through a node picked at random, so receipt handles cross nodes) spread
 * their requests over the nodes that are up. A delete cut off by a kill is retried elsewhere
 * with the same handles. `drain()` receives and deletes until a queue stays empty past any
 * visibility timeout of the run.
 *
 * Each failed request is classified: "killed" (no HTTP answer, and its node's generation was
 * killed — the outcome is unknown), "unavailable" (HTTP 503 ServiceUnavailable while
 * it overlapped a declared outage — the database outage test; a send's outcome is then unknown too:
 * the connection may have dropped after COMMIT), or an anomaly (anything else: the test fails).
 * Every request is also logged with its node, timing and outcome, for the outage test's bounds.
 *
 * A worker whose request failed moves on to another node after a short pause. A killed process
 * can commit nothing more (PostgreSQL aborts a transaction whose connection drops), and a FIFO
 * send holds its group's lock until it commits or aborts, so a later send of the group through
 * another node is always ordered after it.
 */
import {
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  HistoryRecorder,
  type QueueKind,
  type ReceiveRecord,
} from '../durability/crash-history.js';
import { errorOf, type Cluster, type NodeGeneration } from './cluster.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Visibility timeouts of the run's receives: a random whole number of seconds in [min, max]. */
export const VISIBILITY_S: [number, number] = [1, 4];
/** Producers pause while a queue holds more than this many acked, undeleted messages. */
const MAX_BACKLOG = 300;
/** Producers pause this long (ms) between requests: load that leaves a restarting node CPU on
 *  two shared cores (flat out, a restart under tsx takes ~20 s instead of ~6 s). */
const PRODUCER_PAUSE_MS: [number, number] = [5, 30];
/** A worker whose request failed pauses this long (ms) before the next one. */
const FAILURE_PAUSE_MS = 50;
const T0 = performance.now();

/** Progress lines on stderr with MULTINODE_DEBUG=1. */
export function debug(line: string): void {
  if (process.env['MULTINODE_DEBUG'])
    process.stderr.write(`[${Math.round(performance.now() - T0)} ms] ${line}\n`);
}

type Outcome<T> =
  | {
      ok: true;
      value: T;
      gen: number;
      startTick: number;
      endTick: number;
      startWall: number;
      endWall: number;
    }
  | {
      ok: false;
      gen: number;
      startTick: number;
      endTick: number;
      /** Killed or unavailable: the request may or may not have taken effect. */
      unknown: boolean;
      status?: number;
    };

export type RequestOutcome = 'ok' | 'killed' | 'unavailable' | 'anomaly';

/** One request: which node, when (performance.now() ms), how it ended. */
export interface RequestLogEntry {
  op: string;
  node: string;
  start: number;
  end: number;
  outcome: RequestOutcome;
  status?: number;
  error?: string;
}

export class SqsLoad {
  readonly rec = new HistoryRecorder();
  readonly anomalies: { op: string; node: string; error: string }[] = [];
  readonly requests: Record<string, number> = {};
  readonly backlog: Record<QueueKind, number> = { standard: 0, fifo: 0 };
  readonly urls: Record<QueueKind, string> = { standard: '', fifo: '' };
  readonly log: RequestLogEntry[] = [];
  failedByKill = 0;
  unavailable = 0;
  /**
   * Database outages (performance.now() ms; `to` Infinity while one lasts): a 503
   * ServiceUnavailable answer to a request that overlapped one is expected.
   */
  readonly outages: { from: number; to: number }[] = [];
  deleteRetries = 0;
  crossNodeDeletes = 0;
  stopping = false;
  draining = false;
  private stopSignal: () => void = () => undefined;
  private readonly stopped = new Promise<void>((r) => (this.stopSignal = r));
  /** A process-wide generation number per (node, gen), so the checker's `gen` is unique. */
  private readonly genIds = new Map<string, number>();

  constructor(
    readonly cluster: Cluster,
    readonly rng: () => number,
  ) {}

  randInt(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  genId(g: NodeGeneration): number {
    const key = `${g.node.name}:${g.gen}`;
    let id = this.genIds.get(key);
    if (id === undefined) this.genIds.set(key, (id = this.genIds.size + 1));
    return id;
  }

  /** A random node that is up (waiting while none is); undefined once stopping. */
  async acquire(): Promise<NodeGeneration | undefined> {
    for (;;) {
      if (this.stopping && !this.draining) return undefined;
      const up = this.cluster.up();
      if (up.length > 0) return up[this.randInt(0, up.length - 1)]!.current()!;
      if (this.draining) throw new Error('no node up while draining');
      await Promise.race([...this.cluster.nodes.map((n) => n.nextChange()), this.stopped]);
    }
  }

  /** Workers finish their current request and return. */
  stop(): void {
    this.stopping = true;
    this.stopSignal();
  }

  async op<T>(
    name: string,
    g: NodeGeneration,
    fn: (sqs: SQSClient) => Promise<T>,
  ): Promise<Outcome<T>> {
    this.requests[name] = (this.requests[name] ?? 0) + 1;
    const startWall = Date.now();
    const start = performance.now();
    const startTick = this.rec.tick();
    const gen = this.genId(g);
    const node = `${g.node.name}#${g.gen}`;
    try {
      const value = await fn(g.sqs);
      this.log.push({ op: name, node, start, end: performance.now(), outcome: 'ok' });
      return {
        ok: true,
        value,
        gen,
        startTick,
        endTick: this.rec.tick(),
        startWall,
        endWall: Date.now(),
      };
    } catch (err) {
      const endTick = this.rec.tick();
      const { status, name: errorName } = errorOf(err);
      const error = `${errorName}${status ? ` HTTP ${status}` : ''}: ${err instanceof Error ? err.message : String(err)}`;
      let outcome: RequestOutcome = 'anomaly';
      if (status === undefined && g.node.isKilled(g.gen)) outcome = 'killed';
      else if (
        status === 503 &&
        errorName === 'ServiceUnavailable' &&
        this.outages.some((o) => start <= o.to && performance.now() >= o.from)
      )
        outcome = 'unavailable';
      this.log.push({
        op: name,
        node,
        start,
        end: performance.now(),
        outcome,
        ...(status !== undefined ? { status } : {}),
        error,
      });
      if (outcome === 'killed') this.failedByKill++;
      else if (outcome === 'unavailable') this.unavailable++;
      else this.anomalies.push({ op: name, node, error });
      if (this.draining) throw new Error(`${name} failed while draining: ${error}`, { cause: err });
      await sleep(FAILURE_PAUSE_MS);
      return {
        ok: false,
        gen,
        startTick,
        endTick,
        unknown: outcome !== 'anomaly',
        ...(status !== undefined ? { status } : {}),
      };
    }
  }

  async producer(kind: QueueKind, index: number): Promise<void> {
    const groups = [0, 1, 2].map((k) => `p${index}g${k}`);
    const groupSeq = new Map(groups.map((g) => [g, 0]));
    let counter = 0;
    for (;;) {
      const g = await this.acquire();
      if (!g) return;
      if (this.backlog[kind] > MAX_BACKLOG) {
        await sleep(20);
        continue;
      }
      await sleep(this.randInt(PRODUCER_PAUSE_MS[0], PRODUCER_PAUSE_MS[1]));
      const n = this.rng() < 0.4 ? 1 : this.randInt(2, 10);
      const entries = Array.from({ length: n }, () => {
        const id = `${kind === 'fifo' ? 'f' : 's'}${index}-${String(counter++).padStart(6, '0')}`;
        const body = `${id}|${'x'.repeat(this.randInt(0, 100))}`;
        if (kind === 'standard') return { id, body };
        const group = groups[this.randInt(0, groups.length - 1)]!;
        const seq = groupSeq.get(group)!;
        groupSeq.set(group, seq + 1);
        return { id, body, group, groupSeq: seq };
      });
      const fifo = (e: (typeof entries)[number]) =>
        'group' in e ? { MessageGroupId: e.group, MessageDeduplicationId: e.id } : {};
      const record = (
        e: (typeof entries)[number],
        r: { startTick: number; endTick: number; gen: number },
        status: 'acked' | 'unknown' | 'rejected',
        messageId?: string,
      ) => {
        this.rec.send({
          id: e.id,
          queue: kind,
          ...('group' in e ? { group: e.group, groupSeq: e.groupSeq } : {}),
          status,
          ...(messageId !== undefined ? { messageId } : {}),
          startTick: r.startTick,
          endTick: r.endTick,
          gen: r.gen,
        });
        if (status === 'acked') this.backlog[kind]++;
      };
      const failed = (r: { unknown: boolean }) => (r.unknown ? 'unknown' : 'rejected');
      if (n === 1) {
        const e = entries[0]!;
        const r = await this.op('SendMessage', g, (sqs) =>
          sqs.send(
            new SendMessageCommand({ QueueUrl: this.urls[kind], MessageBody: e.body, ...fifo(e) }),
          ),
        );
        if (r.ok) record(e, r, 'acked', r.value.MessageId);
        else record(e, r, failed(r));
      } else {
        const r = await this.op('SendMessageBatch', g, (sqs) =>
          sqs.send(
            new SendMessageBatchCommand({
              QueueUrl: this.urls[kind],
              Entries: entries.map((e, i) => ({ Id: `e${i}`, MessageBody: e.body, ...fifo(e) })),
            }),
          ),
        );
        if (r.ok) {
          const ok = new Map((r.value.Successful ?? []).map((s) => [s.Id, s.MessageId]));
          entries.forEach((e, i) => {
            const messageId = ok.get(`e${i}`);
            if (messageId !== undefined) record(e, r, 'acked', messageId);
            else {
              const f = (r.value.Failed ?? []).find((x) => x.Id === `e${i}`);
              this.anomalies.push({
                op: 'SendMessageBatch entry',
                node: g.node.name,
                error: `${f?.Code}: ${f?.Message}`,
              });
              record(e, r, f ? 'rejected' : 'unknown');
            }
          });
        } else for (const e of entries) record(e, r, failed(r));
      }
    }
  }

  private receiveRecord(
    kind: QueueKind,
    r: Outcome<{ Messages?: { Body?: string; MessageId?: string; ReceiptHandle?: string }[] }> & {
      ok: true;
    },
    visibility: number,
  ): ReceiveRecord {
    return this.rec.receive({
      queue: kind,
      startTick: r.startTick,
      endTick: r.endTick,
      startWall: r.startWall,
      visibilityTimeoutSeconds: visibility,
      messages: (r.value.Messages ?? []).map((m) => ({
        id: (m.Body ?? '').split('|')[0]!,
        messageId: m.MessageId ?? '',
        receiptHandle: m.ReceiptHandle ?? '',
      })),
      drain: this.draining,
      gen: r.gen,
    });
  }

  /** Deletes through random nodes; a delete cut off by a kill is retried elsewhere (twice). */
  async deleteMessages(
    kind: QueueKind,
    rec: ReceiveRecord,
    receivedOn: string,
    items: ReceiveRecord['messages'],
  ): Promise<void> {
    let pending = items;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const g = await this.acquire();
      if (!g) return;
      if (g.node.name !== receivedOn) this.crossNodeDeletes++;
      const batch = pending.length > 1 && this.rng() < 0.5;
      const record = (
        id: string,
        r: { startTick: number; endTick: number; gen: number },
        status: 'acked' | 'unknown' | 'rejected',
        endWall: number,
      ) => {
        this.rec.delete(
          {
            queue: kind,
            id,
            receiveIndex: rec.index,
            status,
            startTick: r.startTick,
            endTick: r.endTick,
            endWall,
            batch,
            gen: r.gen,
          },
          rec,
        );
        if (status === 'acked') this.backlog[kind]--;
      };
      let remaining: typeof pending = [];
      if (batch) {
        const r = await this.op('DeleteMessageBatch', g, (sqs) =>
          sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: this.urls[kind],
              Entries: pending.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.receiptHandle })),
            }),
          ),
        );
        if (r.ok) {
          const ok = new Set((r.value.Successful ?? []).map((s) => s.Id));
          pending.forEach((m, i) => {
            if (ok.has(`d${i}`)) record(m.id, r, 'acked', r.endWall);
            else {
              const f = (r.value.Failed ?? []).find((x) => x.Id === `d${i}`);
              this.anomalies.push({
                op: 'DeleteMessageBatch entry',
                node: g.node.name,
                error: `${f?.Code}: ${f?.Message}`,
              });
              record(m.id, r, 'rejected', r.endWall);
            }
          });
        } else {
          for (const m of pending) record(m.id, r, r.unknown ? 'unknown' : 'rejected', Date.now());
          if (r.unknown) remaining = pending;
        }
      } else {
        for (const [i, m] of pending.entries()) {
          const r = await this.op('DeleteMessage', g, (sqs) =>
            sqs.send(
              new DeleteMessageCommand({
                QueueUrl: this.urls[kind],
                ReceiptHandle: m.receiptHandle,
              }),
            ),
          );
          if (r.ok) record(m.id, r, 'acked', r.endWall);
          else {
            record(m.id, r, r.unknown ? 'unknown' : 'rejected', Date.now());
            if (r.unknown) {
              remaining = pending.slice(i);
              break;
            }
          }
        }
      }
      if (remaining.length === 0 || attempt >= 2) return;
      this.deleteRetries++;
      pending = remaining;
    }
  }

  async consumer(kind: QueueKind): Promise<void> {
    for (;;) {
      const g = await this.acquire();
      if (!g) return;
      const visibility = this.randInt(VISIBILITY_S[0], VISIBILITY_S[1]);
      const r = await this.op('ReceiveMessage', g, (sqs) =>
        sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.urls[kind],
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
            VisibilityTimeout: visibility,
          }),
        ),
      );
      if (!r.ok) continue;
      const rec = this.receiveRecord(kind, r, visibility);
      // A few are left undeleted, to come back after their visibility timeout.
      const keep = rec.messages.filter(() => this.rng() >= 0.05);
      if (keep.length === 0) continue;
      if (this.rng() < 0.3) await sleep(this.randInt(1, 200));
      await this.deleteMessages(kind, rec, g.node.name, keep);
    }
  }

  /** Receive and delete through rotating nodes until the queue stays empty past any timeout. */
  async drain(kind: QueueKind): Promise<void> {
    const quietMs = VISIBILITY_S[1] * 1000 + 2500;
    let last = Date.now();
    for (;;) {
      const g = (await this.acquire())!;
      const r = await this.op('ReceiveMessage (drain)', g, (sqs) =>
        sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.urls[kind],
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
            VisibilityTimeout: 120,
          }),
        ),
      );
      if (!r.ok) throw new Error('drain receive failed');
      const rec = this.receiveRecord(kind, r, 120);
      debug(`drain ${kind} via ${g.node.name}: ${rec.messages.length}`);
      if (rec.messages.length > 0) {
        last = Date.now();
        await this.deleteMessages(kind, rec, g.node.name, rec.messages);
      } else if (Date.now() - last > quietMs) return;
    }
  }

  /** Approximate counts left in a queue (all should be 0 after a drain). */
  async leftover(kind: QueueKind): Promise<Record<string, string>> {
    const g = (await this.acquire())!;
    const res = await g.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.urls[kind],
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    return res.Attributes ?? {};
  }
}
