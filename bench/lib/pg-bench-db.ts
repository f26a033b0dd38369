/**
 * The PostgreSQL database a benchmark runs against (`--storage postgres://…`): every system under
 * test — each Switchyard child, pg-boss, graphile-worker — gets a fresh schema named
 * `bench_<random>` on the same database, dropped (CASCADE) when it is done. Schemas still
 * standing when the benchmark exits (error, Ctrl-C) are dropped by a synchronous helper process
 * from the exit handler, so nothing outlives the run. Also: the server settings a figure depends
 * on (durability, memory), and the CPU time of the PostgreSQL processes.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { processCpuSeconds } from './cpu-usage.js';

const live = new Map<string, string>(); // schema → url
let exitHandlerInstalled = false;

export function isPostgresUrl(storage: string | undefined): storage is string {
  return storage !== undefined && /^postgres(ql)?:\/\//.test(storage);
}

/** A fresh, unused schema name (a lower-case SQL identifier, as --pg-schema requires). */
export function newSchemaName(prefix = 'bench'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Registers `schema` for dropping: by dropSchema, or at the latest when the benchmark exits. */
export function trackSchema(url: string, schema: string): string {
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.on('exit', dropLeftoversSync);
  }
  live.set(schema, url);
  return schema;
}

export async function withClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'switchyard-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops the schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`refusing to drop schema "${schema}"`);
  await withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  live.delete(schema);
}

/** Exit handler: drops what is left in a child process (an exit handler cannot await). */
function dropLeftoversSync(): void {
  for (const [schema, url] of live) {
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import pg from 'pg'; const c = new pg.Client({ connectionString: process.env.U });
         await c.connect(); await c.query('DROP SCHEMA IF EXISTS ${schema} CASCADE'); await c.end();`,
      ],
      { env: { ...process.env, U: url }, stdio: 'ignore', timeout: 15_000 },
    );
  }
  live.clear();
}

/** The settings a throughput figure on this server depends on. */
export async function postgresInfo(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const names = [
      'server_version',
      'fsync',
      'synchronous_commit',
      'wal_sync_method',
      'full_page_writes',
      'shared_buffers',
      'max_connections',
    ];
    const { rows } = await c.query<{ name: string; setting: string; unit: string | null }>(
      'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)',
      [names],
    );
    const info: Record<string, string> = {};
    for (const r of rows) info[r.name] = r.unit ? `${r.setting} × ${r.unit}` : r.setting;
    return info;
  });
}

/** Pids of the machine's PostgreSQL processes (postmaster and backends), from /proc. */
function postgresPids(): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(+entry);
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function postgresCpuSeconds(): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of postgresPids()) {
    const s = processCpuSeconds(pid);
    if (s !== null) out.set(pid, s);
  }
  return out;
}

/**
 * Starts measuring the CPU of all PostgreSQL processes on the machine (whoever they serve);
 * the returned function gives the average cores they used since. Backends that exit before the
 * end are not counted (the benchmarks' pools keep theirs for the whole run).
 */
export function postgresCpuMeter(): () => number | null {
  const t0 = performance.now();
  const before = postgresCpuSeconds();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const after = postgresCpuSeconds();
    if (after.size === 0) return null;
    let used = 0;
    for (const [pid, s] of after) used += s - (before.get(pid) ?? 0);
    return Math.round((used / seconds) * 100) / 100;
  };
}
