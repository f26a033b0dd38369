/**
 * sns-no-subscriptions: a topic with no subscription at all (confirmed or pending).
 */
import type { Check } from '../../model.js';
import { topicRef } from '../support/resources.js';

export const snsNoSubscriptions: Check = {
  id: 'sns-no-subscriptions',
  area: 'maintenance',
  severity: 'low',
  title: 'Topic with no subscriptions',
  why: 'Messages published to a topic nobody subscribes to are accepted and silently discarded: either the topic is abandoned or a consumer is missing.',
  needs: ['sns'],
  run(inv, ctx) {
    const subscribed = new Set(inv.subscriptions.map((s) => s.topicArn));
    return inv.topics
      .filter((t) => !subscribed.has(t.arn))
      .map((t) => ({
        resource: topicRef(t),
        message: 'no subscriptions: published messages are discarded',
        fix: `Subscribe its consumer (${ctx.fix.aws('sns', 'subscribe', [
          ['--topic-arn', t.arn],
          ['--protocol', 'sqs'],
          ['--notification-endpoint', '<queue-arn>'],
        ])}) or, if unused: ${ctx.fix.aws('sns', 'delete-topic', [['--topic-arn', t.arn]])}`,
      }));
  },
};
