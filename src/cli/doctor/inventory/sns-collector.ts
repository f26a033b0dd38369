/**
 * SNS: every topic with its attributes, every subscription (ListSubscriptions, account-wide),
 * and the attributes of confirmed HTTP/HTTPS subscriptions (delivery and redrive policies).
 */
import {
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsCommand,
  ListTopicsCommand,
} from '@aws-sdk/client-sns';
import type { Collector } from './collector.js';
import type { SubscriptionInfo, TopicInfo } from './inventory.js';
import { paginate } from './paginate.js';

export const collectSns: Collector = async (ctx) => {
  const { sns } = ctx.clients;
  const topicArns = await paginate(async (NextToken) => {
    const r = await sns.send(new ListTopicsCommand({ NextToken }));
    return { items: r.Topics?.map((t) => t.TopicArn ?? '').filter(Boolean), next: r.NextToken };
  });
  const topics: TopicInfo[] = await Promise.all(
    topicArns.map(async (arn) => ({
      arn,
      name: arn.split(':').pop() ?? arn,
      attributes: await sns
        .send(new GetTopicAttributesCommand({ TopicArn: arn }))
        .then((r) => r.Attributes ?? {})
        .catch(ctx.miss('sns', arn)),
    })),
  );
  const listed = await paginate(async (NextToken) => {
    const r = await sns.send(new ListSubscriptionsCommand({ NextToken }));
    return { items: r.Subscriptions, next: r.NextToken };
  });
  const subscriptions: SubscriptionInfo[] = await Promise.all(
    listed.map(async (s) => {
      const arn = s.SubscriptionArn ?? '';
      const pending = !arn.startsWith('arn:');
      const protocol = s.Protocol ?? '';
      const http = protocol === 'http' || protocol === 'https';
      const attributes =
        http && !pending
          ? await sns
              .send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }))
              .then((r) => r.Attributes ?? {})
              .catch(ctx.miss('sns', arn))
          : undefined;
      return {
        arn,
        topicArn: s.TopicArn ?? '',
        protocol,
        endpoint: s.Endpoint ?? '',
        pending,
        attributes,
      };
    }),
  );
  return { topics, subscriptions };
};
