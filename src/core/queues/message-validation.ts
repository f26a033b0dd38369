/**
 * Message rules of SendMessage(Batch), ReceiveMessage and ChangeMessageVisibility, with AWS's
 * error codes and messages. Sources:
 * - API reference as bundled in botocore 1.43: allowed body characters, 1 MiB size, delay 0–900,
 *   FIFO id alphabet and 128-character length, fair queues (MessageGroupId on standard queues).
 * - Responses recorded from real SQS: LocalStack's snapshot tests (MessageBody size, empty String
 *   attribute, MaxNumberOfMessages, FIFO DelaySeconds, missing MessageGroupId/deduplication id)
 *   and the Ballerina SQS connector's tests run against AWS (empty body, DelaySeconds range,
 *   invalid attribute type, VisibilityTimeout 12-hour rule quoted in aws-sqs consumers).
 * - The remaining attribute messages follow Inqnuam/local-aws-sqs, whose suite mirrors AWS.
 */
import { DomainError } from '../errors/domain-error.js';
import {
  MAX_ATTRIBUTE_NAME_LENGTH,
  MAX_ATTRIBUTE_TYPE_LENGTH,
  MAX_DELAY_SECONDS,
  MAX_MESSAGE_ATTRIBUTES,
  MAX_MOVE_TASK_RATE,
  MAX_RECEIVE_MESSAGES,
  MAX_VISIBILITY_TIMEOUT,
  MAX_WAIT_TIME_SECONDS,
  MIN_MOVE_TASK_RATE,
  NUMBER_MAX_DIGITS,
  NUMBER_MAX_EXPONENT,
  NUMBER_MIN_EXPONENT,
} from './limits.js';
import { contentDeduplicationId } from './md5.js';
import type {
  MessageAttributeInput,
  MessageAttributeInputs,
  MessageAttributes,
  MessageAttributeValue,
  QueueKind,
} from './types.js';

export const INVALID_CONTENTS_MESSAGE =
  'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF';

/** XML 1.0 Char production; in `u` mode a lone surrogate is its own code point and fails. */
const ALLOWED = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const ATTRIBUTE_NAME = /^[\p{L}\p{N}_.-]+$/u;
const ATTRIBUTE_TYPE = /^(String|Number|Binary)(\..*)?$/su;
const FIFO_ID = /^[!-~]{1,128}$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;

const invalid = (message: string) => new DomainError('InvalidParameterValue', message);

export function hasOnlyAllowedCharacters(s: string): boolean {
  return ALLOWED.test(s);
}

export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Non-empty, and only characters SQS accepts. */
export function validateMessageBody(body: string | undefined): void {
  if (body === undefined || body === '') {
    throw new DomainError(
      'MissingParameter',
      'The request must contain the parameter MessageBody.',
    );
  }
  if (!hasOnlyAllowedCharacters(body))
    throw new DomainError('InvalidMessageContents', INVALID_CONTENTS_MESSAGE);
}

/**
 * A Number attribute: decimal with optional exponent, at most 38 significant digits, magnitude
 * 10^-128..10^126 or zero (SQS message metadata guide; leading/trailing zeros do not count).
 */
export function isValidSqsNumber(s: string): boolean {
  const m = NUMBER.exec(s);
  if (!m) return false;
  const mantissa = m[1]!;
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fraction = dot < 0 ? '' : mantissa.slice(dot + 1);
  let exponent = (m[2] === undefined ? 0 : Number(m[2])) - fraction.length;
  const digits = (intPart + fraction).replace(/^0+/, '');
  if (digits === '') return true;
  const significant = digits.replace(/0+$/, '');
  exponent += digits.length - significant.length;
  if (significant.length > NUMBER_MAX_DIGITS) return false;
  const order = significant.length - 1 + exponent;
  if (order < NUMBER_MIN_EXPONENT || order > NUMBER_MAX_EXPONENT) return false;
  return order < NUMBER_MAX_EXPONENT || significant === '1';
}

function validateAttributeName(name: string): void {
  if (name === '')
    throw invalid('The request must contain non-empty message (user) attribute names.');
  if (name.length > MAX_ATTRIBUTE_NAME_LENGTH)
    throw invalid('Message (user) attribute name must be shorter than 256 bytes.');
  if (!ATTRIBUTE_NAME.test(name)) {
    // Verbatim AWS wording, typo and trailing space included (LocalStack provider, validated).
    throw invalid(
      'Message (user) attributes name can only contain upper and lower score characters, digits, periods, hyphens and underscores. ',
    );
  }
  const lower = name.toLowerCase();
  if (lower.startsWith('aws.') || lower.startsWith('amazon.')) {
    throw invalid(
      "You can't use message attribute names beginning with 'AWS.' or 'Amazon'. These strings are reserved for internal use.",
    );
  }
  if (name.startsWith('.'))
    throw invalid("Message (user) attribute name must not begin with character '.'.");
  if (name.endsWith('.'))
    throw invalid("Message (user) attribute name must not end with character '.'.");
  if (name.includes('..'))
    throw invalid("Message (user) attribute name must not have successive '.' characters.");
}

/** Checks one attribute value; `label` is `(user)` or `system`, as in AWS's messages. */
function validateAttributeValue(
  name: string,
  v: MessageAttributeInput,
  label: string,
): MessageAttributeValue {
  const dataType = v?.dataType; // v may be missing when the edge passes a sparse map
  if (!dataType)
    throw invalid(
      `The message ${label} attribute '${name}' must contain a non-empty message attribute type.`,
    );
  if (!ATTRIBUTE_TYPE.test(dataType)) {
    throw invalid(
      `The type of message ${label} attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
    );
  }
  if (dataType.length > MAX_ATTRIBUTE_TYPE_LENGTH)
    throw invalid(`Message ${label} attribute type must be shorter than 256 bytes.`);
  if (!hasOnlyAllowedCharacters(dataType)) throw invalid(INVALID_CONTENTS_MESSAGE);
  if ((v.stringListValues?.length ?? 0) > 0 || (v.binaryListValues?.length ?? 0) > 0) {
    throw invalid('Message attribute list values in SendMessage operation are not supported.');
  }
  const { stringValue, binaryValue } = v;
  if (stringValue === undefined && binaryValue === undefined) {
    throw invalid(
      `The message ${label} attribute '${name}' must contain a non-empty message attribute value.`,
    );
  }
  if (stringValue !== undefined && binaryValue !== undefined)
    throw invalid(`Message ${label} attribute '${name}' must have a single value.`);
  const base = dataType.split('.', 1)[0]!;
  if (base === 'Binary') {
    if (binaryValue === undefined)
      throw invalid(
        `Message ${label} attribute '${name}' with type 'Binary' must use field 'Binary'.`,
      );
    if (binaryValue.length === 0)
      throw invalid(
        `Message ${label} attribute '${name}' must contain a non-empty value of type '${dataType}'.`,
      );
    return { dataType, binaryValue };
  }
  if (stringValue === undefined)
    throw invalid(
      `Message ${label} attribute '${name}' with type '${base}' must use field 'String'.`,
    );
  if (stringValue === '')
    throw invalid(
      `Message ${label} attribute '${name}' must contain a non-empty value of type '${dataType}'.`,
    );
  if (!hasOnlyAllowedCharacters(stringValue)) throw invalid(INVALID_CONTENTS_MESSAGE);
  if (base === 'Number' && !isValidSqsNumber(stringValue)) {
    throw invalid(`Can't cast the value of message ${label} attribute '${name}' to a number.`);
  }
  return { dataType, stringValue };
}

/** Validates message (user) attributes and returns them in domain form (list fields dropped). */
export function validateMessageAttributes(
  attrs: MessageAttributeInputs | undefined,
): MessageAttributes {
  if (!attrs) return {};
  const names = Object.keys(attrs);
  if (names.length > MAX_MESSAGE_ATTRIBUTES) {
    throw invalid(
      `Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_MESSAGE_ATTRIBUTES}].`,
    );
  }
  return Object.fromEntries(
    names.map((name) => {
      validateAttributeName(name);
      return [name, validateAttributeValue(name, attrs[name]!, '(user)')];
    }),
  );
}

/** Only AWSTraceHeader, of type String (SendMessage MessageSystemAttributes doc). */
export function validateMessageSystemAttributes(
  attrs: MessageAttributeInputs | undefined,
): MessageAttributes {
  if (!attrs) return {};
  return Object.fromEntries(
    Object.keys(attrs).map((name) => {
      if (name !== 'AWSTraceHeader')
        throw invalid(`Message system attribute name '${name}' is invalid.`);
      const value = validateAttributeValue(name, attrs[name]!, 'system');
      if (value.dataType !== 'String')
        throw invalid(`The message system attribute '${name}' must be of type 'String'.`);
      return [name, value];
    }),
  );
}

/** Body plus every attribute's name, type and value, in bytes (system attributes do not count). */
export function messageSize(body: string, attrs: MessageAttributes | undefined): number {
  let size = utf8Length(body);
  for (const [name, a] of Object.entries(attrs ?? {})) {
    size += utf8Length(name) + utf8Length(a.dataType);
    size += a.stringValue !== undefined ? utf8Length(a.stringValue) : (a.binaryValue?.length ?? 0);
  }
  return size;
}

export function validateMessageSize(
  body: string,
  attrs: MessageAttributes | undefined,
  maximumMessageSize: number,
): void {
  if (messageSize(body, attrs) > maximumMessageSize) {
    throw invalid(
      `One or more parameters are invalid. Reason: Message must be shorter than ${maximumMessageSize} bytes.`,
    );
  }
}

/** Per-message delay: 0–900; FIFO queues accept only an explicit 0. */
export function validateDelaySeconds(delaySeconds: number | undefined, kind: QueueKind): void {
  if (delaySeconds === undefined) return;
  if (kind.fifo && delaySeconds !== 0) {
    throw invalid(
      `Value ${delaySeconds} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`,
    );
  }
  if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
    throw invalid(
      `Value ${delaySeconds} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.`,
    );
  }
}

/** MessageGroupId, MessageDeduplicationId, ReceiveRequestAttemptId: 1–128 printable ASCII. */
export function validateFifoId(parameter: string, value: string): void {
  if (!FIFO_ID.test(value)) {
    throw invalid(
      `Value ${value} for parameter ${parameter} is invalid. Reason: ${parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
    );
  }
}

export interface SendEntryInput {
  body: string;
  delaySeconds?: number;
  attributes?: MessageAttributeInputs;
  systemAttributes?: MessageAttributeInputs;
  groupId?: string;
  dedupId?: string;
}

export interface SendQueueSettings extends QueueKind {
  maximumMessageSize: number;
  contentBasedDeduplication: boolean;
}

export interface ValidatedSendEntry {
  body: string;
  delaySeconds?: number;
  attributes: MessageAttributes;
  systemAttributes: MessageAttributes;
  groupId?: string;
  /** FIFO only: the explicit id, or the body's SHA-256 under content-based deduplication. */
  dedupId?: string;
}

/**
 * Every rule of one SendMessage (or batch entry). `batch` selects AWS's batch behaviour: a FIFO
 * entry without MessageGroupId is InvalidParameterValue there, MissingParameter for SendMessage.
 */
export function validateSendEntry(
  entry: SendEntryInput,
  queue: SendQueueSettings,
  options: { batch?: boolean } = {},
): ValidatedSendEntry {
  validateMessageBody(entry.body);
  const attributes = validateMessageAttributes(entry.attributes);
  const systemAttributes = validateMessageSystemAttributes(entry.systemAttributes);
  validateMessageSize(entry.body, attributes, queue.maximumMessageSize);
  validateDelaySeconds(entry.delaySeconds, queue);
  const out: ValidatedSendEntry = { body: entry.body, attributes, systemAttributes };
  if (entry.delaySeconds !== undefined) out.delaySeconds = entry.delaySeconds;
  const groupId = entry.groupId || undefined;
  const dedupId = entry.dedupId || undefined;
  if (queue.fifo) {
    if (groupId === undefined) {
      throw new DomainError(
        options.batch ? 'InvalidParameterValue' : 'MissingParameter',
        'The request must contain the parameter MessageGroupId.',
      );
    }
    validateFifoId('MessageGroupId', groupId);
    if (dedupId !== undefined) validateFifoId('MessageDeduplicationId', dedupId);
    else if (!queue.contentBasedDeduplication) {
      throw invalid(
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      );
    }
    out.groupId = groupId;
    out.dedupId = dedupId ?? contentDeduplicationId(entry.body);
    return out;
  }
  if (dedupId !== undefined)
    throw invalid(
      'The request include parameter MessageDeduplicationId which is not valid for this queue type',
    );
  if (groupId !== undefined) {
    validateFifoId('MessageGroupId', groupId); // fair queues (2025): allowed, stored, returned
    out.groupId = groupId;
  }
  return out;
}

export interface ReceiveParamsInput {
  max?: number;
  visibilityTimeout?: number;
  waitTimeSeconds?: number;
  attemptId?: string;
}

const outside = (v: number | undefined, min: number, max: number) =>
  v !== undefined && (!Number.isInteger(v) || v < min || v > max);

/** ReceiveMessage's numeric parameters and, on FIFO queues, ReceiveRequestAttemptId. */
export function validateReceiveParams(req: ReceiveParamsInput, kind: QueueKind): void {
  if (outside(req.waitTimeSeconds, 0, MAX_WAIT_TIME_SECONDS)) {
    throw invalid(
      `Value ${req.waitTimeSeconds} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.`,
    );
  }
  if (outside(req.max, 1, MAX_RECEIVE_MESSAGES)) {
    throw invalid(
      `Value ${req.max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`,
    );
  }
  if (outside(req.visibilityTimeout, 0, MAX_VISIBILITY_TIMEOUT)) {
    throw invalid(
      `Value ${req.visibilityTimeout} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.`,
    );
  }
  if (kind.fifo && req.attemptId !== undefined)
    validateFifoId('ReceiveRequestAttemptId', req.attemptId);
}

/** ChangeMessageVisibility(Batch) timeout: 0–43200. */
export function validateVisibilityTimeout(
  timeout: number,
  options: { batch?: boolean } = {},
): void {
  if (outside(timeout, 0, MAX_VISIBILITY_TIMEOUT)) {
    const reason = options.batch
      ? 'VisibilityTimeout must be an integer between 0 and 43200.'
      : 'Must be between 0 and 43200.';
    throw invalid(`Value ${timeout} for parameter VisibilityTimeout is invalid. Reason: ${reason}`);
  }
}

/**
 * The 12-hour rule: a message may stay invisible at most 43200 s after the receive that issued
 * its receipt handle; a change that would end later is rejected, not clamped (ChangeMessageVisibility
 * doc). Storage checks it (it knows the receive time); this is the error it turns into.
 */
export function visibilityBeyondLimit(visibilityTimeout: number): DomainError {
  return invalid(
    `Value ${visibilityTimeout} for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [${MAX_VISIBILITY_TIMEOUT} seconds]`,
  );
}

/** StartMessageMoveTask MaxNumberOfMessagesPerSecond: 1–500. */
export function validateMoveTaskRate(rate: number | undefined): void {
  if (outside(rate, MIN_MOVE_TASK_RATE, MAX_MOVE_TASK_RATE)) {
    throw invalid(
      "Value for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: You must enter a number that's between 1 and 500.",
    );
  }
}
