/** ListQueues: name-prefix filter and MaxResults/NextToken pagination, in name order. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, optionalNumber, optionalString, queueUrl } from '../sqs-wire.js';

export const listQueues: SqsOperation = async ({ queues, publicUrl }, input, ctx) => {
  const prefix = optionalString(input.QueueNamePrefix);
  const maxResults = optionalNumber(input.MaxResults);
  const nextToken = optionalString(input.NextToken);
  const page = await queues.list(callerOf(ctx), {
    ...(prefix !== undefined ? { prefix } : {}),
    ...(maxResults !== undefined ? { maxResults } : {}),
    ...(nextToken !== undefined ? { nextToken } : {}),
  });
  return {
    ...(page.queues.length > 0
      ? { QueueUrls: page.queues.map((q) => queueUrl(publicUrl, q)) }
      : {}),
    ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
  };
};
