/** StartMessageMoveTask: redrive a dead-letter queue to its sources or to a chosen queue. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, optionalNumber, optionalString } from '../sqs-wire.js';

export const startMessageMoveTask: SqsOperation = async ({ queues }, input, ctx) => {
  const destinationArn = optionalString(input.DestinationArn);
  const maxPerSecond = optionalNumber(input.MaxNumberOfMessagesPerSecond);
  const taskHandle = await queues.moveTasks.start(callerOf(ctx), {
    sourceArn: input.SourceArn as string,
    ...(destinationArn !== undefined ? { destinationArn } : {}),
    ...(maxPerSecond !== undefined ? { maxPerSecond } : {}),
  });
  return { TaskHandle: taskHandle };
};
