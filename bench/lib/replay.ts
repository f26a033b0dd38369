/**
 * Fixed-request replay with autocannon: one SendMessage request is signed once (valid for the
 * ±5 minute skew window) and replayed as fast as `connections` keep-alive connections allow.
 * The same request bytes go to Switchyard and to the bare `node:http` baseline (bare-server.ts),
 * which answers with the very response Switchyard gave, so the only difference between the two
 * figures is what the server does per request.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import autocannon from 'autocannon';
import { freePort, httpGetStatus, log, stopChild, track, waitUntil } from './children.js';
import { REPO_ROOT } from './switchyard-server.js';

export interface FixedRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ReplayResult {
  requestsPerSec: number;
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
}

/** Sends the request once with node:http and returns the response (to size the baseline's answer). */
export function sendOnce(port: number, request: FixedRequest): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (
              ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(
                name,
              )
            )
              continue;
            if (typeof value === 'string') headers[name] = value;
          }
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString() });
        });
      },
    );
    req.once('error', reject);
    req.end(request.body);
  });
}

/** Replays `request` against 127.0.0.1:port for `seconds`. */
export async function replay(
  port: number,
  request: FixedRequest,
  connections: number,
  seconds: number,
): Promise<ReplayResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${request.path}`,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
  });
  const ok = result['2xx'];
  const latency = result.latency as unknown as Record<string, number>;
  const r = (v: number | undefined): number => Math.round((v ?? 0) * 1000) / 1000;
  return {
    requestsPerSec: Math.round((ok / result.duration) * 10) / 10,
    seconds: result.duration,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      mean: r(latency.average),
      p50: r(latency.p50),
      p90: r(latency.p90),
      p99: r(latency.p99),
      p999: r(latency.p99_9),
      max: r(latency.max),
    },
  };
}

export interface BareServer {
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts bare-server.ts as a child process answering with `response`. */
export async function startBareServer(response: CapturedResponse): Promise<BareServer> {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'bench/lib/bare-server.ts', String(port)], {
      cwd: REPO_ROOT,
      env: { ...process.env, BENCH_BARE_RESPONSE: JSON.stringify(response) },
      stdio: ['ignore', 2, 2, 'ipc'],
    }),
  );
  try {
    // Any HTTP answer means it is listening (it answers every path with the canned response).
    await waitUntil(
      'bare node:http server',
      async () => (await httpGetStatus(port, '/')) > 0,
      30_000,
      child,
    );
  } catch (e) {
    await stopChild(child, 'SIGKILL');
    throw e;
  }
  log(`bare node:http server ready on 127.0.0.1:${port}`);
  return { port, pid: child.pid, stop: () => stopChild(child, 'SIGTERM', 5000) };
}
