/**
 * Shared set-up of the SQS behaviour files: one in-process server per file (started in
 * beforeAll, closed in afterAll), both drivers pointed at it, unique queue names, and small
 * helpers every file uses. Each file runs its cases with `describe.each(PROTOCOLS)`.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import type { Protocol, SqsDriver } from './driver.js';
import { QueryDriver } from './query-driver.js';
import { SdkDriver } from './sdk-driver.js';

export const PROTOCOLS: Protocol[] = ['json', 'query'];
export const ACCOUNT = '000000000000';
export const REGION = 'us-east-1';

export interface DriverOptions {
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
}

export function makeDriver(
  protocol: Protocol,
  opts: DriverOptions & { endpoint: string },
): SqsDriver {
  return protocol === 'json' ? new SdkDriver(opts) : new QueryDriver(opts);
}

export interface SqsFixture {
  readonly server: TestServer;
  /** A driver of `protocol` against this file's server (cached per options). */
  driver(protocol: Protocol, opts?: DriverOptions): SqsDriver;
}

/** Registers beforeAll/afterAll hooks for one server shared by the whole file. */
export function useSqsServer(env: Record<string, string> = {}): SqsFixture {
  let server: TestServer | undefined;
  const drivers = new Map<string, SqsDriver>();
  beforeAll(async () => {
    server = await startTestServer({ SWITCHYARD_LOG_LEVEL: 'error', ...env });
  });
  afterAll(async () => {
    for (const d of drivers.values()) if (d instanceof SdkDriver) d.destroy();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    driver(protocol, opts = {}) {
      if (!server) throw new Error('server not started');
      const key = JSON.stringify([protocol, opts]);
      let d = drivers.get(key);
      if (!d) {
        d = makeDriver(protocol, { ...opts, endpoint: opts.endpoint ?? server.url });
        drivers.set(key, d);
      }
      return d;
    },
  };
}

let counter = 0;

/** A queue name unique in this run: `<prefix>-<n>-<random>` (add `.fifo` yourself). */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}`;
}

export async function createQueue(
  d: SqsDriver,
  prefix: string,
  attributes: Record<string, string> = {},
  opts: { fifo?: boolean } = {},
): Promise<{ url: string; name: string; arn: string }> {
  const fifo = opts.fifo ?? attributes.FifoQueue === 'true';
  const name = `${uniqueName(`${prefix}-${d.protocol}`)}${fifo ? '.fifo' : ''}`;
  const { QueueUrl } = await d.call('CreateQueue', {
    QueueName: name,
    Attributes: fifo ? { FifoQueue: 'true', ...attributes } : attributes,
  });
  return { url: QueueUrl!, name, arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}` };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Receives (without waiting) until `n` messages arrived or `timeoutMs` passed. */
export async function receiveN(
  d: SqsDriver,
  url: string,
  n: number,
  opts: { timeoutMs?: number; visibilityTimeout?: number } = {},
) {
  const got: NonNullable<Awaited<ReturnType<typeof receiveOnce>>> = [];
  const until = Date.now() + (opts.timeoutMs ?? 3000);
  while (got.length < n && Date.now() < until) {
    const batch = await receiveOnce(d, url, Math.min(10, n - got.length), opts.visibilityTimeout);
    if (batch.length === 0) await sleep(25);
    got.push(...batch);
  }
  return got;
}

async function receiveOnce(d: SqsDriver, url: string, max: number, visibilityTimeout?: number) {
  const { Messages } = await d.call('ReceiveMessage', {
    QueueUrl: url,
    MaxNumberOfMessages: max,
    MessageSystemAttributeNames: ['All'],
    MessageAttributeNames: ['All'],
    ...(visibilityTimeout !== undefined ? { VisibilityTimeout: visibilityTimeout } : {}),
  });
  return Messages ?? [];
}
