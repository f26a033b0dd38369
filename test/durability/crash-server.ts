/**
 * A Switchyard server in a child process that the crash test kills with SIGKILL and restarts on
 * the same data directory and port.
 *
 * State machine (one instance, one child at a time):
 *
 *   down ──start()──▶ starting ──/ready 200──▶ up ──kill9()──▶ down
 *                        │                                     ▲
 *                        └──────────────kill9()────────────────┘   (a crash during start-up)
 *
 * Each start() is a new *generation*; kill9() marks the generation killed synchronously, before
 * the signal is sent, so a request that fails afterwards can be attributed to the kill (an
 * "unknown" outcome) rather than to the server. Every SDK client belongs to one generation and
 * is destroyed with it, so no pooled socket of a dead process is ever reused.
 *
 * Children are registered in a module-level set and SIGKILLed from a process 'exit' hook, so a
 * failing or interrupted test never leaves a server behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

/** SIGKILLs every server child still alive (synchronous: usable from an 'exit' hook). */
export function killAllChildren(): void {
  for (const child of liveChildren) {
    try {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllChildren);
}

/** A free TCP port on loopback (released again, then reused for every generation). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A promise with its resolver (Promise.withResolvers needs Node 22). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export type ServerState = 'down' | 'starting' | 'up';

export interface Generation {
  gen: number;
  sqs: SQSClient;
}

export interface CrashableServerOptions {
  port: number;
  dataDir: string;
  /** Client-side request timeout (ms); long polls must fit in it. */
  requestTimeoutMs?: number;
  startTimeoutMs?: number;
}

export class CrashableServer {
  readonly url: string;
  state: ServerState = 'down';
  generation = 0;
  /** How each child ended: the signal for every kill9(), so the test can prove it was SIGKILL. */
  readonly exits: { gen: number; signal: NodeJS.Signals | null; code: number | null }[] = [];
  /** Milliseconds from spawn to ready, per successful start. */
  readonly startupMs: number[] = [];
  private child: ChildProcess | undefined;
  private childExited: Promise<void> = Promise.resolve();
  private readonly killed = new Set<number>();
  private client: SQSClient | undefined;
  private stderrTail = '';
  private changed = deferred();

  constructor(private readonly opts: CrashableServerOptions) {
    this.url = `http://127.0.0.1:${opts.port}`;
    installExitHook();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether the generation was killed (so any failure of a request sent to it is the kill's). */
  isKilled(gen: number): boolean {
    return this.killed.has(gen);
  }

  /** Resolves at the next state change (start, ready, kill). */
  nextChange(): Promise<void> {
    return this.changed.promise;
  }

  private setState(state: ServerState): void {
    this.state = state;
    const prev = this.changed;
    this.changed = deferred();
    prev.resolve();
  }

  /** The current generation and its client, if up. */
  current(): Generation | undefined {
    if (this.state !== 'up' || !this.client) return undefined;
    return { gen: this.generation, sqs: this.client };
  }

  /** Spawns a child; resolves once it is ready (or throws if it dies or times out). Pass
   *  `killAfterMs` to SIGKILL it that long after spawning if it is not ready by then — a crash
   *  during start-up/recovery; resolves `false` in that case. */
  async start(killAfterMs?: number): Promise<boolean> {
    if (this.state !== 'down') throw new Error(`start() while ${this.state}`);
    await this.childExited;
    const gen = ++this.generation;
    this.stderrTail = '';
    const spawnedAt = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/support/serve-entry.ts',
        'serve',
        '--port',
        String(this.opts.port),
        '--data-dir',
        this.opts.dataDir,
        '--log-level',
        'warn',
      ],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, NODE_ENV: 'test' },
      },
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
        resolve();
      });
    });
    this.setState('starting');

    const deadline = performance.now() + (this.opts.startTimeoutMs ?? 30_000);
    const killAt = killAfterMs === undefined ? Infinity : spawnedAt + killAfterMs;
    for (;;) {
      if (exited) throw new Error(`server gen ${gen} exited during start-up:\n${this.stderrTail}`);
      if (performance.now() >= killAt) {
        await this.kill9();
        return false;
      }
      if (performance.now() > deadline) {
        await this.kill9();
        throw new Error(
          `server gen ${gen} not ready after ${this.opts.startTimeoutMs ?? 30_000} ms:\n${this.stderrTail}`,
        );
      }
      if (await this.probeReady()) break;
      await sleep(Math.min(20, Math.max(1, killAt - performance.now())));
    }
    this.startupMs.push(Math.round(performance.now() - spawnedAt));
    this.client = new SQSClient({
      endpoint: this.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({
        requestTimeout: this.opts.requestTimeoutMs ?? 10_000,
        connectionTimeout: 2_000,
      }),
    });
    this.setState('up');
    return true;
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

  /** kill -9 the current child and wait until it is gone. */
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

  /** Stops for good (SIGKILL too: nothing to preserve at the end of a test). */
  async dispose(): Promise<void> {
    await this.kill9();
  }

  get lastStderr(): string {
    return this.stderrTail;
  }
}
