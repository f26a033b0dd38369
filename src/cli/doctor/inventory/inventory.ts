/**
 * The inventory: every resource the doctor looked at, as plain data, plus what could not be
 * looked at. Collectors fill it; checks only read it.
 *
 * A source's status says how far its listing got: `ok` (complete), `partial` (listed, but some
 * per-resource calls failed — those resources carry no details and are named in `gaps`), or
 * one of the failure kinds, in which case the source's lists are empty and checks that need
 * it do not run.
 */
import type { Source } from '../model.js';

export type FailureKind = 'unavailable' | 'denied' | 'credentials' | 'unreachable' | 'error';
export type SourceStatus = 'ok' | 'partial' | FailureKind;

export interface Gap {
  source: Source;
  kind: FailureKind;
  /** The resource whose details are missing; absent when the whole source failed. */
  resource?: string;
  message: string;
}

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export interface QueueInfo {
  url: string;
  name: string;
  arn: string;
  /** GetQueueAttributes All; undefined when that call failed. */
  attributes: Record<string, string> | undefined;
  fifo: boolean;
  redrive: RedrivePolicy | undefined;
  /** ARNs of the queues whose RedrivePolicy names this one: non-empty means a DLQ. */
  sourceArns: string[];
}

export interface TopicInfo {
  arn: string;
  name: string;
  attributes: Record<string, string> | undefined;
}

export interface SubscriptionInfo {
  /** `PendingConfirmation` while unconfirmed, as the API reports it. */
  arn: string;
  topicArn: string;
  protocol: string;
  endpoint: string;
  pending: boolean;
  /** Read for http/https subscriptions only. */
  attributes: Record<string, string> | undefined;
}

export interface BusInfo {
  name: string;
  arn: string;
  policy: string | undefined;
  kmsKeyIdentifier: string | undefined;
}

export interface TargetInfo {
  id: string;
  arn: string;
  hasRetryPolicy: boolean;
  deadLetterArn: string | undefined;
}

export interface RuleInfo {
  name: string;
  arn: string;
  busName: string;
  state: string;
  scheduled: boolean;
  /** Set for rules a service manages (e.g. an archive's rule); the doctor skips those. */
  managedBy: string | undefined;
  /** undefined when ListTargetsByRule failed. */
  targets: TargetInfo[] | undefined;
}

export interface ArchiveInfo {
  name: string;
  arn: string;
  sourceArn: string;
  retentionDays: number;
  kmsKeyIdentifier: string | undefined;
}

export interface StateMachineInfo {
  name: string;
  arn: string;
  type: string;
  /** undefined when DescribeStateMachine failed. */
  definition: string | undefined;
  encryptionType: string | undefined;
  kmsKeyId: string | undefined;
  /** undefined when ListStateMachineAliases failed. */
  aliasCount: number | undefined;
}

export interface AlarmMetric {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

export interface AlarmInfo {
  name: string;
  arn: string;
  actionsEnabled: boolean;
  alarmActions: string[];
  metrics: AlarmMetric[];
}

export interface ManagedPolicyInfo {
  name: string;
  arn: string;
  attachmentCount: number;
  /** The default version's document (decoded JSON text); undefined when unreadable. */
  document: string | undefined;
}

export interface AccessKeyInfo {
  userName: string;
  accessKeyId: string;
  status: string;
  createdAt: Date | undefined;
  /** undefined: never used, or the API does not tell. */
  lastUsedAt: Date | undefined;
}

export interface KmsKeyInfo {
  keyId: string;
  arn: string;
  manager: string;
  state: string;
  spec: string;
  /** undefined when not asked (AWS-managed or asymmetric keys) or the call failed. */
  rotationEnabled: boolean | undefined;
}

export interface Inventory {
  accountId: string | undefined;
  region: string;
  status: Record<Source, SourceStatus>;
  gaps: Gap[];
  queues: QueueInfo[];
  topics: TopicInfo[];
  subscriptions: SubscriptionInfo[];
  buses: BusInfo[];
  rules: RuleInfo[];
  archives: ArchiveInfo[];
  stateMachines: StateMachineInfo[];
  alarms: AlarmInfo[];
  policies: ManagedPolicyInfo[];
  accessKeys: AccessKeyInfo[];
  keys: KmsKeyInfo[];
}

export function emptyInventory(region: string): Inventory {
  return {
    accountId: undefined,
    region,
    status: {
      sqs: 'ok',
      sns: 'ok',
      events: 'ok',
      states: 'ok',
      alarms: 'ok',
      metrics: 'ok',
      iam: 'ok',
      kms: 'ok',
    },
    gaps: [],
    queues: [],
    topics: [],
    subscriptions: [],
    buses: [],
    rules: [],
    archives: [],
    stateMachines: [],
    alarms: [],
    policies: [],
    accessKeys: [],
    keys: [],
  };
}

/** The part of the inventory a collector fills in; merged into the whole by the caller. */
export type InventoryPart = Partial<Omit<Inventory, 'status' | 'gaps' | 'region' | 'accountId'>>;
