/**
 * Every check against moto_server: one fixture account holding, per check, a compliant and a
 * non-compliant resource (all else well-run), audited once with the defaults, once with
 * --require-cmk and once with the clock moved 40 days on (the idle/unused checks). Each check's
 * test asserts it flagged exactly the non-compliant resources. A second account, entirely
 * well-run, must produce zero findings. Also here: a recording proxy sees only read-only calls,
 * and a proxy denying some APIs yields partial, clearly marked results.
 */
import {
  SetTopicAttributesCommand,
  SubscribeCommand,
  SetSubscriptionAttributesCommand,
} from '@aws-sdk/client-sns';
import { SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { CreateEventBusCommand, PutPermissionCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  IAMClient,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/cli/doctor/report.js';
import { AccountFixture, definition, SHIFTED_NOW } from './support/account-fixture.js';
import { audit, flagged } from './support/audit.js';
import { MOTO_MISSING, startMoto, type Moto } from './support/moto.js';
import { startRecordingProxy } from './support/recording-proxy.js';

const WELL_RUN_ACCOUNT = '111111111111';

async function buildNonCompliantAccount(fx: AccountFixture, endpoint: string) {
  await fx.init();
  const dlq = await fx.dlq('good-dlq');
  const good = await fx.queue('good-queue', dlq.arn);
  await fx.metric('AWS/SQS', 'NumberOfMessagesReceived', { QueueName: 'good-queue' }, 500);
  await fx.metric('AWS/SQS', 'NumberOfMessagesDeleted', { QueueName: 'good-queue' }, 500);
  // security
  await fx.queue('bad-unencrypted', dlq.arn, { SqsManagedSseEnabled: 'false' });
  const open = (cond?: object) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'open',
          Effect: 'Allow',
          Principal: '*',
          Action: 'sqs:SendMessage',
          Resource: '*',
          ...(cond ? { Condition: cond } : {}),
        },
      ],
    });
  await fx.queue('bad-public', dlq.arn, { Policy: open() });
  await fx.queue('good-policy', dlq.arn, {
    Policy: open({
      ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:ops-alarms' },
    }),
  });
  // monitoring
  await fx.queue('bad-no-alarm', dlq.arn, {}, { alarm: false });
  const unalarmed = await fx.dlq('bad-dlq-no-alarm', {}, false);
  await fx.queue('src-of-unalarmed', unalarmed.arn);
  await fx.alarm(
    'bad-alarm-no-actions',
    'AWS/SQS',
    'ApproximateAgeOfOldestMessage',
    { QueueName: 'good-queue' },
    false,
  );
  // error handling
  await fx.queue('bad-no-dlq', undefined);
  await fx.queue('bad-receive-count', dlq.arn, {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 50 }),
  });
  const shortDlq = await fx.dlq('bad-dlq-retention', { MessageRetentionPeriod: '345600' });
  await fx.queue('src-of-short-dlq', shortDlq.arn);
  const fullDlq = await fx.dlq('bad-dlq-messages');
  await fx.queue('src-of-full-dlq', fullDlq.arn);
  await fx.sqs.send(new SendMessageCommand({ QueueUrl: fullDlq.url, MessageBody: 'poison' }));
  await fx.metric(
    'AWS/SQS',
    'ApproximateAgeOfOldestMessage',
    { QueueName: 'bad-dlq-messages' },
    7200,
    [new Date(Date.now() - 600_000)],
  );
  // scaling
  await fx.queue('bad-short-polling', dlq.arn, { ReceiveMessageWaitTimeSeconds: '0' });
  await fx.metric('AWS/SQS', 'NumberOfEmptyReceives', { QueueName: 'bad-short-polling' }, 5000);
  await fx.metric('AWS/SQS', 'NumberOfMessagesReceived', { QueueName: 'bad-short-polling' }, 10);
  await fx.queue('good-short-polling-busy', dlq.arn, { ReceiveMessageWaitTimeSeconds: '0' });
  await fx.metric(
    'AWS/SQS',
    'NumberOfEmptyReceives',
    { QueueName: 'good-short-polling-busy' },
    500,
  );
  await fx.metric(
    'AWS/SQS',
    'NumberOfMessagesReceived',
    { QueueName: 'good-short-polling-busy' },
    1000,
  );
  await fx.metric(
    'AWS/SQS',
    'NumberOfMessagesDeleted',
    { QueueName: 'good-short-polling-busy' },
    1000,
  );
  await fx.queue('bad-visibility', dlq.arn);
  await fx.metric('AWS/SQS', 'NumberOfMessagesReceived', { QueueName: 'bad-visibility' }, 1000);
  await fx.metric('AWS/SQS', 'NumberOfMessagesDeleted', { QueueName: 'bad-visibility' }, 100);
  const fifoDlq = await fx.dlq('fifo-dlq.fifo');
  await fx.queue('bad-fifo.fifo', fifoDlq.arn, {
    DeduplicationScope: 'queue',
    FifoThroughputLimit: 'perQueue',
  });
  await fx.queue('good-fifo.fifo', fifoDlq.arn);
  for (const name of ['bad-fifo.fifo', 'good-fifo.fifo']) {
    await fx.metric('AWS/SQS', 'NumberOfMessagesSent', { QueueName: name }, 90_000, [
      new Date(Date.now() - 600_000),
    ]);
  }
  // maintenance
  await fx.queue('bad-idle', dlq.arn, {}, { traffic: false });

  // SNS
  await fx.topic('good-topic', { subscribe: good.arn });
  await fx.topic('bad-topic-unencrypted', { subscribe: good.arn, kms: null });
  const publicTopic = await fx.topic('bad-topic-public', { subscribe: good.arn });
  await fx.sns.send(
    new SetTopicAttributesCommand({
      TopicArn: publicTopic,
      AttributeName: 'Policy',
      AttributeValue: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'SNS:Publish',
            Resource: publicTopic,
          },
        ],
      }),
    }),
  );
  await fx.topic('bad-topic-no-alarm', { subscribe: good.arn, alarm: false });
  await fx.topic('bad-topic-unsubscribed');
  const httpTopic = await fx.topic('http-topic', { subscribe: good.arn });
  await fx.sns.send(
    new SubscribeCommand({
      TopicArn: httpTopic,
      Protocol: 'http',
      Endpoint: 'http://example.com/bad',
    }),
  );
  const goodHttp = await fx.sns.send(
    new SubscribeCommand({
      TopicArn: httpTopic,
      Protocol: 'https',
      Endpoint: 'https://example.com/good',
    }),
  );
  for (const [AttributeName, AttributeValue] of [
    [
      'DeliveryPolicy',
      JSON.stringify({
        healthyRetryPolicy: { numRetries: 20, minDelayTarget: 1, maxDelayTarget: 60 },
      }),
    ],
    ['RedrivePolicy', JSON.stringify({ deadLetterTargetArn: dlq.arn })],
  ] as const) {
    await fx.sns.send(
      new SetSubscriptionAttributesCommand({
        SubscriptionArn: goodHttp.SubscriptionArn,
        AttributeName,
        AttributeValue,
      }),
    );
  }

  // EventBridge
  await fx.rule('good-rule', good.arn, dlq.arn);
  await fx.rule('bad-rule-no-dlq', good.arn, dlq.arn, {
    target: { DeadLetterConfig: undefined, RetryPolicy: undefined },
  });
  await fx.rule('bad-rule-no-alarm', good.arn, dlq.arn, { alarms: false });
  await fx.rule('bad-rule-disabled', good.arn, dlq.arn, { state: 'DISABLED' });
  await fx.rule('bad-rule-idle', good.arn, dlq.arn, { traffic: false });
  await fx.events.send(
    new PutPermissionCommand({
      EventBusName: 'default',
      Action: 'events:PutEvents',
      Principal: '*',
      StatementId: 'anyone',
    }),
  );
  await fx.events.send(new CreateEventBusCommand({ Name: 'good-bus', KmsKeyIdentifier: fx.cmk }));
  await fx.events.send(
    new PutPermissionCommand({
      EventBusName: 'good-bus',
      Action: 'events:PutEvents',
      Principal: '*',
      StatementId: 'org',
      Condition: { Type: 'StringEquals', Key: 'aws:PrincipalOrgID', Value: 'o-abc123' },
    }),
  );
  await fx.archive('bad-archive', 0);
  await fx.archive('good-archive', 30);

  // Step Functions
  await fx.stateMachine('good-sm');
  await fx.stateMachine('bad-sm-no-retry', {
    definition: definition({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true }),
  });
  await fx.stateMachine('bad-sm-no-alias', { alias: false });
  await fx.stateMachine('bad-sm-no-alarm', { alarms: false });
  await fx.stateMachine('bad-sm-no-cmk', { cmk: false });
  const busy = [
    await fx.stateMachine('bad-sm-express-candidate'),
    await fx.stateMachine('good-sm-rarely-run'),
    await fx.stateMachine('good-sm-sync', {
      definition: definition({
        ...JSON.parse(definition()).States.Work,
        Resource: 'arn:aws:states:::ecs:runTask.sync',
      }),
    }),
  ];
  for (const arn of busy) {
    const runs = arn.endsWith('rarely-run') ? 1000 : 1_000_000;
    await fx.metric('AWS/States', 'ExecutionsStarted', { StateMachineArn: arn }, runs, [
      new Date(Date.now() - 600_000),
    ]);
    await fx.metric('AWS/States', 'ExecutionTime', { StateMachineArn: arn }, 2000, [
      new Date(Date.now() - 600_000),
    ]);
  }

  // IAM and KMS
  const iam = new IAMClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: fx.accessKeyId, secretAccessKey: 'test' },
  });
  const doc = (Action: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action, Resource: '*' }],
    });
  await iam.send(
    new CreatePolicyCommand({ PolicyName: 'bad-policy-wildcard', PolicyDocument: doc('sqs:*') }),
  );
  await iam.send(
    new CreatePolicyCommand({ PolicyName: 'good-policy', PolicyDocument: doc('sqs:SendMessage') }),
  );
  for (const user of ['bad-user', 'good-user']) {
    await iam.send(new CreateUserCommand({ UserName: user }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
    if (user === 'good-user') {
      await iam.send(
        new UpdateAccessKeyCommand({
          UserName: user,
          AccessKeyId: key.AccessKey!.AccessKeyId!,
          Status: 'Inactive',
        }),
      );
    }
  }
  iam.destroy();
  const badKey = await fx.kms.send(new CreateKeyCommand({}));
  return { badKeyId: badKey.KeyMetadata!.KeyId!, goodQueueUrl: good.url };
}

async function buildWellRunAccount(fx: AccountFixture) {
  fx.queuesWithCmk = true;
  await fx.init();
  const dlq = await fx.dlq('orders-dlq');
  const orders = await fx.queue('orders', dlq.arn);
  const fifoDlq = await fx.dlq('payments-dlq.fifo');
  await fx.queue('payments.fifo', fifoDlq.arn);
  await fx.topic('order-events', { subscribe: orders.arn });
  await fx.rule('orders-to-queue', orders.arn, dlq.arn);
  await fx.archive('orders-archive', 30);
  await fx.stateMachine('fulfil-order');
}

describe.skipIf(MOTO_MISSING !== undefined)(
  `doctor checks on moto_server${MOTO_MISSING ? ` (${MOTO_MISSING})` : ''}`,
  () => {
    let moto: Moto;
    let wellRunMoto: Moto;
    let fx: AccountFixture;
    let ids: { badKeyId: string; goodQueueUrl: string };
    let report: Report;
    let cmkReport: Report;
    let laterReport: Report;
    let wellRun: Report;
    let wellRunCmk: Report;

    beforeAll(async () => {
      // Two servers: moto's multi-account isolation is incomplete (archives and metrics leak).
      [moto, wellRunMoto] = await Promise.all([startMoto(), startMoto()]);
      fx = new AccountFixture(moto.url);
      const wellFx = new AccountFixture(wellRunMoto.url, WELL_RUN_ACCOUNT);
      [ids] = await Promise.all([
        buildNonCompliantAccount(fx, moto.url),
        buildWellRunAccount(wellFx),
      ]);
      wellFx.destroy();
      [report, cmkReport, laterReport, wellRun, wellRunCmk] = await Promise.all([
        audit(moto.url),
        audit(moto.url, {
          thresholds: { requireCmk: true, maxReceiveCount: 10, idleDays: 30, unusedKeyDays: 90 },
        }),
        audit(moto.url, {
          now: SHIFTED_NOW,
          only: ['sqs-idle', 'events-rule-idle', 'iam-access-key-unused'],
          thresholds: { requireCmk: false, maxReceiveCount: 10, idleDays: 30, unusedKeyDays: 30 },
        }),
        audit(wellRunMoto.url, { accessKeyId: WELL_RUN_ACCOUNT }),
        audit(wellRunMoto.url, {
          accessKeyId: WELL_RUN_ACCOUNT,
          skip: ['events-encryption-cmk'],
          thresholds: { requireCmk: true, maxReceiveCount: 10, idleDays: 30, unusedKeyDays: 90 },
        }),
      ]);
    }, 60_000);

    afterAll(async () => {
      fx?.destroy();
      await Promise.all([moto?.stop(), wellRunMoto?.stop()]);
    });

    it('audits every source completely', () => {
      expect(report.fatal).toBeUndefined();
      expect(report.notAudited).toEqual([]);
      expect(report.complete).toBe(true);
      expect(report.target.accountId).toBe('123456789012');
      expect(report.checks.every((c) => c.status === 'ran')).toBe(true);
    });

    const expected: Record<string, string[] | (() => string[])> = {
      'sqs-encryption': ['bad-unencrypted'],
      'sqs-policy-public': ['bad-public'],
      'sns-encryption': ['bad-topic-unencrypted'],
      'sns-policy-public': ['bad-topic-public'],
      'events-bus-policy-public': ['default'],
      'events-encryption-cmk': [],
      'sfn-encryption-cmk': [],
      'iam-wildcard-actions': ['bad-policy-wildcard'],
      'iam-access-key-unused': [],
      'kms-key-rotation': () => [ids.badKeyId],
      'sqs-alarm-backlog': ['bad-no-alarm'],
      'sqs-dlq-alarm': ['bad-dlq-no-alarm'],
      'sns-alarm-failed': ['bad-topic-no-alarm'],
      'events-alarm-failed': ['bad-rule-no-alarm'],
      'sfn-alarm-failed': ['bad-sm-no-alarm'],
      'alarm-no-actions': ['bad-alarm-no-actions'],
      'sqs-no-dlq': ['bad-no-dlq'],
      'sqs-max-receive-count': ['bad-receive-count'],
      'sqs-dlq-retention': ['bad-dlq-retention'],
      'sqs-dlq-messages': ['bad-dlq-messages'],
      'sns-http-retry': ['http-topic → http://example.com/bad'],
      'events-target-dlq': ['bad-rule-no-dlq'],
      'sfn-task-retry': ['bad-sm-no-retry'],
      'sqs-short-polling': ['bad-short-polling'],
      'sqs-visibility-timeout': ['bad-visibility'],
      'sqs-fifo-throughput': ['bad-fifo.fifo'],
      'sns-no-subscriptions': ['bad-topic-unsubscribed'],
      // moto confirms every subscription at once; the pending case is covered in checks-unit.
      'sns-subscription-pending': [],
      'sqs-idle': [],
      'events-rule-idle': ['bad-rule-idle'],
      'events-rule-disabled': ['bad-rule-disabled'],
      'events-archive-retention': ['bad-archive'],
      'sfn-no-alias': ['bad-sm-no-alias'],
      'sfn-express-candidate': ['bad-sm-express-candidate'],
    };

    it.each(Object.entries(expected))(
      '%s flags exactly the non-compliant resources',
      (id, names) => {
        const want = typeof names === 'function' ? names() : names;
        expect(flagged(report, id), JSON.stringify(flagged(report, id))).toEqual([...want].sort());
      },
    );

    it('with --require-cmk: service-managed keys are findings', () => {
      expect(flagged(cmkReport, 'sfn-encryption-cmk')).toEqual(['bad-sm-no-cmk']);
      // moto keeps no KMS key on archives, so both archives lack one there; good-bus has the CMK.
      expect(
        flagged(cmkReport, 'events-encryption-cmk'),
        JSON.stringify(flagged(cmkReport, 'events-encryption-cmk')),
      ).toEqual(['bad-archive', 'default', 'good-archive']);
      expect(flagged(cmkReport, 'sqs-encryption')).toContain('good-queue');
      expect(flagged(cmkReport, 'sns-encryption')).toEqual(['bad-topic-unencrypted']);
    });

    it('40 days on: idle queues and rules, and unused keys', () => {
      expect(flagged(laterReport, 'sqs-idle')).toEqual(['bad-idle']);
      expect(flagged(laterReport, 'events-rule-idle')).toEqual(['bad-rule-idle']);
      expect(flagged(laterReport, 'iam-access-key-unused').map((n) => n.split('/')[0])).toEqual([
        'bad-user',
      ]);
    });

    it('findings carry why, a fix command for this endpoint, and the figures', () => {
      const dlq = report.findings.find((f) => f.checkId === 'sqs-dlq-messages');
      expect(dlq?.message).toMatch(/holds 1 message; oldest message 2 hours old/);
      expect(dlq?.fix).toContain(
        `aws --endpoint-url ${moto.url} --region us-east-1 sqs start-message-move-task`,
      );
      const express = report.findings.find((f) => f.checkId === 'sfn-express-candidate');
      expect(express?.message).toMatch(
        /estimated \$\d+\/month as Standard .* vs \$[\d.]+\/month as Express/,
      );
      for (const f of report.findings) {
        expect(f.why.length).toBeGreaterThan(20);
        expect(f.fix).toMatch(/aws --endpoint-url /);
      }
    });

    it('a well-run account has zero findings, with and without --require-cmk', () => {
      // moto's STS answers with its default account whatever the key; the ARNs say otherwise.
      expect(wellRun.findings.length + (wellRun.scanned.queues ?? 0)).toBeGreaterThan(0);
      expect(wellRun.scanned.queues).toBeGreaterThan(3);
      expect(wellRun.findings.map((f) => `${f.checkId} ${f.resource.name}`)).toEqual([]);
      expect(wellRun.complete).toBe(true);
      expect(wellRunCmk.findings.map((f) => `${f.checkId} ${f.resource.name}`)).toEqual([]);
    });

    it('a recording proxy sees only read-only calls, across every service', async () => {
      const proxy = await startRecordingProxy(moto.url);
      try {
        const r = await audit(proxy.url);
        expect(r.findings.length).toBe(report.findings.length);
        const ops = new Set(proxy.calls.map((c) => c.operation));
        for (const op of [
          'ListQueues',
          'GetQueueAttributes',
          'ListTopics',
          'ListSubscriptions',
          'ListRules',
          'ListTargetsByRule',
          'ListStateMachines',
          'DescribeAlarms',
          'GetMetricData',
          'ListPolicies',
          'ListKeys',
          'GetCallerIdentity',
        ]) {
          expect(ops).toContain(op);
        }
        expect([...ops].filter((op) => !/^(List|Describe|Get)[A-Z]/.test(op))).toEqual([]);
        expect(r.apiCalls).toBe(proxy.calls.length);
      } finally {
        await proxy.close();
      }
    });

    it('access denied on some APIs: partial results, clearly marked', async () => {
      const proxy = await startRecordingProxy(
        moto.url,
        (c) =>
          c.operation === 'ListTopics' ||
          (c.operation === 'GetQueueAttributes' && c.body.includes('bad-public')),
      );
      try {
        const r = await audit(proxy.url);
        expect(r.fatal).toBeUndefined();
        expect(r.complete).toBe(false);
        expect(r.sources.sns).toBe('denied');
        expect(r.sources.sqs).toBe('partial');
        expect(r.notAudited).toContain('not audited: access denied to SNS');
        expect(r.checks.find((c) => c.id === 'sns-encryption')?.status).toBe('not-run');
        expect(r.checks.find((c) => c.id === 'sqs-encryption')?.status).toBe('incomplete');
        expect(r.gaps.some((g) => g.resource?.includes('bad-public') && g.kind === 'denied')).toBe(
          true,
        );
        // What could be read is still audited.
        expect(flagged(r, 'sqs-encryption')).toEqual(['bad-unencrypted']);
        expect(flagged(r, 'sqs-policy-public')).toEqual([]);
      } finally {
        await proxy.close();
      }
    });

    it('a queue fixed between audits no longer appears', async () => {
      await fx.sqs.send(
        new SetQueueAttributesCommand({
          QueueUrl: ids.goodQueueUrl.replace('good-queue', 'bad-no-alarm'),
          Attributes: { VisibilityTimeout: '60' },
        }),
      );
      await fx.alarm('bad-no-alarm-age', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
        QueueName: 'bad-no-alarm',
      });
      const r = await audit(moto.url, { only: ['sqs-alarm-backlog'] });
      expect(flagged(r, 'sqs-alarm-backlog')).toEqual([]);
    });
  },
);
