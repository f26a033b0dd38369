/**
 * SQS: every queue (ListQueues, 1,000 per page) and all its attributes. Dead-letter
 * relationships come from the sources' RedrivePolicy, so no per-queue
 * ListDeadLetterSourceQueues call is needed.
 */
import { GetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import type { Collector } from './collector.js';
import type { QueueInfo, RedrivePolicy } from './inventory.js';
import { paginate } from './paginate.js';

export function parseRedrive(raw: string | undefined): RedrivePolicy | undefined {
  if (!raw) return undefined;
  try {
    const p = JSON.parse(raw) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    const count = Number(p.maxReceiveCount);
    if (typeof p.deadLetterTargetArn !== 'string' || !Number.isFinite(count)) return undefined;
    return { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: count };
  } catch {
    return undefined;
  }
}

/** Queue name from its URL; the ARN, when attributes are missing, from the URL's account. */
function nameOf(url: string): string {
  return decodeURIComponent(url.replace(/\/+$/, '').split('/').pop() ?? url);
}

export const collectSqs: Collector = async (ctx) => {
  const { sqs } = ctx.clients;
  const urls = await paginate(async (NextToken) => {
    const r = await sqs.send(new ListQueuesCommand({ MaxResults: 1000, NextToken }));
    return { items: r.QueueUrls, next: r.NextToken };
  });
  const queues: QueueInfo[] = await Promise.all(
    urls.map(async (url) => {
      const attributes = await sqs
        .send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))
        .then((r) => r.Attributes ?? {})
        .catch(ctx.miss('sqs', url));
      const name = nameOf(url);
      return {
        url,
        name,
        arn: attributes?.QueueArn ?? url,
        attributes,
        fifo: name.endsWith('.fifo'),
        redrive: parseRedrive(attributes?.RedrivePolicy),
        sourceArns: [],
      };
    }),
  );
  const byArn = new Map(queues.map((q) => [q.arn, q]));
  for (const q of queues) {
    if (q.redrive) byArn.get(q.redrive.deadLetterTargetArn)?.sourceArns.push(q.arn);
  }
  return { queues };
};
