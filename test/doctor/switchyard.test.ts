/**
 * The doctor against Switchyard itself (SQS only today): the SQS checks find exactly the
 * non-compliant queues, a well-run set of queues has zero findings, every other service is
 * reported as "not audited: … unavailable at endpoint". Also the command line: exit codes,
 * formats (JSON, SARIF 2.1.0), --only/--skip, usage errors, an unreachable endpoint and
 * rejected credentials — one clear line each, never a stack trace.
 */
import { SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorCommand } from '../../src/cli/doctor/doctor-command.js';
import type { Report } from '../../src/cli/doctor/report.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { AccountFixture } from './support/account-fixture.js';
import { audit, flagged } from './support/audit.js';
import { freePort } from './support/moto.js';

const SQS_CHECKS = [
  'sqs-encryption',
  'sqs-policy-public',
  'sqs-no-dlq',
  'sqs-max-receive-count',
  'sqs-dlq-retention',
  'sqs-dlq-messages',
];

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await doctorCommand(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr };
}

describe('doctor on Switchyard', () => {
  let server: TestServer;
  let wellRun: TestServer;
  let report: Report;

  beforeAll(async () => {
    [server, wellRun] = await Promise.all([startTestServer(), startTestServer()]);
    const fx = new AccountFixture(server.url, 'test', false);
    const dlq = await fx.dlq('good-dlq');
    await fx.queue('good-queue', dlq.arn);
    await fx.queue('good-queue-kms', dlq.arn, { KmsMasterKeyId: 'alias/aws/sqs' });
    await fx.queue('bad-unencrypted', dlq.arn, { SqsManagedSseEnabled: 'false' });
    await fx.queue('bad-public', dlq.arn, {
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: '*' }],
      }),
    });
    await fx.queue('bad-no-dlq', undefined);
    await fx.queue('bad-receive-count', dlq.arn, {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 100 }),
    });
    const shortDlq = await fx.dlq('bad-dlq-retention', { MessageRetentionPeriod: '345600' });
    await fx.queue('src-of-short-dlq', shortDlq.arn);
    const fullDlq = await fx.dlq('bad-dlq-messages');
    await fx.queue('src-of-full-dlq', fullDlq.arn);
    await fx.sqs.send(new SendMessageCommand({ QueueUrl: fullDlq.url, MessageBody: 'poison' }));
    fx.destroy();

    const good = new AccountFixture(wellRun.url, 'test', false);
    const gd = await good.dlq('orders-dlq');
    const orders = await good.queue('orders', gd.arn);
    const fd = await good.dlq('payments-dlq.fifo');
    await good.queue('payments.fifo', fd.arn);
    await good.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: orders.url,
        Attributes: { VisibilityTimeout: '120' },
      }),
    );
    good.destroy();
    report = await audit(server.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([server?.close(), wellRun?.close()]);
  });

  it.each([
    ['sqs-encryption', ['bad-unencrypted']],
    ['sqs-policy-public', ['bad-public']],
    ['sqs-no-dlq', ['bad-no-dlq']],
    ['sqs-max-receive-count', ['bad-receive-count']],
    ['sqs-dlq-retention', ['bad-dlq-retention']],
    ['sqs-dlq-messages', ['bad-dlq-messages']],
  ])('%s flags exactly the non-compliant queues', (id, names) => {
    expect(flagged(report, id)).toEqual(names);
  });

  it('reports every service Switchyard lacks as not audited, and says the DLQ age is unknown', () => {
    expect(report.fatal).toBeUndefined();
    expect(report.sources.sqs).toBe('ok');
    expect(report.complete).toBe(false);
    for (const label of [
      'SNS',
      'EventBridge',
      'Step Functions',
      'CloudWatch alarms',
      'IAM',
      'KMS',
    ]) {
      expect(report.notAudited).toContain(`not audited: ${label} unavailable at endpoint`);
    }
    expect(report.checks.find((c) => c.id === 'sqs-alarm-backlog')?.reason).toBe(
      'not audited: CloudWatch alarms unavailable at endpoint',
    );
    const dlq = report.findings.find((f) => f.checkId === 'sqs-dlq-messages');
    expect(dlq?.message).toBe(
      'holds 1 message; oldest message age unknown (CloudWatch metrics unavailable)',
    );
  });

  it('a well-run set of queues has zero findings; exit 0 with the table', async () => {
    const r = await audit(wellRun.url, { only: SQS_CHECKS });
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
    const out = await cli(['--endpoint', wellRun.url, '--only', SQS_CHECKS.join(',')]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('no findings');
    expect(out.stdout).not.toContain('\u001b[');
  });

  it('exit 1 on findings at or above --fail-on; 0 below it; --skip removes checks', async () => {
    const only = ['--only', 'sqs-max-receive-count,sqs-no-dlq'];
    expect((await cli(['--endpoint', server.url, ...only])).code).toBe(1);
    expect((await cli(['--endpoint', server.url, ...only, '--fail-on', 'high'])).code).toBe(0);
    expect((await cli(['--endpoint', server.url, ...only, '--fail-on', 'medium'])).code).toBe(1);
    expect(
      (
        await cli([
          '--endpoint',
          server.url,
          ...only,
          '--skip',
          'sqs-no-dlq',
          '--fail-on',
          'medium',
        ])
      ).code,
    ).toBe(0);
    const table = await cli(['--endpoint', server.url, ...only]);
    expect(table.stdout).toMatch(/sqs queue bad-no-dlq/);
    expect(table.stdout).toMatch(
      /fix aws --endpoint-url http:\/\/127\.0\.0\.1:\d+ --region us-east-1 sqs create-queue/,
    );
  });

  it('--format json and --format sarif', async () => {
    const json = await cli(['--endpoint', server.url, '--format', 'json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as Report;
    expect(parsed.findings.length).toBe(report.findings.length);
    expect(json.stderr).toContain('not audited: SNS unavailable at endpoint');
    const sarif = JSON.parse((await cli(['--endpoint', server.url, '--format', 'sarif'])).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('sqs-no-dlq');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'sqs-no-dlq');
    expect(result.level).toBe('warning');
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(
      /^arn:aws:sqs:us-east-1:000000000000:bad-no-dlq$/,
    );
    expect(run.rules?.[result.ruleIndex] ?? run.tool.driver.rules[result.ruleIndex].id).toBe(
      'sqs-no-dlq',
    );
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(
      run.invocations[0].toolExecutionNotifications.map(
        (n: { message: { text: string } }) => n.message.text,
      ),
    ).toContain('not audited: KMS unavailable at endpoint');
  });

  it('uses the dev credentials for a loopback endpoint, the default chain when credentials are set', async () => {
    // The SDK's chain reads process.env itself.
    const env = { AWS_ACCESS_KEY_ID: 'nobody', AWS_SECRET_ACCESS_KEY: 'wrong' };
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    Object.assign(process.env, env);
    let denied;
    try {
      denied = await cli(['--endpoint', server.url, '--only', 'sqs-no-dlq'], env);
    } finally {
      for (const [k, v] of [
        ['AWS_ACCESS_KEY_ID', saved.id],
        ['AWS_SECRET_ACCESS_KEY', saved.secret],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(denied.code).toBe(3);
    expect(denied.stdout).toMatch(
      /error: credentials rejected by http:\/\/127\.0\.0\.1:\d+: credentials rejected: InvalidClientTokenId/,
    );
    expect(denied.stdout + denied.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable endpoint: one clear line, exit 3, no stack trace', async () => {
    const port = await freePort();
    const out = await cli(['--endpoint', `http://127.0.0.1:${port}`, '--format', 'json']);
    expect(out.code).toBe(3);
    expect(out.stderr).toMatch(
      new RegExp(
        `^switchyard doctor: cannot reach http://127.0.0.1:${port}: cannot connect: .*ECONNREFUSED`,
      ),
    );
    expect(JSON.parse(out.stdout).fatal).toMatch(/ECONNREFUSED/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2 with one line', async () => {
    for (const argv of [
      ['--only', 'no-such-check'],
      ['--format', 'xml'],
      ['--fail-on', 'severe'],
      ['--aws', '--endpoint', 'http://x'],
      ['--endpoint', 'ftp://x'],
      ['--idle-days', '0'],
      ['--bogus'],
    ]) {
      const out = await cli(argv);
      expect(out.code, argv.join(' ')).toBe(2);
      expect(out.stderr).toMatch(/^switchyard doctor: .+\n\(try: switchyard doctor --help\)\n$/);
    }
    const list = await cli(['--list-checks']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(34);
    expect((await cli(['--help'])).stdout).toContain('usage: switchyard doctor');
  });
});
