/**
 * The queue attribute table: names, defaults, parsers to canonical string form, FIFO-only and
 * read-only names, and the create/set/idempotency rules with AWS's codes and messages.
 *
 * Sources: names, ranges and defaults from the CreateQueue/SetQueueAttributes docs in botocore
 * 1.43 (MaximumMessageSize default 1 MiB since 2025). Recorded from real SQS: "Invalid value for
 * the parameter DelaySeconds." (InvalidAttributeValue, Ballerina connector tests), the SSE
 * exclusivity error, "Unknown Attribute FifoQueue.", the modify-queue-type error, the QueueNameExists
 * wording and the compare-only-the-given-attributes idempotency rule (LocalStack validated tests
 * and snapshots; aws-sdk-php#1331 for FifoQueue=false on a standard queue). RedrivePolicy and
 * RedriveAllowPolicy reasons follow LocalStack's recorded snapshot and Inqnuam/local-aws-sqs.
 * Policy: only "is a JSON object" is checked here; statement-level validation is out of scope.
 */
import { DomainError } from '../errors/domain-error.js';
import {
  DEFAULT_KMS_DATA_KEY_REUSE_SECONDS,
  DEFAULT_RETENTION_SECONDS,
  DEFAULT_VISIBILITY_TIMEOUT,
  MAX_DELAY_SECONDS,
  MAX_KMS_DATA_KEY_REUSE_SECONDS,
  MAX_MAX_RECEIVE_COUNT,
  MAX_MESSAGE_SIZE,
  MAX_REDRIVE_SOURCE_ARNS,
  MAX_RETENTION_SECONDS,
  MAX_VISIBILITY_TIMEOUT,
  MAX_WAIT_TIME_SECONDS,
  MIN_KMS_DATA_KEY_REUSE_SECONDS,
  MIN_MAX_RECEIVE_COUNT,
  MIN_MESSAGE_SIZE,
  MIN_RETENTION_SECONDS,
} from './limits.js';
import { arnService, isFifoQueueName, parseQueueArn, validateQueueName } from './queue-name.js';
import type { QueueKind } from './types.js';

export const READ_ONLY_ATTRIBUTES = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
] as const;
export const FIFO_ONLY_ATTRIBUTES = [
  'FifoQueue',
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'FifoThroughputLimit',
] as const;
export const SETTABLE_ATTRIBUTES = [
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'Policy',
  'ReceiveMessageWaitTimeSeconds',
  'VisibilityTimeout',
  'RedrivePolicy',
  'RedriveAllowPolicy',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'SqsManagedSseEnabled',
  ...FIFO_ONLY_ATTRIBUTES,
] as const;
export const QUEUE_ATTRIBUTE_NAMES = [...SETTABLE_ATTRIBUTES, ...READ_ONLY_ATTRIBUTES] as const;
export type QueueAttributeName = (typeof QUEUE_ATTRIBUTE_NAMES)[number];
type Settable = (typeof SETTABLE_ATTRIBUTES)[number];

/** The key SQS manages itself; the only KmsMasterKeyId accepted until the keys service exists. */
export const SERVER_MANAGED_KMS_KEY = 'alias/aws/sqs';

const SSE_CONFLICT =
  'You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.';

export function isQueueAttributeName(name: string): name is QueueAttributeName {
  return (QUEUE_ATTRIBUTE_NAMES as readonly string[]).includes(name);
}

export function isFifoOnlyAttribute(name: string): boolean {
  return (FIFO_ONLY_ATTRIBUTES as readonly string[]).includes(name);
}

export const readOnlyAttributeNames: ReadonlySet<string> = new Set(READ_ONLY_ATTRIBUTES);

/** The queue being created or changed; `name`, when given, is checked against FifoQueue. */
export interface AttributeContext extends QueueKind {
  name?: string;
}

const unknown = (name: string) =>
  new DomainError('InvalidAttributeName', `Unknown Attribute ${name}.`);
const invalidValue = (name: string, reason?: string) =>
  new DomainError(
    'InvalidAttributeValue',
    `Invalid value for the parameter ${name}.${reason ? ` Reason: ${reason}` : ''}`,
  );
const badParameter = (name: string, raw: string, reason: string) =>
  new DomainError(
    'InvalidParameterValue',
    `Value ${raw} for parameter ${name} is invalid. Reason: ${reason}`,
  );

const integer = (min: number, max: number) => (v: string, name: string) => {
  if (!/^\d{1,10}$/.test(v) || Number(v) < min || Number(v) > max) throw invalidValue(name);
  return String(Number(v));
};
const boolean = (v: string, name: string) => {
  const lower = v.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw invalidValue(name);
  return lower;
};
const oneOf =
  (...values: string[]) =>
  (v: string, name: string) => {
    if (!values.includes(v)) throw invalidValue(name);
    return v;
  };

// ── RedrivePolicy ──

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const show = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);

/** Parses and checks a RedrivePolicy; `raw` is echoed in AWS's messages exactly as sent. */
export function parseRedrivePolicy(raw: string): RedrivePolicy {
  const p = parseJsonObject(raw);
  if (!p) throw invalidValue('RedrivePolicy', 'Redrive policy is not a valid JSON map.');
  const bad = (reason: string) => badParameter('RedrivePolicy', raw, reason);
  if (!('maxReceiveCount' in p))
    throw bad('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  if (!('deadLetterTargetArn' in p))
    throw bad('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  const m = p.maxReceiveCount;
  const count =
    typeof m === 'number' || (typeof m === 'string' && /^\d{1,10}$/.test(m)) ? Number(m) : NaN;
  if (!Number.isInteger(count) || count < MIN_MAX_RECEIVE_COUNT || count > MAX_MAX_RECEIVE_COUNT) {
    throw bad(
      `Invalid value for maxReceiveCount: ${show(m)}, valid values are from 1 to 1000 both inclusive.`,
    );
  }
  const arn = p.deadLetterTargetArn;
  if (typeof arn !== 'string' || arnService(arn) === undefined)
    throw bad('Invalid value for deadLetterTargetArn.');
  if (arnService(arn) !== 'sqs')
    throw bad('Only SQS queues are valid resources for deadLetterTargetArn.');
  if (!parseQueueArn(arn)) throw bad('Invalid value for deadLetterTargetArn.');
  if (Object.keys(p).length > 2)
    throw bad('Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].');
  return { deadLetterTargetArn: arn, maxReceiveCount: count };
}

export function formatRedrivePolicy(p: RedrivePolicy): string {
  return JSON.stringify({
    deadLetterTargetArn: p.deadLetterTargetArn,
    maxReceiveCount: p.maxReceiveCount,
  });
}

/** A FIFO queue's dead-letter queue must be FIFO, a standard queue's standard. */
export function assertDeadLetterQueueType(
  raw: string,
  p: { sourceFifo: boolean; targetFifo: boolean },
): void {
  if (p.sourceFifo !== p.targetFifo) {
    throw badParameter(
      'RedrivePolicy',
      raw,
      'Dead-letter queue must be same type of queue as the source..',
    );
  }
}

/** For the service, when the target queue of a RedrivePolicy does not exist. */
export function deadLetterTargetDoesNotExist(raw: string): DomainError {
  return badParameter('RedrivePolicy', raw, 'Dead letter target does not exist.');
}

// ── RedriveAllowPolicy ──

export interface RedriveAllowPolicy {
  redrivePermission: 'allowAll' | 'denyAll' | 'byQueue';
  sourceQueueArns?: string[];
}

export function parseRedriveAllowPolicy(raw: string): RedriveAllowPolicy {
  // AWS's wording mixes a straight and a typographic apostrophe.
  const unsupported = invalidValue(
    'RedriveAllowPolicy',
    "Amazon SQS can't create the redrive allow policy, as it’s in an unsupported format.",
  );
  const bad = (reason: string) =>
    badParameter(
      'RedriveAllowPolicy',
      raw,
      `Amazon SQS can't create the redrive allow policy. ${reason}`,
    );
  const p = parseJsonObject(raw);
  if (!p) throw unsupported;
  const permission = p.redrivePermission;
  if (permission !== 'allowAll' && permission !== 'denyAll' && permission !== 'byQueue')
    throw unsupported;
  if (Object.keys(p).some((k) => k !== 'redrivePermission' && k !== 'sourceQueueArns'))
    throw unsupported;
  const arns = p.sourceQueueArns;
  if (arns !== undefined && (!Array.isArray(arns) || arns.some((a) => typeof a !== 'string')))
    throw unsupported;
  const list = arns as string[] | undefined;
  if (list !== undefined && permission !== 'byQueue') {
    throw bad(
      'To specify one or more source queue ARNs, you must set redrivePermission to byQueue.',
    );
  }
  if (permission === 'byQueue') {
    if (!list || list.length === 0) {
      throw bad(
        'When you specify the byQueue permission type, you must also specify one or more sourceQueueArns values.',
      );
    }
    if (list.length > MAX_REDRIVE_SOURCE_ARNS)
      throw bad('The maximum number of source queue ARNs you can specify is 10.');
    return { redrivePermission: permission, sourceQueueArns: list };
  }
  return { redrivePermission: permission };
}

export function formatRedriveAllowPolicy(p: RedriveAllowPolicy): string {
  return JSON.stringify(
    p.sourceQueueArns
      ? { redrivePermission: p.redrivePermission, sourceQueueArns: p.sourceQueueArns }
      : { redrivePermission: p.redrivePermission },
  );
}

// ── the table ──

/** Parsers return the canonical string; `''` means "remove" (Policy, redrive policies, KMS key). */
const PARSERS: Record<Exclude<Settable, 'FifoQueue'>, (v: string, name: string) => string> = {
  DelaySeconds: integer(0, MAX_DELAY_SECONDS),
  MaximumMessageSize: integer(MIN_MESSAGE_SIZE, MAX_MESSAGE_SIZE),
  MessageRetentionPeriod: integer(MIN_RETENTION_SECONDS, MAX_RETENTION_SECONDS),
  ReceiveMessageWaitTimeSeconds: integer(0, MAX_WAIT_TIME_SECONDS),
  VisibilityTimeout: integer(0, MAX_VISIBILITY_TIMEOUT),
  KmsDataKeyReusePeriodSeconds: integer(
    MIN_KMS_DATA_KEY_REUSE_SECONDS,
    MAX_KMS_DATA_KEY_REUSE_SECONDS,
  ),
  SqsManagedSseEnabled: boolean,
  ContentBasedDeduplication: boolean,
  DeduplicationScope: oneOf('messageGroup', 'queue'),
  FifoThroughputLimit: oneOf('perQueue', 'perMessageGroupId'),
  Policy: (v, name) => {
    if (v !== '' && !parseJsonObject(v)) throw invalidValue(name);
    return v;
  },
  RedrivePolicy: (v) => (v === '' ? '' : formatRedrivePolicy(parseRedrivePolicy(v))),
  RedriveAllowPolicy: (v) => (v === '' ? '' : formatRedriveAllowPolicy(parseRedriveAllowPolicy(v))),
  KmsMasterKeyId: (v) => {
    if (v === '' || v === SERVER_MANAGED_KMS_KEY) return v;
    throw new DomainError(
      'KmsNotFound',
      `Key '${v}' does not exist. Only the server-managed key ${SERVER_MANAGED_KMS_KEY} is available; customer-managed keys arrive with the keys service.`,
    );
  },
};

const STANDARD_DEFAULTS: Record<string, string> = {
  DelaySeconds: '0',
  MaximumMessageSize: String(MAX_MESSAGE_SIZE),
  MessageRetentionPeriod: String(DEFAULT_RETENTION_SECONDS),
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: String(DEFAULT_VISIBILITY_TIMEOUT),
  SqsManagedSseEnabled: 'true',
};
const FIFO_DEFAULTS: Record<string, string> = {
  FifoQueue: 'true',
  ContentBasedDeduplication: 'false',
  DeduplicationScope: 'queue',
  FifoThroughputLimit: 'perQueue',
};

export function defaultAttributes(kind: QueueKind): Record<string, string> {
  return { ...STANDARD_DEFAULTS, ...(kind.fifo ? FIFO_DEFAULTS : {}) };
}

/**
 * CreateQueue's queue type: FIFO iff FifoQueue is `true`, and the name must then end in `.fifo`
 * (else not). FifoQueue=false is refused as an unknown attribute, as SQS does.
 */
export function resolveQueueType(name: string, attributes: Record<string, string>): QueueKind {
  let fifo = false;
  if (Object.hasOwn(attributes, 'FifoQueue')) {
    if (boolean(String(attributes.FifoQueue), 'FifoQueue') === 'false') throw unknown('FifoQueue');
    fifo = true;
  }
  validateQueueName(name, { fifo });
  return { fifo };
}

/** Checks one input attribute against the queue kind and returns its canonical value. */
function canonical(name: string, value: string, kind: QueueKind, mode: 'create' | 'set'): string {
  if (!(SETTABLE_ATTRIBUTES as readonly string[]).includes(name)) throw unknown(name);
  if (typeof value !== 'string') throw invalidValue(name);
  if (name === 'FifoQueue') {
    if (!kind.fifo) throw unknown(name);
    if (value.toLowerCase() === 'true') return 'true';
    if (mode === 'create') throw unknown(name);
    throw invalidValue(name, 'Modifying queue type is not supported.');
  }
  if (!kind.fifo && name === 'ContentBasedDeduplication') throw unknown(name);
  if (!kind.fifo && (name === 'DeduplicationScope' || name === 'FifoThroughputLimit')) {
    throw new DomainError(
      'InvalidAttributeName',
      `You can specify the ${name} only when FifoQueue is set to true.`,
    );
  }
  if (name === 'RedrivePolicy' && value !== '') {
    const policy = parseRedrivePolicy(value);
    const targetFifo = isFifoQueueName(parseQueueArn(policy.deadLetterTargetArn)!.name);
    assertDeadLetterQueueType(value, { sourceFifo: kind.fifo, targetFifo });
    return formatRedrivePolicy(policy);
  }
  return PARSERS[name as keyof typeof PARSERS](value, name);
}

function apply(
  target: Record<string, string>,
  input: Record<string, string>,
  kind: QueueKind,
  mode: 'create' | 'set',
): Record<string, string> {
  const given = new Map<string, string>();
  for (const [name, value] of Object.entries(input))
    given.set(name, canonical(name, value, kind, mode));
  const kmsKey = given.get('KmsMasterKeyId');
  if (given.get('SqsManagedSseEnabled') === 'true' && kmsKey) {
    throw new DomainError('InvalidAttributeName', SSE_CONFLICT);
  }
  const out = new Map(Object.entries(target));
  for (const [name, value] of given) {
    if (value === '') out.delete(name);
    else out.set(name, value);
  }
  if (kmsKey) {
    out.set('SqsManagedSseEnabled', 'false');
    if (!out.has('KmsDataKeyReusePeriodSeconds'))
      out.set('KmsDataKeyReusePeriodSeconds', String(DEFAULT_KMS_DATA_KEY_REUSE_SECONDS));
  } else if (kmsKey === '' || given.get('SqsManagedSseEnabled') === 'true') {
    out.delete('KmsMasterKeyId');
    out.delete('KmsDataKeyReusePeriodSeconds');
  }
  if (
    out.get('FifoThroughputLimit') === 'perMessageGroupId' &&
    out.get('DeduplicationScope') !== 'messageGroup'
  ) {
    throw new DomainError(
      'InvalidAttributeValue',
      'The perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup',
    );
  }
  return Object.fromEntries(out);
}

/**
 * CreateQueue: validated attributes with every default filled in, canonical strings. With a
 * `name`, the queue type comes from resolveQueueType(name, input), which also checks the name.
 */
export function normalizeCreateAttributes(
  input: Record<string, string>,
  ctx: AttributeContext,
): Record<string, string> {
  const kind = ctx.name === undefined ? { fifo: ctx.fifo } : resolveQueueType(ctx.name, input);
  return apply(defaultAttributes(kind), input, kind, 'create');
}

/** SetQueueAttributes: the queue's complete new attribute set (removals applied). */
export function normalizeSetAttributes(
  existing: Record<string, string>,
  input: Record<string, string>,
  kind: AttributeContext,
): Record<string, string> {
  if (Object.keys(input).length === 0) {
    throw new DomainError(
      'MissingParameter',
      'The request must contain the parameter Attribute.Name.',
    );
  }
  return apply(existing, input, { fifo: kind.fifo }, 'set');
}

/**
 * CreateQueue on an existing name: only the attributes the caller passed are compared with the
 * queue's current values (AWS returns the existing URL for a bare CreateQueue, and after a
 * SetQueueAttributes the new values are the ones that match). Throws QueueNameExists naming
 * the first attribute that differs.
 */
export function assertCreateQueueCompatible(
  existing: Record<string, string>,
  input: Record<string, string>,
  ctx: AttributeContext,
): void {
  const kind = ctx.name === undefined ? { fifo: ctx.fifo } : resolveQueueType(ctx.name, input);
  normalizeCreateAttributes(input, kind);
  for (const [name, value] of Object.entries(input)) {
    if (name === 'FifoQueue') continue;
    if (canonical(name, value, kind, 'create') !== (existing[name] ?? '')) {
      throw new DomainError(
        'QueueNameExists',
        `A queue already exists with the same name and a different value for attribute ${name}`,
      );
    }
  }
}

/**
 * GetQueueAttributes' AttributeNames: `All` expands to every name; unknown names are refused.
 * FIFO-only names are accepted on any queue (the caller reports only the values a queue has).
 */
export function selectAttributeNames(
  names: readonly string[],
  _kind?: QueueKind,
): Set<QueueAttributeName> {
  const out = new Set<QueueAttributeName>();
  for (const name of names) {
    if (name === 'All') QUEUE_ATTRIBUTE_NAMES.forEach((n) => out.add(n));
    else if (isQueueAttributeName(name)) out.add(name);
    else throw unknown(name);
  }
  return out;
}
