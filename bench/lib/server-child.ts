/**
 * The Switchyard server as the benchmark runs it: the same configuration resolution and
 * `startSwitchyard` as `switchyard serve`, plus an IPC channel so the benchmark can read the
 * SQLite engine's group-commit statistics (`SqliteStorage.stats()`), which no HTTP endpoint
 * exposes. Runs the TypeScript sources, or the compiled `dist/` when
 * SWITCHYARD_BENCH_FROM_DIST=1. Shuts down like the CLI on SIGTERM/SIGINT, and also when the
 * benchmark (its parent) goes away.
 *
 *   node --import tsx bench/lib/server-child.ts --port P --data-dir DIR --log-level warn
 */
import { parseArgs } from 'node:util';

interface ConfigModule {
  OPTIONS: { flag: string }[];
  resolveConfig(flags: Record<string, string>, env: NodeJS.ProcessEnv): unknown;
}
interface RunningServer {
  storage: unknown;
  close(): Promise<void>;
}
interface SwitchyardModule {
  startSwitchyard(config: unknown): Promise<RunningServer>;
}

const fromDist = process.env.SWITCHYARD_BENCH_FROM_DIST === '1';
const base = new URL(fromDist ? '../../dist/server/' : '../../src/server/', import.meta.url);
const configModule = (await import(new URL('config.js', base).href)) as ConfigModule;
const switchyardModule = (await import(new URL('switchyard.js', base).href)) as SwitchyardModule;

const optionDefs = Object.fromEntries(
  configModule.OPTIONS.map((o) => [o.flag, { type: 'string' as const }]),
);
const { values } = parseArgs({ args: process.argv.slice(2), options: optionDefs, strict: true });
const flags = Object.fromEntries(
  Object.entries(values).filter(([, v]) => typeof v === 'string'),
) as Record<string, string>;
const server = await switchyardModule.startSwitchyard(
  configModule.resolveConfig(flags, process.env),
);

function commitStats(): unknown {
  const storage = server.storage as { stats?: () => unknown };
  return typeof storage.stats === 'function' ? storage.stats() : null;
}

process.on('message', (message: { type?: string; id?: number }) => {
  if (message.type === 'stats')
    process.send?.({ type: 'stats', id: message.id, stats: commitStats() });
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server
    .close()
    .then(() => process.exit(0))
    .catch((err: unknown) => {
      process.stderr.write(`server-child: shutdown failed: ${String(err)}\n`);
      process.exit(1);
    });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
