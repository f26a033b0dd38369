/**
 * Wire ↔ domain helpers shared by the SQS operations: queue URLs, message attribute shapes and
 * batch result entries. Inputs arrive already decoded and type-checked against the SQS model
 * (JSON or query alike), in the model's member names.
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import type { QueueRecord } from '../../../core/ports/storage.js';
import type { Caller as QueueCaller } from '../../../core/queues/message-service.js';
import type { MessageAttributeInputs, MessageAttributes } from '../../../core/queues/types.js';
import type { OperationContext } from '../types.js';

export interface WireAttributeValue {
  DataType?: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
  StringListValues?: string[];
  BinaryListValues?: Uint8Array[];
}

/** An SQS queue URL path, `/ACCOUNT/NAME`: query requests may be posted to it. */
export const QUEUE_URL_PATH = /^\/\d{12}\/[^/]+\/?$/;

export function callerOf(ctx: OperationContext): QueueCaller {
  return {
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    accessKeyId: ctx.caller.accessKeyId,
  };
}

export function queueUrl(publicUrl: string, queue: QueueRecord): string {
  return `${publicUrl}/${queue.account}/${queue.name}`;
}

/**
 * The queue name a request addresses: its QueueUrl (any host — clients may reach us by many
 * names), or for query requests posted to the queue URL itself, the request path.
 */
export function queueNameOf(input: Record<string, unknown>, ctx: OperationContext): string {
  const raw =
    typeof input.QueueUrl === 'string' && input.QueueUrl !== '' ? input.QueueUrl : undefined;
  let path: string;
  if (raw !== undefined) {
    try {
      path = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? new URL(raw).pathname : raw;
    } catch {
      throw new DomainError('QueueDoesNotExist', 'The specified queue does not exist.');
    }
  } else if (QUEUE_URL_PATH.test(ctx.path)) {
    path = ctx.path;
  } else {
    throw new DomainError('MissingParameter', 'The request must contain the parameter QueueUrl.');
  }
  const m = /^\/?(\d{12})\/([^/]+)\/?$/.exec(path);
  if (!m) throw new DomainError('QueueDoesNotExist', 'The specified queue does not exist.');
  const [, account, name] = m as unknown as [string, string, string];
  if (account !== ctx.caller.accountId) {
    // Cross-account access needs queue policies, enforced once the access-control service lands.
    throw new DomainError('AccessDenied', `Access to the resource ${raw ?? path} is denied.`);
  }
  try {
    return decodeURIComponent(name);
  } catch {
    // A malformed percent-escape (`%`, `%zz`) names no queue.
    throw new DomainError('QueueDoesNotExist', 'The specified queue does not exist.');
  }
}

/** Message attributes as the request carries them; the core validates every rule. */
export function attributesFromWire(wire: unknown): MessageAttributeInputs {
  const out: MessageAttributeInputs = {};
  if (wire === undefined || wire === null) return out;
  for (const [name, v] of Object.entries(wire as Record<string, WireAttributeValue>)) {
    out[name] = {
      dataType: v.DataType ?? '',
      ...(v.StringValue !== undefined ? { stringValue: v.StringValue } : {}),
      ...(v.BinaryValue !== undefined ? { binaryValue: v.BinaryValue } : {}),
      ...(v.StringListValues?.length ? { stringListValues: v.StringListValues } : {}),
      ...(v.BinaryListValues?.length ? { binaryListValues: v.BinaryListValues } : {}),
    };
  }
  return out;
}

export function attributesToWire(attrs: MessageAttributes): Record<string, WireAttributeValue> {
  const out: Record<string, WireAttributeValue> = {};
  for (const [name, v] of Object.entries(attrs)) {
    out[name] = {
      DataType: v.dataType,
      ...(v.stringValue !== undefined ? { StringValue: v.stringValue } : {}),
      ...(v.binaryValue !== undefined ? { BinaryValue: v.binaryValue } : {}),
    };
  }
  return out;
}

export function batchError(id: string, err: DomainError) {
  return {
    Id: id,
    SenderFault: err.spec.fault === 'Sender',
    Code: err.spec.queryCode,
    Message: err.message,
  };
}

export function stringMap(v: unknown): Record<string, string> {
  return (v ?? {}) as Record<string, string>;
}

export function stringList(v: unknown): string[] {
  return (v ?? []) as string[];
}

export function optionalNumber(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

export function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Successful / Failed lists of a batch whose successful entries carry only their Id. */
export function batchResults(
  entries: readonly { Id: string }[],
  results: readonly ({ ok: true } | { ok: false; error: DomainError })[],
) {
  const Successful: { Id: string }[] = [];
  const Failed: ReturnType<typeof batchError>[] = [];
  results.forEach((r, i) => {
    const id = entries[i]!.Id;
    if (r.ok) Successful.push({ Id: id });
    else Failed.push(batchError(id, r.error));
  });
  return { Successful, Failed };
}
