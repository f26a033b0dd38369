/**
 * Every check, in report order (security, monitoring, error handling, scaling, maintenance,
 * versioning and cost). Ids are stable: docs/doctor.md documents each, and a test keeps the two
 * in step.
 */
import type { Check } from '../model.js';
import { sfnExpressCandidate } from './cost/sfn-express-candidate.js';
import { sfnNoAlias } from './cost/sfn-no-alias.js';
import { eventsTargetDlq } from './error-handling/events-target-dlq.js';
import { sfnTaskRetry } from './error-handling/sfn-task-retry.js';
import { snsHttpRetry } from './error-handling/sns-http-retry.js';
import { sqsDlqMessages } from './error-handling/sqs-dlq-messages.js';
import { sqsDlqRetention } from './error-handling/sqs-dlq-retention.js';
import { sqsMaxReceiveCount } from './error-handling/sqs-max-receive-count.js';
import { sqsNoDlq } from './error-handling/sqs-no-dlq.js';
import { eventsArchiveRetention } from './maintenance/events-archive-retention.js';
import { eventsRuleDisabled } from './maintenance/events-rule-disabled.js';
import { eventsRuleIdle } from './maintenance/events-rule-idle.js';
import { snsNoSubscriptions } from './maintenance/sns-no-subscriptions.js';
import { snsSubscriptionPending } from './maintenance/sns-subscription-pending.js';
import { sqsIdle } from './maintenance/sqs-idle.js';
import { alarmNoActions } from './monitoring/alarm-no-actions.js';
import { eventsAlarmFailed } from './monitoring/events-alarm-failed.js';
import { sfnAlarmFailed } from './monitoring/sfn-alarm-failed.js';
import { snsAlarmFailed } from './monitoring/sns-alarm-failed.js';
import { sqsAlarmBacklog } from './monitoring/sqs-alarm-backlog.js';
import { sqsDlqAlarm } from './monitoring/sqs-dlq-alarm.js';
import { sqsFifoThroughput } from './scaling/sqs-fifo-throughput.js';
import { sqsShortPolling } from './scaling/sqs-short-polling.js';
import { sqsVisibilityTimeout } from './scaling/sqs-visibility-timeout.js';
import { eventsBusPolicyPublic } from './security/events-bus-policy-public.js';
import { eventsEncryptionCmk } from './security/events-encryption-cmk.js';
import { iamAccessKeyUnused } from './security/iam-access-key-unused.js';
import { iamWildcardActions } from './security/iam-wildcard-actions.js';
import { kmsKeyRotation } from './security/kms-key-rotation.js';
import { sfnEncryptionCmk } from './security/sfn-encryption-cmk.js';
import { snsEncryption } from './security/sns-encryption.js';
import { snsPolicyPublic } from './security/sns-policy-public.js';
import { sqsEncryption } from './security/sqs-encryption.js';
import { sqsPolicyPublic } from './security/sqs-policy-public.js';

export const CHECKS: readonly Check[] = [
  sqsEncryption,
  sqsPolicyPublic,
  snsEncryption,
  snsPolicyPublic,
  eventsBusPolicyPublic,
  eventsEncryptionCmk,
  sfnEncryptionCmk,
  iamWildcardActions,
  iamAccessKeyUnused,
  kmsKeyRotation,
  sqsAlarmBacklog,
  sqsDlqAlarm,
  snsAlarmFailed,
  eventsAlarmFailed,
  sfnAlarmFailed,
  alarmNoActions,
  sqsNoDlq,
  sqsMaxReceiveCount,
  sqsDlqRetention,
  sqsDlqMessages,
  snsHttpRetry,
  eventsTargetDlq,
  sfnTaskRetry,
  sqsShortPolling,
  sqsVisibilityTimeout,
  sqsFifoThroughput,
  snsNoSubscriptions,
  snsSubscriptionPending,
  sqsIdle,
  eventsRuleIdle,
  eventsRuleDisabled,
  eventsArchiveRetention,
  sfnNoAlias,
  sfnExpressCandidate,
];

export const CHECK_IDS: ReadonlySet<string> = new Set(CHECKS.map((c) => c.id));
