/**
 * Command-line options of bench/sqs.ts (`--name value` or `--name=value`; booleans bare).
 */
import { parseArgs } from 'node:util';

export const PHASES = [
  'batched',
  'unbatched',
  'vs-bare',
  'moto',
  'bullmq',
  'pg-peers',
  'pg-nodes',
] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  only: Phase[];
  durationSec: number;
  warmupSec: number;
  repeat: number;
  storage: string | undefined;
  /** PostgreSQL pool size for Switchyard (--pg-pool-size) and for pg-boss/graphile-worker. */
  pgPoolSize: number;
  fromDist: boolean;
  launcher: 'bench' | 'cli';
  profile: boolean;
  /** Keep the raw .cpuprofile files here (implies profile). */
  profileDir: string | undefined;
  producers: number;
  consumers: number;
  unbatchedProducers: number;
  unbatchedConsumers: number;
  waitTimeSeconds: number;
  connections: number;
  motoMessages: number;
  bullMessages: number;
  bullConcurrency: number;
  redisPort: number;
  bodyBytes: number;
}

export const USAGE = `usage: node --import tsx bench/sqs.ts [options]

Prints one JSON document with the figures on stdout; progress goes to stderr.

  --only LIST            phases to run, comma-separated (default: all): ${PHASES.join(',')}
  --duration S           seconds per timed phase and per replay target (default 15)
  --warmup S             seconds excluded from the start of timed phases (default 2)
  --repeat N             run each figure N times and report median and spread (default 1)
  --storage URL          storage engine for Switchyard (default: SQLite in a fresh temp dir);
                         postgres://… gives every Switchyard child a fresh bench_<random>
                         schema (dropped afterwards) and a root key; pg-peers and pg-nodes need it
  --pg-pool-size N       PostgreSQL pool per Switchyard node and per peer library (default 10)
  --from-dist            run the compiled dist/ (default when dist/ exists and is newer than src/)
  --from-src             run the TypeScript sources through tsx
  --launcher bench|cli   bench: startSwitchyard + IPC for group-commit stats (default);
                         cli: the real 'switchyard serve' command (no stats)
  --profile              run Switchyard under --cpu-prof and summarise the top frames
  --profile-dir DIR      like --profile, and keep the raw .cpuprofile files in DIR
  --producers N          batched producers (default 8)      --consumers N   (default 16)
  --unbatched-producers N (default 8)                       --unbatched-consumers N (default 24)
  --wait-time S          ReceiveMessage WaitTimeSeconds, 1..20 (default 2)
  --connections N        autocannon connections for the replay phase (default 32)
  --moto-messages N      fixed workload for the moto comparison (default 2000: moto does ~50-400 msgs/s)
  --bull-messages N      jobs for the BullMQ comparison (default 50000)
  --bull-concurrency N   BullMQ worker concurrency (default 50)
  --redis-port N         (default 6379)

Phases pg-peers (Switchyard batched vs pg-boss and graphile-worker on the same database, each in
a fresh schema) and pg-nodes (1 vs 2 Switchyard nodes on one schema) run only with postgres.
`;

function positiveInt(
  name: string,
  value: string | undefined,
  fallback: number,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name}: expected an integer ${min}..${max}, got "${value}"`);
  return n;
}

export function parseBenchArgs(
  argv: string[],
  dist: { present: boolean; fresh: boolean },
): BenchOptions | 'help' {
  const string = { type: 'string' as const };
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean' },
      only: string,
      duration: string,
      warmup: string,
      repeat: string,
      storage: string,
      'pg-pool-size': string,
      'from-dist': { type: 'boolean' },
      'from-src': { type: 'boolean' },
      launcher: string,
      profile: { type: 'boolean' },
      'profile-dir': string,
      producers: string,
      consumers: string,
      'unbatched-producers': string,
      'unbatched-consumers': string,
      'wait-time': string,
      connections: string,
      'moto-messages': string,
      'bull-messages': string,
      'bull-concurrency': string,
      'redis-port': string,
    },
  });
  if (values.help) return 'help';
  const only = values.only
    ? values.only
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...PHASES];
  for (const phase of only) {
    if (!(PHASES as readonly string[]).includes(phase))
      throw new Error(`--only: unknown phase "${phase}" (phases: ${PHASES.join(', ')})`);
  }
  if (values['from-dist'] && values['from-src'])
    throw new Error('--from-dist and --from-src exclude each other');
  if (values['from-dist'] && !dist.present)
    throw new Error('--from-dist: dist/ is missing; run `npm run build` first');
  const launcher = values.launcher ?? 'bench';
  if (launcher !== 'bench' && launcher !== 'cli')
    throw new Error(`--launcher: expected bench or cli, got "${launcher}"`);
  const durationSec = positiveInt('duration', values.duration, 15, 2, 600);
  const warmupSec = positiveInt('warmup', values.warmup, 2, 0, 60);
  if (warmupSec >= durationSec) throw new Error('--warmup must be shorter than --duration');
  return {
    only: only as Phase[],
    durationSec,
    warmupSec,
    repeat: positiveInt('repeat', values.repeat, 1, 1, 10),
    storage: values.storage,
    pgPoolSize: positiveInt('pg-pool-size', values['pg-pool-size'], 10, 1, 200),
    fromDist: values['from-src'] ? false : values['from-dist'] ? true : dist.fresh,
    launcher,
    profile: (values.profile ?? false) || values['profile-dir'] !== undefined,
    profileDir: values['profile-dir'],
    producers: positiveInt('producers', values.producers, 8, 1, 256),
    consumers: positiveInt('consumers', values.consumers, 16, 1, 256),
    unbatchedProducers: positiveInt(
      'unbatched-producers',
      values['unbatched-producers'],
      8,
      1,
      256,
    ),
    unbatchedConsumers: positiveInt(
      'unbatched-consumers',
      values['unbatched-consumers'],
      24,
      1,
      256,
    ),
    waitTimeSeconds: positiveInt('wait-time', values['wait-time'], 2, 1, 20),
    connections: positiveInt('connections', values.connections, 32, 1, 1024),
    motoMessages: positiveInt('moto-messages', values['moto-messages'], 2_000, 10, 1_000_000),
    bullMessages: positiveInt('bull-messages', values['bull-messages'], 50_000, 10, 5_000_000),
    bullConcurrency: positiveInt('bull-concurrency', values['bull-concurrency'], 50, 1, 10_000),
    redisPort: positiveInt('redis-port', values['redis-port'], 6379, 1, 65535),
    bodyBytes: 256,
  };
}
