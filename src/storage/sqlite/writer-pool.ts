/**
 * Writer worker threads: spawning, and reuse of idle ones.
 *
 * A worker serves one database session at a time; a session is opened by posting
 * `{type: 'open', init, port}` to the worker (a fresh MessageChannel per session, so nothing of
 * an old session can reach a new one). From compiled `dist/` the worker is the sibling `.js`
 * file and `close()` terminates it. When this module runs as TypeScript (tests, `node --import
 * tsx`) the worker is the sibling `.ts` file, loaded through a bootstrap that installs tsx's
 * in-thread require hook — Node 20 does not apply `execArgv: ['--import', 'tsx']` hooks to a
 * worker's entry module (ERR_UNKNOWN_FILE_EXTENSION) — and since that start costs ~100 ms, a
 * closed session's worker is kept idle (unref'd: it never holds the process open) for the
 * next session.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const FROM_TYPESCRIPT = import.meta.url.endsWith('.ts');
/** Idle workers kept for reuse (TypeScript mode only). */
const MAX_IDLE = FROM_TYPESCRIPT ? 4 : 0;
const idle: Worker[] = [];

function spawnWriter(): Worker {
  const options = { name: 'switchyard-sqlite-writer' };
  if (FROM_TYPESCRIPT) {
    const entry = fileURLToPath(new URL('./writer-worker.ts', import.meta.url));
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
    const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  return new Worker(new URL('./writer-worker.js', import.meta.url), options);
}

/** A worker ready to open a session: an idle one, or a new one. */
export function acquireWriter(): Worker {
  const worker = idle.pop();
  if (!worker) return spawnWriter();
  worker.removeAllListeners();
  worker.ref();
  return worker;
}

/** Hands back a worker whose session closed cleanly: kept idle for reuse, or terminated. */
export async function releaseWriter(worker: Worker, reusable: boolean): Promise<void> {
  worker.removeAllListeners();
  if (!reusable || idle.length >= MAX_IDLE) {
    await worker.terminate();
    return;
  }
  const forget = () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  worker.unref();
  idle.push(worker);
}
