/**
 * Queue names and ARNs. A name is 1–80 characters of `[A-Za-z0-9_-]`; a FIFO queue's name ends
 * in `.fifo`, which counts toward the 80 (CreateQueue doc, botocore 1.43; quotas-queues).
 * Messages are AWS's: the standard one is asserted against real SQS by the Ballerina SQS
 * connector tests, the FIFO one is quoted "from the real exception" by several emulators.
 */
import { DomainError } from '../errors/domain-error.js';
import { FIFO_SUFFIX, MAX_QUEUE_NAME_LENGTH } from './limits.js';

const STANDARD_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;

export const STANDARD_NAME_MESSAGE =
  'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length';
export const FIFO_NAME_MESSAGE =
  'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.';

export function isFifoQueueName(name: string): boolean {
  return name.endsWith(FIFO_SUFFIX);
}

/** Throws InvalidParameterValue unless `name` is a valid name for a queue of this kind. */
export function validateQueueName(name: string, kind: { fifo: boolean }): void {
  if (name.length === 0)
    throw new DomainError('InvalidParameterValue', 'Queue name cannot be empty');
  const ok =
    name.length <= MAX_QUEUE_NAME_LENGTH && (kind.fifo ? FIFO_NAME : STANDARD_NAME).test(name);
  if (!ok) {
    throw new DomainError(
      'InvalidParameterValue',
      kind.fifo ? FIFO_NAME_MESSAGE : STANDARD_NAME_MESSAGE,
    );
  }
}

export interface QueueArn {
  partition: string;
  region: string;
  account: string;
  name: string;
}

/** `arn:{partition}:sqs:{region}:{account}:{name}`. */
export function queueArn(region: string, account: string, name: string, partition = 'aws'): string {
  return `arn:${partition}:sqs:${region}:${account}:${name}`;
}

const ARN = /^arn:(aws(?:-[a-z]+)*):sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_.-]+)$/;

/** Parses an SQS queue ARN; undefined when `arn` is not one (other services' ARNs included). */
export function parseQueueArn(arn: string): QueueArn | undefined {
  const m = ARN.exec(arn);
  if (!m) return undefined;
  return { partition: m[1]!, region: m[2]!, account: m[3]!, name: m[4]! };
}

const ANY_ARN = /^arn:[^:]+:([^:]+):[^:]*:[^:]*:.+$/;

/** The service segment of any well-formed ARN (`sqs`, `sns`, ...), or undefined. */
export function arnService(arn: string): string | undefined {
  return ANY_ARN.exec(arn)?.[1];
}
