/** AddPermission: adds a labelled statement to the queue policy. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf, stringList } from '../sqs-wire.js';

export const addPermission: SqsOperation = async ({ queues }, input, ctx) => {
  await queues.addPermission(callerOf(ctx), queueNameOf(input, ctx), {
    label: input.Label as string,
    accountIds: stringList(input.AWSAccountIds),
    actions: stringList(input.Actions),
  });
  return undefined;
};
