/**
 * Builds fixture accounts for the doctor tests through the SDK: "well-run" resources configured
 * as the checklist says (encrypted, dead-letter queues, alarms with actions, retry policies,
 * aliases, traffic metrics), which individual tests then break one way at a time.
 *
 * Traffic metrics are written twice: an hour ago (seen by a normal audit) and 20 days ahead
 * (seen by an audit whose clock is moved 40 days on, which is how the idle-for-N-days checks
 * are tested; moto accepts such timestamps).
 */
import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CreateArchiveCommand,
  DescribeEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  type Target,
} from '@aws-sdk/client-eventbridge';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';

export const NOW = Date.now();
export const SHIFTED_NOW = new Date(NOW + 40 * 86_400_000);
const WHEN = [new Date(NOW - 3_600_000), new Date(NOW + 20 * 86_400_000)];

export const TASK_OK = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 3 }],
  Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
  End: true,
};
export const definition = (task: Record<string, unknown> = TASK_OK) =>
  JSON.stringify({ StartAt: 'Work', States: { Work: task, Failed: { Type: 'Fail' } } });

export class AccountFixture {
  readonly sqs: SQSClient;
  readonly sns: SNSClient;
  readonly events: EventBridgeClient;
  readonly sfn: SFNClient;
  readonly cloudwatch: CloudWatchClient;
  readonly kms: KMSClient;
  alarmTopic = '';
  cmk = '';
  /** Encrypt queues with the CMK rather than SSE-SQS (Switchyard accepts only the latter). */
  queuesWithCmk = false;

  constructor(
    endpoint: string,
    readonly accessKeyId = 'test',
    readonly withCloudWatch = true,
  ) {
    const cfg = {
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId, secretAccessKey: 'test' },
      maxAttempts: 1,
    };
    this.sqs = new SQSClient(cfg);
    this.sns = new SNSClient(cfg);
    this.events = new EventBridgeClient(cfg);
    this.sfn = new SFNClient(cfg);
    this.cloudwatch = new CloudWatchClient(cfg);
    this.kms = new KMSClient(cfg);
  }

  destroy(): void {
    for (const c of [this.sqs, this.sns, this.events, this.sfn, this.cloudwatch, this.kms])
      c.destroy();
  }

  /** A rotated CMK and a well-run alarm topic that every alarm notifies. */
  async init(): Promise<void> {
    const key = await this.kms.send(new CreateKeyCommand({}));
    this.cmk = key.KeyMetadata!.Arn!;
    await this.kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyMetadata!.KeyId! }));
    const dlq = await this.dlq('ops-dlq');
    const alerts = await this.queue('ops-alerts', dlq.arn);
    this.alarmTopic = await this.topic('ops-alarms', { subscribe: alerts.arn });
  }

  async alarm(
    name: string,
    ns: string,
    metric: string,
    dims: Record<string, string>,
    actions = true,
  ) {
    if (!this.withCloudWatch) return;
    await this.cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: name,
        Namespace: ns,
        MetricName: metric,
        Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: actions ? [this.alarmTopic || 'arn:aws:sns:us-east-1:123456789012:x'] : [],
      }),
    );
  }

  async metric(
    ns: string,
    metric: string,
    dims: Record<string, string>,
    value: number,
    when = WHEN,
  ) {
    if (!this.withCloudWatch) return;
    await this.cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: ns,
        MetricData: when.map((Timestamp) => ({
          MetricName: metric,
          Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
          Value: value,
          Timestamp,
        })),
      }),
    );
  }

  async createQueue(name: string, attributes: Record<string, string>) {
    const kms = this.queuesWithCmk ? { KmsMasterKeyId: this.cmk } : {};
    const { QueueUrl } = await this.sqs.send(
      new CreateQueueCommand({ QueueName: name, Attributes: { ...kms, ...attributes } }),
    );
    const a = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    return { url: QueueUrl!, arn: a.Attributes!.QueueArn! };
  }

  /** A dead-letter queue: 14 days' retention, alarm on visible messages. */
  async dlq(name: string, attributes: Record<string, string> = {}, alarm = true) {
    const fifo = name.endsWith('.fifo');
    const q = await this.createQueue(name, {
      MessageRetentionPeriod: '1209600',
      ReceiveMessageWaitTimeSeconds: '20',
      ...(fifo ? { FifoQueue: 'true' } : {}),
      ...attributes,
    });
    if (alarm)
      await this.alarm(`${name}-visible`, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
        QueueName: name,
      });
    return q;
  }

  /** A source queue: long polling, redrive to `dlqArn` after 5 receives, age alarm, traffic. */
  async queue(
    name: string,
    dlqArn: string | undefined,
    attributes: Record<string, string> = {},
    opts: { alarm?: boolean; traffic?: boolean } = {},
  ) {
    const fifo = name.endsWith('.fifo');
    const q = await this.createQueue(name, {
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '20',
      ...(fifo
        ? {
            FifoQueue: 'true',
            DeduplicationScope: 'messageGroup',
            FifoThroughputLimit: 'perMessageGroupId',
          }
        : {}),
      ...(dlqArn
        ? { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }) }
        : {}),
      ...attributes,
    });
    if (opts.alarm !== false) {
      await this.alarm(`${name}-age`, 'AWS/SQS', 'ApproximateAgeOfOldestMessage', {
        QueueName: name,
      });
    }
    if (opts.traffic !== false)
      await this.metric('AWS/SQS', 'NumberOfMessagesSent', { QueueName: name }, 10);
    return q;
  }

  /** A topic encrypted with the CMK, subscribed, with an alarm on failed notifications. */
  async topic(
    name: string,
    opts: { subscribe?: string; kms?: string | null; alarm?: boolean; http?: string } = {},
  ): Promise<string> {
    const kms = opts.kms === undefined ? this.cmk : opts.kms;
    const { TopicArn } = await this.sns.send(
      new CreateTopicCommand({ Name: name, Attributes: kms ? { KmsMasterKeyId: kms } : {} }),
    );
    if (opts.subscribe) {
      await this.sns.send(
        new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: opts.subscribe }),
      );
    }
    if (opts.alarm !== false && opts.subscribe) {
      await this.alarm(`${name}-failed`, 'AWS/SNS', 'NumberOfNotificationsFailed', {
        TopicName: name,
      });
    }
    return TopicArn!;
  }

  /** An enabled rule on the default bus with one well-configured target, alarms and traffic. */
  async rule(
    name: string,
    targetArn: string,
    dlqArn: string,
    opts: {
      target?: Partial<Target>;
      alarms?: boolean;
      traffic?: boolean;
      state?: 'ENABLED' | 'DISABLED';
    } = {},
  ) {
    await this.events.send(
      new PutRuleCommand({
        Name: name,
        EventPattern: '{"source":["orders"]}',
        State: opts.state ?? 'ENABLED',
      }),
    );
    await this.events.send(
      new PutTargetsCommand({
        Rule: name,
        Targets: [
          {
            Id: 't1',
            Arn: targetArn,
            RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: dlqArn },
            ...opts.target,
          },
        ],
      }),
    );
    if (opts.alarms !== false) {
      await this.alarm(`${name}-failed`, 'AWS/Events', 'FailedInvocations', { RuleName: name });
      await this.alarm(`${name}-dlq`, 'AWS/Events', 'InvocationsSentToDlq', { RuleName: name });
    }
    if (opts.traffic !== false)
      await this.metric('AWS/Events', 'TriggeredRules', { RuleName: name }, 5);
  }

  async archive(name: string, retentionDays: number) {
    const bus = await this.events.send(new DescribeEventBusCommand({ Name: 'default' }));
    await this.events.send(
      new CreateArchiveCommand({
        ArchiveName: name,
        EventSourceArn: bus.Arn,
        RetentionDays: retentionDays,
      }),
    );
  }

  account(): string {
    return /^\d{12}$/.test(this.accessKeyId) ? this.accessKeyId : '123456789012';
  }

  /** A state machine with Retry/Catch, a CMK, a published version behind an alias, alarms. */
  async stateMachine(
    name: string,
    opts: {
      definition?: string;
      alias?: boolean;
      alarms?: boolean;
      cmk?: boolean;
      type?: 'STANDARD' | 'EXPRESS';
    } = {},
  ): Promise<string> {
    const sm = await this.sfn.send(
      new CreateStateMachineCommand({
        name,
        definition: opts.definition ?? definition(),
        roleArn: `arn:aws:iam::${this.account()}:role/sfn`,
        type: opts.type ?? 'STANDARD',
        publish: true,
        ...(opts.cmk === false
          ? {}
          : { encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: this.cmk } }),
      }),
    );
    if (opts.alias !== false) {
      await this.sfn.send(
        new CreateStateMachineAliasCommand({
          name: 'live',
          routingConfiguration: [
            { stateMachineVersionArn: sm.stateMachineVersionArn!, weight: 100 },
          ],
        }),
      );
    }
    const arn = sm.stateMachineArn!;
    if (opts.alarms !== false) {
      await this.alarm(`${name}-failed`, 'AWS/States', 'ExecutionsFailed', {
        StateMachineArn: arn,
      });
      await this.alarm(`${name}-timedout`, 'AWS/States', 'ExecutionsTimedOut', {
        StateMachineArn: arn,
      });
    }
    return arn;
  }
}
