/** CancelMessageMoveTask: stops a running task; messages already moved stay moved. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf } from '../sqs-wire.js';

export const cancelMessageMoveTask: SqsOperation = async ({ queues }, input, ctx) => {
  const task = await queues.moveTasks.cancel(callerOf(ctx), input.TaskHandle as string);
  return { ApproximateNumberOfMessagesMoved: task.moved };
};
