/**
 * The writer worker's entry point: owns the SQLite connection, so a commit's fsync never blocks
 * the main event loop.
 *
 * States: idle ──{type:'open', init, port}──▶ opening (database file, PRAGMAs, migrations) ──▶
 * serving: 'ready' on the session port, then every request arriving on that port goes to the
 * group committer, which drains the requests queued behind each one (receiveMessageOnPort) ──▶
 * 'close' request: connection closed, 'closed' posted, port closed ──▶ idle (the main thread
 * may reuse the worker or terminate it). A failed open posts 'init-error' and returns to idle.
 */
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { GroupCommitter } from './group-commit.js';
import { openDatabase } from './open-database.js';
import type { FromWorker, PortMessage, ToWorker, WorkerInit } from './worker-protocol.js';

export interface OpenSession {
  type: 'open';
  init: WorkerInit;
  port: MessagePort;
}

let serving = false;

function openSession({ init, port }: OpenSession): void {
  const post = (message: FromWorker) => port.postMessage(message);
  if (serving) {
    post({ type: 'init-error', message: 'writer worker is already serving a database' });
    port.close();
    return;
  }
  let committer: GroupCommitter;
  try {
    committer = new GroupCommitter(openDatabase(init.path), post, init.maxGroupSize);
  } catch (e) {
    post({ type: 'init-error', message: e instanceof Error ? e.message : String(e) });
    port.close();
    return;
  }
  serving = true;
  // Batches ('ops') are unpacked into one stream of requests for the group committer.
  const buffered: ToWorker[] = [];
  const unpack = (message: PortMessage | undefined): ToWorker | undefined => {
    if (message?.type !== 'ops') return message;
    buffered.push(...message.requests);
    return buffered.shift();
  };
  const next = () =>
    buffered.shift() ?? unpack(receiveMessageOnPort(port)?.message as PortMessage | undefined);
  port.on('message', (message: PortMessage) => {
    let first = unpack(message);
    while (first && !committer.isClosed) {
      committer.handle(first, next);
      first = buffered.shift(); // left over when a group reached its size cap
    }
    if (committer.isClosed) {
      port.close();
      serving = false;
    }
  });
  post({ type: 'ready' });
}

if (!parentPort) throw new Error('writer-worker must run in a worker thread');
parentPort.on('message', (message: OpenSession) => {
  if (message.type === 'open') openSession(message);
});
