/** ListDeadLetterSourceQueues: queues whose RedrivePolicy targets this queue. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, optionalNumber, optionalString, queueNameOf, queueUrl } from '../sqs-wire.js';

export const listDeadLetterSourceQueues: SqsOperation = async (
  { queues, publicUrl },
  input,
  ctx,
) => {
  const maxResults = optionalNumber(input.MaxResults);
  const nextToken = optionalString(input.NextToken);
  const page = await queues.listDeadLetterSources(callerOf(ctx), queueNameOf(input, ctx), {
    ...(maxResults !== undefined ? { maxResults } : {}),
    ...(nextToken !== undefined ? { nextToken } : {}),
  });
  return {
    queueUrls: page.queues.map((q) => queueUrl(publicUrl, q)),
    ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
  };
};
