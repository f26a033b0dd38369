/**
 * `switchyard doctor`: parse the arguments, run the audit with a progress line on a TTY, print
 * the report in the chosen format and return the exit code — 0 when no finding reaches
 * --fail-on, 1 when one does, 2 for a usage error, 3 when nothing could be audited. Errors are
 * one line on stderr, never a stack trace.
 */
import { severityRank } from './model.js';
import { DoctorUsageError, listChecks, parseDoctorArgs, USAGE } from './options.js';
import { createProgress, type ProgressStream } from './render/progress.js';
import { renderSarif } from './render/sarif.js';
import { renderTable } from './render/table.js';
import { runDoctor } from './run-doctor.js';

export interface DoctorIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  env: NodeJS.ProcessEnv;
  /** Test hook: the audit's clock. */
  now?: Date;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_AUDITED = 3;

export async function doctorCommand(argv: string[], io: DoctorIo): Promise<number> {
  let parsed;
  try {
    parsed = parseDoctorArgs(argv, io.env);
  } catch (e) {
    if (e instanceof DoctorUsageError) {
      io.stderr.write(`switchyard doctor: ${e.message}\n(try: switchyard doctor --help)\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (parsed.help) {
    io.stdout.write(USAGE);
    return EXIT_CLEAN;
  }
  if (parsed.listChecks) {
    io.stdout.write(listChecks());
    return EXIT_CLEAN;
  }
  const progress = createProgress(io.stderr);
  let report;
  try {
    report = await runDoctor({
      ...parsed.doctor,
      ...(io.now ? { now: io.now } : {}),
      onProgress: (calls, done) => progress.update(calls, done),
    });
  } catch (e) {
    progress.clear();
    io.stderr.write(`switchyard doctor: ${(e as Error).message?.split('\n')[0] ?? String(e)}\n`);
    return EXIT_NOT_AUDITED;
  }
  progress.clear();
  if (parsed.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (parsed.format === 'sarif') io.stdout.write(renderSarif(report));
  else io.stdout.write(renderTable(report, Boolean(io.stdout.isTTY) && !io.env.NO_COLOR));
  if (report.fatal) {
    if (parsed.format !== 'table') io.stderr.write(`switchyard doctor: ${report.fatal}\n`);
    return EXIT_NOT_AUDITED;
  }
  for (const line of report.notAudited) {
    if (parsed.format !== 'table') io.stderr.write(`switchyard doctor: ${line}\n`);
  }
  const failOn = parsed.failOn;
  const failing =
    failOn !== undefined &&
    report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}
