/**
 * How the report names a data source, and what it says when a source could not be read.
 */
import type { FailureKind, SourceStatus } from './inventory/inventory.js';
import type { Source } from './model.js';

export const SOURCE_LABELS: Record<Source, string> = {
  sqs: 'SQS',
  sns: 'SNS',
  events: 'EventBridge',
  states: 'Step Functions',
  alarms: 'CloudWatch alarms',
  metrics: 'CloudWatch metrics',
  iam: 'IAM',
  kms: 'KMS',
};

export function isFailure(status: SourceStatus): status is FailureKind {
  return status !== 'ok' && status !== 'partial';
}

export function notAudited(source: Source, kind: FailureKind): string {
  const label = SOURCE_LABELS[source];
  switch (kind) {
    case 'unavailable':
      return `not audited: ${label} unavailable at endpoint`;
    case 'denied':
      return `not audited: access denied to ${label}`;
    case 'credentials':
      return `not audited: credentials rejected by ${label}`;
    case 'unreachable':
      return `not audited: cannot reach ${label}`;
    case 'error':
      return `not audited: ${label} answered with an error`;
  }
}
