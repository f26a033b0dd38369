/**
 * The driver abstraction of the SQS behaviour suite: one interface, two real clients.
 *
 *  - `json`: `@aws-sdk/client-sqs` in its default AWS JSON 1.0 protocol (its own serializers,
 *    parsers and MD5 checks);
 *  - `query`: raw SigV4-signed form posts (`Action=…&Version=2012-11-05`) with XML responses,
 *    serialized and parsed by the test itself from the wire names in the SQS model.
 *
 * Inputs and outputs use the SDK's shapes (`@aws-sdk/client-sqs` types) for both, so each
 * behaviour case is written once. Errors come out as SqsError with the code that protocol's
 * clients see: the JSON shape name (`QueueDoesNotExist`) or the query code
 * (`AWS.SimpleQueueService.NonExistentQueue`).
 */
import type * as S from '@aws-sdk/client-sqs';
import { expect } from 'vitest';
import { SqsError, type HttpResult, type SignOptions } from './http.js';

export type Protocol = 'json' | 'query';

export interface SqsOps {
  AddPermission: [S.AddPermissionCommandInput, S.AddPermissionCommandOutput];
  CancelMessageMoveTask: [
    S.CancelMessageMoveTaskCommandInput,
    S.CancelMessageMoveTaskCommandOutput,
  ];
  ChangeMessageVisibility: [
    S.ChangeMessageVisibilityCommandInput,
    S.ChangeMessageVisibilityCommandOutput,
  ];
  ChangeMessageVisibilityBatch: [
    S.ChangeMessageVisibilityBatchCommandInput,
    S.ChangeMessageVisibilityBatchCommandOutput,
  ];
  CreateQueue: [S.CreateQueueCommandInput, S.CreateQueueCommandOutput];
  DeleteMessage: [S.DeleteMessageCommandInput, S.DeleteMessageCommandOutput];
  DeleteMessageBatch: [S.DeleteMessageBatchCommandInput, S.DeleteMessageBatchCommandOutput];
  DeleteQueue: [S.DeleteQueueCommandInput, S.DeleteQueueCommandOutput];
  GetQueueAttributes: [S.GetQueueAttributesCommandInput, S.GetQueueAttributesCommandOutput];
  GetQueueUrl: [S.GetQueueUrlCommandInput, S.GetQueueUrlCommandOutput];
  ListDeadLetterSourceQueues: [
    S.ListDeadLetterSourceQueuesCommandInput,
    S.ListDeadLetterSourceQueuesCommandOutput,
  ];
  ListMessageMoveTasks: [S.ListMessageMoveTasksCommandInput, S.ListMessageMoveTasksCommandOutput];
  ListQueueTags: [S.ListQueueTagsCommandInput, S.ListQueueTagsCommandOutput];
  ListQueues: [S.ListQueuesCommandInput, S.ListQueuesCommandOutput];
  PurgeQueue: [S.PurgeQueueCommandInput, S.PurgeQueueCommandOutput];
  ReceiveMessage: [S.ReceiveMessageCommandInput, S.ReceiveMessageCommandOutput];
  RemovePermission: [S.RemovePermissionCommandInput, S.RemovePermissionCommandOutput];
  SendMessage: [S.SendMessageCommandInput, S.SendMessageCommandOutput];
  SendMessageBatch: [S.SendMessageBatchCommandInput, S.SendMessageBatchCommandOutput];
  SetQueueAttributes: [S.SetQueueAttributesCommandInput, S.SetQueueAttributesCommandOutput];
  StartMessageMoveTask: [S.StartMessageMoveTaskCommandInput, S.StartMessageMoveTaskCommandOutput];
  TagQueue: [S.TagQueueCommandInput, S.TagQueueCommandOutput];
  UntagQueue: [S.UntagQueueCommandInput, S.UntagQueueCommandOutput];
}

export type OpName = keyof SqsOps;
export type Input<K extends OpName> = SqsOps[K][0];
export type Output<K extends OpName> = Omit<SqsOps[K][1], '$metadata'>;

export const ALL_OPERATIONS: OpName[] = [
  'AddPermission',
  'CancelMessageMoveTask',
  'ChangeMessageVisibility',
  'ChangeMessageVisibilityBatch',
  'CreateQueue',
  'DeleteMessage',
  'DeleteMessageBatch',
  'DeleteQueue',
  'GetQueueAttributes',
  'GetQueueUrl',
  'ListDeadLetterSourceQueues',
  'ListMessageMoveTasks',
  'ListQueueTags',
  'ListQueues',
  'PurgeQueue',
  'ReceiveMessage',
  'RemovePermission',
  'SendMessage',
  'SendMessageBatch',
  'SetQueueAttributes',
  'StartMessageMoveTask',
  'TagQueue',
  'UntagQueue',
];

/** A request of the driver's protocol with a body given verbatim (bad-input cases). */
export interface RawCall {
  /** JSON: the X-Amz-Target operation (`AmazonSQS.<op>`, or `target` verbatim); query: `Action`. */
  op: string;
  /** JSON: the body text; query: extra form fields after `Action=…&Version=…` (or `form` verbatim). */
  body?: string;
  /** JSON only: the whole X-Amz-Target header. */
  target?: string;
  /** Query only: the whole form body (no Action/Version added). */
  form?: string;
  path?: string;
  sign?: SignOptions;
  headers?: Record<string, string>;
}

export interface RawResult extends HttpResult {
  /** The parsed error when the status is not 200. */
  error?: SqsError;
}

export interface SqsDriver {
  readonly protocol: Protocol;
  /** The endpoint requests go to. */
  readonly endpoint: string;
  call<K extends OpName>(op: K, input: Input<K>): Promise<Output<K>>;
  raw(req: RawCall): Promise<RawResult>;
}

/** The code each protocol's clients see for one error: a string when both see the same. */
export type ExpectedCode = string | { json: string; query: string };

export function codeFor(protocol: Protocol, expected: ExpectedCode): string {
  return typeof expected === 'string' ? expected : expected[protocol];
}

/** Awaits a call that must fail with `expected` (and `status` when given). */
export async function expectSqsError(
  d: Pick<SqsDriver, 'protocol'>,
  promise: Promise<unknown>,
  expected: ExpectedCode,
  status?: number,
): Promise<SqsError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  if (!(caught instanceof SqsError)) {
    throw new Error(
      `expected ${codeFor(d.protocol, expected)}, got ${caught === undefined ? 'success' : caught instanceof Error ? (caught.stack ?? caught.message) : JSON.stringify(caught)}`,
    );
  }
  expect(caught.code).toBe(codeFor(d.protocol, expected));
  if (status !== undefined) expect(caught.status).toBe(status);
  expect(caught.status).toBeGreaterThanOrEqual(400);
  expect(caught.status).toBeLessThan(500);
  return caught;
}

/** Awaits a raw request that must fail with `expected`. */
export async function expectRawError(
  d: SqsDriver,
  req: RawCall,
  expected: ExpectedCode,
  status?: number,
): Promise<SqsError> {
  const res = await d.raw(req);
  if (!res.error)
    throw new Error(
      `expected ${codeFor(d.protocol, expected)}, got ${res.status}: ${res.body.slice(0, 300)}`,
    );
  expect(res.error.code, res.body.slice(0, 300)).toBe(codeFor(d.protocol, expected));
  if (status !== undefined) expect(res.status).toBe(status);
  expect(res.status).toBeLessThan(500);
  return res.error;
}
