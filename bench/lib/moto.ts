/**
 * moto_server (Python, in-memory, no durability) as a side-by-side reference: started as a child
 * process on a free loopback port; absent or failing to start → the caller skips the
 * comparison with the reason. moto ignores signatures; the benchmark signs anyway, so the client
 * side costs the same for both servers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { freePort, httpGetStatus, log, stopChild, track, waitUntil } from './children.js';

export interface MotoServer {
  port: number;
  version: string | null;
  stop(): Promise<void>;
}

/** Why moto cannot run here, or null when the command exists. */
export function motoUnavailable(): string | null {
  const probe = spawnSync('moto_server', ['--help'], { stdio: 'ignore', timeout: 20_000 });
  if (probe.error) return `moto_server not runnable: ${probe.error.message}`;
  if (probe.status !== 0) return `moto_server --help exited with ${probe.status ?? probe.signal}`;
  return null;
}

function motoVersion(): string | null {
  const out = spawnSync('python3', ['-c', 'import moto; print(moto.__version__)'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return out.status === 0 ? out.stdout.trim() : null;
}

export async function startMoto(): Promise<MotoServer> {
  const port = await freePort();
  const child = track(
    spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'ignore'],
    }),
  );
  try {
    await waitUntil(
      'moto_server',
      async () => (await httpGetStatus(port, '/moto-api/')) > 0,
      60_000,
      child,
    );
  } catch (e) {
    await stopChild(child, 'SIGKILL');
    throw e;
  }
  log(`moto_server ready on 127.0.0.1:${port}`);
  return { port, version: motoVersion(), stop: () => stopChild(child, 'SIGTERM', 5000) };
}
