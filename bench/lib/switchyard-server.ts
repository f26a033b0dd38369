/**
 * Starts a Switchyard server under test as a child process on a free loopback port with a fresh
 * data directory (on the real disk, so commits pay a real fsync), waits for
 * `/_switchyard/ready`, reads group-commit statistics over IPC, and stops it gracefully
 * (SIGTERM, so a `--cpu-prof` profile is written) before removing the data directory.
 *
 * Two launchers:
 * - `bench` (default): bench/lib/server-child.ts — `startSwitchyard` as the CLI calls it, plus
 *   an IPC channel for `SqliteStorage.stats()`;
 * - `cli`: the real command line (`node bin/switchyard.js serve …` from dist/, or
 *   `node --import tsx test/support/serve-entry.ts serve …` from sources); no statistics.
 * Either runs the compiled dist/ or the TypeScript sources through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  httpGetStatus,
  log,
  removeDir,
  stopChild,
  track,
  trackDir,
  waitUntil,
} from './children.js';
import { dropSchema, isPostgresUrl, newSchemaName, trackSchema } from './pg-bench-db.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Launcher = 'bench' | 'cli';

export interface SwitchyardServerOptions {
  fromDist: boolean;
  launcher: Launcher;
  /** Write V8 CPU profiles (main thread and the writer worker) into this directory. */
  cpuProfileDir?: string;
  /** `--storage` for the server; undefined or 'sqlite' = SQLite in the fresh data directory. */
  storage?: string;
  /**
   * PostgreSQL storage: the schema to use. Default: a fresh `bench_<random>` schema, dropped by
   * stop(). A schema passed here (nodes sharing one database) is left to the caller to drop.
   */
  pgSchema?: string;
  /** PostgreSQL storage: `--pg-pool-size` (default: the server's). */
  pgPoolSize?: number;
  /** SWITCHYARD_ROOT_KEY (hex); nodes sharing a PostgreSQL database must share it. Default: random. */
  rootKey?: string;
  label?: string;
}

/** Group-commit statistics as SqliteStorage.stats() returns them. */
export interface CommitStats {
  commits: number;
  failedGroups: number;
  ops: number;
  largestGroup: number;
  groupSizeHistogram: Record<string, number>;
  lastGroupSizes: number[];
  commitMsTotal: number;
  commitMsMax: number;
  txMsTotal: number;
}

export function distAvailable(): boolean {
  return (
    existsSync(path.join(REPO_ROOT, 'dist/cli/main.js')) &&
    existsSync(path.join(REPO_ROOT, 'dist/server/switchyard.js'))
  );
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** dist/ exists and is at least as new as every file under src/ (else it would measure old code). */
export function distFresh(): boolean {
  if (!distAvailable()) return false;
  return (
    statSync(path.join(REPO_ROOT, 'dist/cli/main.js')).mtimeMs >=
    newestMtime(path.join(REPO_ROOT, 'src'))
  );
}

export class SwitchyardServer {
  private nextStatsId = 0;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
    readonly options: SwitchyardServerOptions,
    /** The PostgreSQL schema this server created and stop() drops, if any. */
    private readonly ownedSchema: string | undefined,
  ) {}

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  static async start(options: SwitchyardServerOptions): Promise<SwitchyardServer> {
    const port = await freePort();
    const dataDir = trackDir(mkdtempSync(path.join(os.tmpdir(), 'switchyard-bench-')));
    const serveArgs = [
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--log-level',
      'warn',
    ];
    if (options.storage && options.storage !== 'sqlite')
      serveArgs.push('--storage', options.storage);
    let ownedSchema: string | undefined;
    if (isPostgresUrl(options.storage)) {
      const schema =
        options.pgSchema ?? (ownedSchema = trackSchema(options.storage, newSchemaName()));
      serveArgs.push('--pg-schema', schema);
      if (options.pgPoolSize !== undefined)
        serveArgs.push('--pg-pool-size', String(options.pgPoolSize));
    }
    const nodeArgs: string[] = [];
    if (options.cpuProfileDir)
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
    let script: string[];
    if (options.launcher === 'bench') {
      script = ['--import', 'tsx', 'bench/lib/server-child.ts', ...serveArgs];
    } else if (options.fromDist) {
      script = ['bin/switchyard.js', 'serve', ...serveArgs];
    } else {
      script = ['--import', 'tsx', 'test/support/serve-entry.ts', 'serve', ...serveArgs];
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SWITCHYARD_BENCH_FROM_DIST: options.fromDist ? '1' : '0',
    };
    for (const name of Object.keys(env)) {
      if (name.startsWith('SWITCHYARD_') && name !== 'SWITCHYARD_BENCH_FROM_DIST') delete env[name];
    }
    // A throwaway root key spares the "generated a root key" warning on every start (and
    // PostgreSQL storage requires one).
    env.SWITCHYARD_ROOT_KEY = options.rootKey ?? randomBytes(32).toString('hex');
    const child = track(
      spawn(process.execPath, [...nodeArgs, ...script], {
        cwd: REPO_ROOT,
        env,
        stdio: options.launcher === 'bench' ? ['ignore', 2, 2, 'ipc'] : ['ignore', 2, 2],
      }),
    );
    const server = new SwitchyardServer(child, port, dataDir, options, ownedSchema);
    try {
      await waitUntil(
        `switchyard ${options.label ?? ''}`.trim(),
        async () => (await httpGetStatus(port, '/_switchyard/ready')) === 200,
        60_000,
        child,
      );
    } catch (e) {
      await server.stop();
      throw e;
    }
    log(
      `switchyard ready on ${server.host} (${options.fromDist ? 'dist' : 'src'}, launcher ${options.launcher}${options.cpuProfileDir ? ', profiling' : ''}${isPostgresUrl(options.storage) ? `, postgres schema ${options.pgSchema ?? ownedSchema}` : ''})`,
    );
    return server;
  }

  /** The engine's cumulative group-commit statistics, or null when the launcher cannot read them. */
  commitStats(): Promise<CommitStats | null> {
    const child = this.child;
    if (this.options.launcher !== 'bench' || !child.connected) return Promise.resolve(null);
    const id = ++this.nextStatsId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        resolve(null);
      }, 5000);
      const onMessage = (message: {
        type?: string;
        id?: number;
        stats?: CommitStats | null;
      }): void => {
        if (message.type !== 'stats' || message.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message.stats ?? null);
      };
      child.on('message', onMessage);
      child.send({ type: 'stats', id });
    });
  }

  async stop(): Promise<void> {
    await stopChild(this.child, 'SIGTERM', 15_000);
    removeDir(this.dataDir);
    if (this.ownedSchema && this.options.storage)
      await dropSchema(this.options.storage, this.ownedSchema);
  }
}

/** What happened between two statistics snapshots: commits, group sizes, commit times. */
export interface CommitDelta {
  commits: number;
  ops: number;
  failedGroups: number;
  meanGroupSize: number;
  /** Commits by group size (power-of-two upper bound) during the interval. */
  groupSizeHistogram: Record<string, number>;
  /** Median group size, estimated from the histogram's buckets (upper bound of the bucket). */
  medianGroupBucket: string | null;
  /** Largest group since the server started (not per interval). */
  largestGroupSinceStart: number;
  meanCommitMs: number;
  meanTxMs: number;
  /** Longest COMMIT since the server started (not per interval). */
  commitMsMaxSinceStart: number;
  recentGroupSizes: number[];
}

export function commitDelta(
  before: CommitStats | null,
  after: CommitStats | null,
): CommitDelta | null {
  if (!before || !after) return null;
  const commits = after.commits - before.commits;
  const ops = after.ops - before.ops;
  const histogram: Record<string, number> = {};
  for (const [bucket, count] of Object.entries(after.groupSizeHistogram)) {
    const diff = count - (before.groupSizeHistogram[bucket] ?? 0);
    if (diff > 0) histogram[bucket] = diff;
  }
  const buckets = Object.keys(histogram).sort((a, b) => Number(a) - Number(b));
  let seen = 0;
  let medianGroupBucket: string | null = null;
  for (const bucket of buckets) {
    seen += histogram[bucket]!;
    if (seen * 2 >= commits) {
      medianGroupBucket = bucket;
      break;
    }
  }
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    commits,
    ops,
    failedGroups: after.failedGroups - before.failedGroups,
    meanGroupSize: commits > 0 ? r(ops / commits) : 0,
    groupSizeHistogram: histogram,
    medianGroupBucket,
    largestGroupSinceStart: after.largestGroup,
    meanCommitMs: commits > 0 ? r((after.commitMsTotal - before.commitMsTotal) / commits) : 0,
    meanTxMs: commits > 0 ? r((after.txMsTotal - before.txMsTotal) / commits) : 0,
    commitMsMaxSinceStart: r(after.commitMsMax),
    recentGroupSizes: after.lastGroupSizes.slice(-32),
  };
}
