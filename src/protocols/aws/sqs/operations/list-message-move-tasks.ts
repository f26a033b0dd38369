/** ListMessageMoveTasks: the most recent tasks of a source queue (up to 10). */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, optionalNumber } from '../sqs-wire.js';

export const listMessageMoveTasks: SqsOperation = async ({ queues }, input, ctx) => {
  const maxResults = optionalNumber(input.MaxResults);
  const tasks = await queues.moveTasks.list(callerOf(ctx), {
    sourceArn: input.SourceArn as string,
    ...(maxResults !== undefined ? { maxResults } : {}),
  });
  return {
    Results: tasks.map((t) => ({
      ...(t.status === 'RUNNING' ? { TaskHandle: t.taskHandle } : {}),
      Status: t.status,
      SourceArn: t.sourceArn,
      ...(t.destinationArn !== null ? { DestinationArn: t.destinationArn } : {}),
      ...(t.maxPerSecond !== null ? { MaxNumberOfMessagesPerSecond: t.maxPerSecond } : {}),
      ApproximateNumberOfMessagesMoved: t.moved,
      ApproximateNumberOfMessagesToMove: t.toMove,
      ...(t.failureReason !== null ? { FailureReason: t.failureReason } : {}),
      StartedTimestamp: t.startedAt,
    })),
  };
};
