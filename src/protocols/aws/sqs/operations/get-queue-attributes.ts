/** GetQueueAttributes: named attributes or `All`, including the approximate counts. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf, stringList } from '../sqs-wire.js';

export const getQueueAttributes: SqsOperation = async ({ queues }, input, ctx) => {
  const attributes = await queues.getAttributes(
    callerOf(ctx),
    queueNameOf(input, ctx),
    stringList(input.AttributeNames),
  );
  return Object.keys(attributes).length > 0 ? { Attributes: attributes } : {};
};
