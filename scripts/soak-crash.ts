/**
 * Long kill -9 soak: the crash test's workload (test/durability/crash-workload.ts) for as many
 * cycles / seconds as asked, printing a JSON summary on stdout (progress on stderr). Exit code 1
 * when the checker finds a lost acknowledged send, a message back after an acknowledged delete,
 * a FIFO order violation, a phantom or a changed message id; 2 on bad arguments.
 *
 *   node --import tsx scripts/soak-crash.ts --cycles 500 --seconds 1800
 *
 * Options: --cycles N (kill cycles, default 200 unless --seconds alone), --seconds S (stop
 * cycling after S seconds), --min-uptime-ms / --max-uptime-ms (server uptime before each kill,
 * default 50 / 400), --startup-kill-probability P (default 0.15), --seed N, --keep-data-dir,
 * --details (include every finding, not just the first 20).
 */
import { parseArgs } from 'node:util';
import { runCrashWorkload } from '../test/durability/crash-workload.js';

function fail(message: string): never {
  process.stderr.write(`soak-crash: ${message}\n`);
  process.exit(2);
}

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number`);
  return n;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      cycles: { type: 'string' },
      seconds: { type: 'string' },
      'min-uptime-ms': { type: 'string' },
      'max-uptime-ms': { type: 'string' },
      'startup-kill-probability': { type: 'string' },
      seed: { type: 'string' },
      'keep-data-dir': { type: 'boolean' },
      details: { type: 'boolean' },
    },
    strict: true,
  }));
} catch (e) {
  fail((e as Error).message);
}

const seconds = num(values.seconds, 'seconds');
const cycles = num(values.cycles, 'cycles') ?? (seconds !== undefined ? Infinity : 200);
const minUptime = num(values['min-uptime-ms'], 'min-uptime-ms') ?? 50;
const maxUptime = num(values['max-uptime-ms'], 'max-uptime-ms') ?? Math.max(400, minUptime);
if (maxUptime < minUptime) fail('--max-uptime-ms must be ≥ --min-uptime-ms');
const seed = num(values.seed, 'seed');
const startupKillProbability = num(values['startup-kill-probability'], 'startup-kill-probability');

const { summary } = await runCrashWorkload({
  cycles,
  ...(seconds !== undefined ? { maxSeconds: seconds } : {}),
  uptimeMs: [minUptime, maxUptime],
  ...(startupKillProbability !== undefined ? { startupKillProbability } : {}),
  ...(seed !== undefined ? { seed } : {}),
  keepDataDir: values['keep-data-dir'] === true,
  log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
});

const c = summary.check;
const limit = <T>(xs: T[]) => (values.details ? xs : xs.slice(0, 20));
const failures =
  c.lost.length +
  c.reappeared.length +
  c.fifoOrderViolations.length +
  c.phantoms.length +
  c.messageIdMismatches.length;
const output = {
  ok: failures === 0,
  ...summary,
  anomalies: limit(summary.anomalies),
  check: {
    ...c,
    lost: c.lost.length,
    reappeared: c.reappeared.length,
    fifoOrderViolations: c.fifoOrderViolations.length,
    phantoms: c.phantoms.length,
    messageIdMismatches: c.messageIdMismatches.length,
  },
  findings: {
    lost: limit(c.lost),
    reappeared: limit(c.reappeared),
    fifoOrderViolations: limit(c.fifoOrderViolations),
    phantoms: limit(c.phantoms),
    messageIdMismatches: limit(c.messageIdMismatches),
  },
};
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
process.exitCode = failures === 0 ? 0 : 1;
