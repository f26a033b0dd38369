/** PurgeQueue: deletes every message sent before the call; once per 60 s. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf } from '../sqs-wire.js';

export const purgeQueue: SqsOperation = async ({ queues }, input, ctx) => {
  await queues.purge(callerOf(ctx), queueNameOf(input, ctx));
  return undefined;
};
