/**
 * The `switchyard` command line: `serve` runs the server (the default); `doctor` audits an
 * endpoint (src/cli/doctor). Invalid configuration prints one clear line and exits with code 2;
 * SIGTERM/SIGINT shut down gracefully.
 */
import { parseArgs } from 'node:util';
import { ConfigError, OPTIONS, resolveConfig } from '../server/config.js';
import { startSwitchyard } from '../server/switchyard.js';

const USAGE = `usage: switchyard serve [options]
       switchyard doctor [options]   audit an endpoint read-only (switchyard doctor --help)

options (each also an environment variable):
${OPTIONS.map((o) => `  --${o.flag.padEnd(24)} ${o.env.padEnd(34)} ${o.description}`).join('\n')}
`;

async function serve(argv: string[]): Promise<void> {
  const optionDefs = Object.fromEntries(OPTIONS.map((o) => [o.flag, { type: 'string' as const }]));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...optionDefs, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const flags = Object.fromEntries(
    Object.entries(values).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;
  const config = resolveConfig(flags, process.env);
  const server = await startSwitchyard(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'shutting down');
    server
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        server.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'serve') return await serve(rest);
    if (command === 'doctor') {
      // Loaded on demand: the doctor's AWS SDK clients would add seconds of start-up to `serve`.
      const { doctorCommand } = await import('./doctor/doctor-command.js');
      process.exitCode = await doctorCommand(rest, {
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
      });
      return;
    }
    if (command.startsWith('-')) return await serve(argv);
    if (command === 'help' || command === '--help') {
      process.stdout.write(USAGE);
      return;
    }
    throw new ConfigError(
      `unknown command "${command}" (try: switchyard serve --help or switchyard doctor --help)`,
    );
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`switchyard: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
