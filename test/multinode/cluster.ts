/**
 * Test support for the multi-node tests: N Switchyard child processes (the real CLI,
 * `node --import tsx test/support/serve-entry.ts serve --storage postgres://… --pg-schema …`)
 * on one PostgreSQL schema, each on a free port of its own, all sharing one root key and one
 * public URL (the "load balancer" address, so queue URLs are the same whichever node made them).
 *
 * A node's state machine (one child at a time; each start() is a new generation):
 *
 *   down ──start()──▶ starting ──/ready 200──▶ up ──kill9() | crash──▶ down
 *
 * kill9() marks the generation killed synchronously, before the signal, so a request that fails
 * afterwards is attributable to the kill. Each generation has its own SDK client, destroyed with
 * it, so no pooled socket of a dead process is reused. Children are SIGKILLed from a process
 * 'exit' hook too, so an interrupted test never leaves a server behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { freePort } from '../durability/crash-server.js';
import { dropSchema, freshSchemaName, PG_URL } from '../support/test-engine.js';

export { freePort, PG_URL };

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The address queue URLs carry: nothing listens there; clients use each node's endpoint. */
export const PUBLIC_URL = 'http://switchyard-lb.invalid:4566';

/** Why the multi-node files skip on a machine without PostgreSQL. */
export const SKIP_REASON = 'skipped when SWITCHYARD_TEST_POSTGRES_URL is unset';

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAllNodes(): void {
  for (const child of liveChildren) {
    try {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A promise with its resolver (Promise.withResolvers needs Node 22). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export function sqsClient(endpoint: string, requestTimeoutMs = 15_000): SQSClient {
  return new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    useQueueUrlAsEndpoint: false,
    requestHandler: new NodeHttpHandler({
      requestTimeout: requestTimeoutMs,
      connectionTimeout: 2_000,
    }),
  });
}

export interface NodeOptions {
  name: string;
  port: number;
  storageUrl: string;
  schema: string;
  rootKey: string;
  poolSize: number;
  requestTimeoutMs: number;
  startTimeoutMs: number;
}

export type NodeState = 'down' | 'starting' | 'up';

export interface NodeGeneration {
  node: ClusterNode;
  gen: number;
  sqs: SQSClient;
}

export class ClusterNode {
  readonly url: string;
  state: NodeState = 'down';
  generation = 0;
  /** How each child ended (the signal proves a kill was SIGKILL). */
  readonly exits: { gen: number; signal: NodeJS.Signals | null; code: number | null }[] = [];
  /** Exits nobody asked for (not a kill9()), with the end of the child's stderr. */
  readonly crashes: {
    gen: number;
    signal: NodeJS.Signals | null;
    code: number | null;
    stderr: string;
  }[] = [];
  /** Milliseconds from spawn to ready, per start. */
  readonly startupMs: number[] = [];
  private child: ChildProcess | undefined;
  private childExited: Promise<void> = Promise.resolve();
  private readonly killed = new Set<number>();
  private client: SQSClient | undefined;
  private stderrTail = '';
  private changed = deferred();
  private readonly dataDir: string;

  constructor(readonly opts: NodeOptions) {
    this.url = `http://127.0.0.1:${opts.port}`;
    this.dataDir = mkdtempSync(path.join(tmpdir(), `switchyard-${opts.name}-`));
  }

  get name(): string {
    return this.opts.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get lastStderr(): string {
    return this.stderrTail;
  }

  isKilled(gen: number): boolean {
    return this.killed.has(gen);
  }

  /** Resolves at the next state change. */
  nextChange(): Promise<void> {
    return this.changed.promise;
  }

  private setState(state: NodeState): void {
    this.state = state;
    const prev = this.changed;
    this.changed = deferred();
    prev.resolve();
  }

  /** The current generation and its client, if up. */
  current(): NodeGeneration | undefined {
    if (this.state !== 'up' || !this.client) return undefined;
    return { node: this, gen: this.generation, sqs: this.client };
  }

  /** The SDK client of the running generation (throws if the node is down). */
  get sqs(): SQSClient {
    const g = this.current();
    if (!g) throw new Error(`node ${this.name} is ${this.state}`);
    return g.sqs;
  }

  async start(): Promise<void> {
    if (this.state !== 'down') throw new Error(`start() of ${this.name} while ${this.state}`);
    await this.childExited;
    const gen = ++this.generation;
    this.stderrTail = '';
    const spawnedAt = performance.now();
    const o = this.opts;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/support/serve-entry.ts',
        'serve',
        '--port',
        String(o.port),
        '--data-dir',
        this.dataDir,
        '--storage',
        o.storageUrl,
        '--pg-schema',
        o.schema,
        '--pg-pool-size',
        String(o.poolSize),
        '--root-key',
        o.rootKey,
        '--public-url',
        PUBLIC_URL,
        '--log-level',
        'warn',
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env } },
    );
    this.child = child;
    liveChildren.add(child);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    let exited = false;
    this.childExited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        exited = true;
        liveChildren.delete(child);
        this.exits.push({ gen, signal, code });
        if (!this.killed.has(gen) && this.generation === gen && this.state === 'up') {
          // Died by itself: a crash. Clients see it as down; the test reads `crashes`.
          this.crashes.push({ gen, signal, code, stderr: this.stderrTail });
          this.client?.destroy();
          this.client = undefined;
          this.setState('down');
        }
        resolve();
      });
    });
    this.setState('starting');
    const deadline = spawnedAt + o.startTimeoutMs;
    for (;;) {
      if (exited)
        throw new Error(`node ${this.name} gen ${gen} exited during start-up:\n${this.stderrTail}`);
      if (performance.now() > deadline) {
        await this.kill9();
        throw new Error(
          `node ${this.name} gen ${gen} not ready after ${o.startTimeoutMs} ms:\n${this.stderrTail}`,
        );
      }
      if (await this.probeReady()) break;
      await sleep(25);
    }
    this.startupMs.push(Math.round(performance.now() - spawnedAt));
    this.client = sqsClient(this.url, o.requestTimeoutMs);
    this.setState('up');
  }

  private async probeReady(): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/_switchyard/ready`, {
        signal: AbortSignal.timeout(1000),
      });
      await res.arrayBuffer();
      return res.status === 200;
    } catch {
      return false;
    }
  }

  /** kill -9 the running child and wait until it is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined) return;
    this.killed.add(this.generation);
    this.client?.destroy();
    this.client = undefined;
    this.setState('down');
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already exited
    }
    await this.childExited;
    this.child = undefined;
  }

  async dispose(): Promise<void> {
    await this.kill9();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface ClusterOptions {
  nodes?: number;
  /** postgres:// URL the nodes connect to (default: SWITCHYARD_TEST_POSTGRES_URL). */
  storageUrl?: string;
  poolSize?: number;
  /** Client-side request timeout (ms); long polls must fit in it. */
  requestTimeoutMs?: number;
  startTimeoutMs?: number;
}

/** N nodes on one fresh schema (dropped by dispose()). */
export class Cluster {
  readonly nodes: ClusterNode[];

  private constructor(
    readonly schema: string,
    nodes: ClusterNode[],
  ) {
    this.nodes = nodes;
  }

  /** Starts every node at once (so the migrations run concurrently, as on a real roll-out). */
  static async start(options: ClusterOptions = {}): Promise<Cluster> {
    if (!PG_URL) throw new Error('SWITCHYARD_TEST_POSTGRES_URL is not set');
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', killAllNodes);
    }
    const schema = freshSchemaName();
    const rootKey = randomBytes(32).toString('base64');
    const names = 'ABCDEFGH';
    const nodes: ClusterNode[] = [];
    for (let i = 0; i < (options.nodes ?? 3); i++) {
      nodes.push(
        new ClusterNode({
          name: names[i] ?? `N${i}`,
          port: await freePort(),
          storageUrl: options.storageUrl ?? PG_URL,
          schema,
          rootKey,
          poolSize: options.poolSize ?? 4,
          requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
          startTimeoutMs: options.startTimeoutMs ?? 60_000,
        }),
      );
    }
    const cluster = new Cluster(schema, nodes);
    const started = await Promise.allSettled(nodes.map((n) => n.start()));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await cluster.dispose();
      throw failed.reason;
    }
    return cluster;
  }

  node(i: number): ClusterNode {
    const n = this.nodes[i];
    if (!n) throw new Error(`no node ${i}`);
    return n;
  }

  /** Nodes currently up. */
  up(): ClusterNode[] {
    return this.nodes.filter((n) => n.state === 'up');
  }

  /** Kills every node and drops the schema. */
  async dispose(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.dispose()));
    await dropSchema(this.schema);
  }
}

/** Median and maximum of a list of figures. */
export function stats(xs: number[]): { n: number; p50: number; max: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Polls `probe` until it returns a value other than undefined, or throws at the deadline. */
export async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  intervalMs = 50,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(intervalMs);
  }
}

/** The HTTP status and error name of a failed SDK call. */
export function errorOf(err: unknown): { status: number | undefined; name: string } {
  const e = err as { name?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  return {
    status: e?.$metadata?.httpStatusCode,
    name: typeof e?.name === 'string' ? e.name : String(err),
  };
}
