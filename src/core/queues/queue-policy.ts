/**
 * AddPermission / RemovePermission edit the queue's `Policy` document the way SQS does: each
 * grant becomes one statement whose Sid is the label. The document is stored and returned;
 * it is enforced once the access-control service lands (docs/compat/sqs.md).
 */
import { DomainError } from '../errors/domain-error.js';

export interface PermissionGrant {
  label: string;
  accountIds: string[];
  actions: string[];
}

const ACTIONS = new Set([
  '*',
  'SendMessage',
  'ReceiveMessage',
  'DeleteMessage',
  'ChangeMessageVisibility',
  'GetQueueAttributes',
  'GetQueueUrl',
  'ListDeadLetterSourceQueues',
  'PurgeQueue',
  'ListQueueTags',
]);

interface Statement {
  Sid?: string;
  [k: string]: unknown;
}

interface PolicyDoc {
  Version?: string;
  Id?: string;
  Statement?: Statement[];
  [k: string]: unknown;
}

function labelError(label: string, reason: string): DomainError {
  return new DomainError(
    'InvalidParameterValue',
    `Value ${label} for parameter Label is invalid. Reason: ${reason}`,
  );
}

function parse(policy: string | undefined): PolicyDoc | undefined {
  if (!policy) return undefined;
  try {
    const doc = JSON.parse(policy) as unknown;
    return typeof doc === 'object' && doc !== null ? (doc as PolicyDoc) : undefined;
  } catch {
    return undefined;
  }
}

export function addPermissionStatement(
  policy: string | undefined,
  queueArn: string,
  grant: PermissionGrant,
): string {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(grant.label)) {
    throw labelError(
      grant.label,
      'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length.',
    );
  }
  if (grant.accountIds.length === 0)
    throw new DomainError(
      'MissingParameter',
      'The request must contain the parameter AWSAccountIds.',
    );
  if (grant.actions.length === 0)
    throw new DomainError('MissingParameter', 'The request must contain the parameter Actions.');
  if (grant.actions.length > 7) {
    throw new DomainError(
      'OverLimit',
      `${grant.actions.length} Actions were found, maximum allowed is 7.`,
    );
  }
  for (const id of grant.accountIds) {
    if (!/^\d{12}$/.test(id)) {
      throw new DomainError(
        'InvalidParameterValue',
        `Value ${id} for parameter AWSAccountIds is invalid. Reason: An AWS account id must be 12 digits.`,
      );
    }
  }
  for (const a of grant.actions) {
    if (!ACTIONS.has(a)) {
      throw new DomainError(
        'InvalidParameterValue',
        `Value SQS:${a} for parameter ActionName is invalid. Reason: Please refer to the appropriate WSDL for a list of valid actions.`,
      );
    }
  }
  const doc: PolicyDoc = parse(policy) ?? {
    Version: '2012-10-17',
    Id: `${queueArn}/SQSDefaultPolicy`,
    Statement: [],
  };
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [];
  if (statements.some((s) => s.Sid === grant.label))
    throw labelError(grant.label, 'Already exists.');
  const principals = grant.accountIds.map((id) => `arn:aws:iam::${id}:root`);
  const actions = grant.actions.map((a) => `SQS:${a}`);
  statements.push({
    Sid: grant.label,
    Effect: 'Allow',
    Principal: { AWS: principals.length === 1 ? principals[0] : principals },
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: queueArn,
  });
  doc.Statement = statements;
  return JSON.stringify(doc);
}

/** Returns the new policy, or undefined when no statement is left. */
export function removePermissionStatement(
  policy: string | undefined,
  label: string,
): string | undefined {
  const doc = parse(policy);
  const statements = doc && Array.isArray(doc.Statement) ? doc.Statement : [];
  const kept = statements.filter((s) => s.Sid !== label);
  if (!doc || kept.length === statements.length)
    throw labelError(label, "can't find label on existing policy.");
  if (kept.length === 0) return undefined;
  doc.Statement = kept;
  return JSON.stringify(doc);
}
