/**
 * `switchyard doctor` arguments: parsing, validation and the usage text. Anything invalid is a
 * DoctorUsageError (exit code 2). Credentials: a loopback endpoint with no AWS credentials in
 * the environment uses Switchyard's dev credentials; `--aws`, explicit credentials
 * (AWS_ACCESS_KEY_ID, AWS_PROFILE) and remote endpoints go through the SDK's default chain.
 */
import { parseArgs } from 'node:util';
import { DEV_ACCESS_KEY, DEV_SECRET_KEY, isLoopback } from '../../server/config.js';
import { CHECKS, CHECK_IDS } from './checks/registry.js';
import { isSeverity, type Severity } from './model.js';
import { DEFAULT_THRESHOLDS, type DoctorOptions } from './run-doctor.js';

export class DoctorUsageError extends Error {}

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4566';
export type OutputFormat = 'table' | 'json' | 'sarif';

export interface CommandOptions {
  doctor: DoctorOptions;
  format: OutputFormat;
  /** undefined: never fail (`--fail-on none`). */
  failOn: Severity | undefined;
  help: boolean;
  listChecks: boolean;
}

export const USAGE = `usage: switchyard doctor [--endpoint URL | --aws] [options]

Audits queues, topics, event buses, workflows, alarms, IAM and KMS through the public AWS APIs —
read-only — and prints every Day-2 problem with its severity, why it matters and the command
that fixes it. Checks: docs/doctor.md.

target:
  --endpoint URL            endpoint to audit (default ${DEFAULT_ENDPOINT}, the local Switchyard)
  --aws                     audit real AWS through the SDK's standard credential chain
  --region REGION           region (default AWS_REGION, AWS_DEFAULT_REGION, the profile's, or us-east-1)
output:
  --format FORMAT           table (default), json or sarif (SARIF 2.1.0)
  --only ID[,ID…]           run only these checks (repeatable)
  --skip ID[,ID…]           skip these checks (repeatable)
  --fail-on SEVERITY        exit 1 on a finding at or above: info (default), low, medium, high,
                            critical, or none
  --list-checks             print every check id with its severity and title
thresholds:
  --require-cmk             service-managed encryption keys are findings too
  --max-receive-count N     highest acceptable maxReceiveCount (default ${DEFAULT_THRESHOLDS.maxReceiveCount})
  --idle-days N             days without traffic before a queue or rule counts as idle (default ${DEFAULT_THRESHOLDS.idleDays})
  --unused-key-days N       days an active access key may go unused (default ${DEFAULT_THRESHOLDS.unusedKeyDays})
  --concurrency N           API calls in flight (default 16)

Credentials: for a loopback endpoint without AWS_ACCESS_KEY_ID/AWS_PROFILE, Switchyard's dev
credentials (test/test); otherwise the SDK's default chain (environment, profile, SSO, role).
Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage error; 3 nothing could be
audited (endpoint unreachable or credentials rejected).
`;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1)
    throw new DoctorUsageError(`invalid --${name} "${raw}": expected a positive integer`);
  return n;
}

function checkIds(flag: string, raw: string[] | undefined): string[] {
  const ids = (raw ?? [])
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !CHECK_IDS.has(id));
  if (unknown.length > 0) {
    throw new DoctorUsageError(
      `unknown check id in --${flag}: ${unknown.join(', ')} (see --list-checks)`,
    );
  }
  return ids;
}

export function parseDoctorArgs(argv: string[], env: NodeJS.ProcessEnv): CommandOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        endpoint: { type: 'string' },
        aws: { type: 'boolean' },
        region: { type: 'string' },
        format: { type: 'string' },
        only: { type: 'string', multiple: true },
        skip: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        'list-checks': { type: 'boolean' },
        'require-cmk': { type: 'boolean' },
        'max-receive-count': { type: 'string' },
        'idle-days': { type: 'string' },
        'unused-key-days': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new DoctorUsageError((e as Error).message);
  }
  const aws = values.aws === true;
  if (aws && values.endpoint !== undefined) {
    throw new DoctorUsageError('--aws and --endpoint exclude each other');
  }
  let endpoint: string | undefined;
  if (!aws) {
    endpoint = values.endpoint ?? DEFAULT_ENDPOINT;
    try {
      const u = new URL(endpoint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
      endpoint = u.origin + u.pathname.replace(/\/+$/, '');
    } catch {
      throw new DoctorUsageError(`invalid --endpoint "${endpoint}": expected an http(s) URL`);
    }
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'sarif') {
    throw new DoctorUsageError(`invalid --format "${format}": expected table, json or sarif`);
  }
  const failOnRaw = values['fail-on'] ?? 'info';
  if (failOnRaw !== 'none' && !isSeverity(failOnRaw)) {
    throw new DoctorUsageError(
      `invalid --fail-on "${failOnRaw}": expected info, low, medium, high, critical or none`,
    );
  }
  const only = checkIds('only', values.only);
  const skip = checkIds('skip', values.skip);
  if (only.length > 0 && only.every((id) => skip.includes(id))) {
    throw new DoctorUsageError('--only and --skip leave no check to run');
  }
  const region = values.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
  const explicitCredentials = Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE);
  const local =
    endpoint !== undefined && isLoopback(new URL(endpoint).hostname.replace(/^\[|\]$/g, ''));
  return {
    format,
    failOn: failOnRaw === 'none' ? undefined : failOnRaw,
    help: values.help === true,
    listChecks: values['list-checks'] === true,
    doctor: {
      endpoint,
      aws,
      region: region ?? (aws ? undefined : 'us-east-1'),
      credentials:
        local && !explicitCredentials
          ? { accessKeyId: DEV_ACCESS_KEY, secretAccessKey: DEV_SECRET_KEY }
          : undefined,
      only,
      skip,
      thresholds: {
        requireCmk: values['require-cmk'] === true,
        maxReceiveCount: positiveInt(
          'max-receive-count',
          values['max-receive-count'],
          DEFAULT_THRESHOLDS.maxReceiveCount,
        ),
        idleDays: positiveInt('idle-days', values['idle-days'], DEFAULT_THRESHOLDS.idleDays),
        unusedKeyDays: positiveInt(
          'unused-key-days',
          values['unused-key-days'],
          DEFAULT_THRESHOLDS.unusedKeyDays,
        ),
      },
      concurrency: positiveInt('concurrency', values.concurrency, 16),
    },
  };
}

export function listChecks(): string {
  return `${CHECKS.map((c) => `${c.id.padEnd(26)} ${c.severity.padEnd(9)} ${c.title}`).join('\n')}\n`;
}
