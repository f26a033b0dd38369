/**
 * sns-http-retry: a confirmed HTTP/HTTPS subscription with no delivery policy (on the
 * subscription or its topic) or no redrive policy (dead-letter queue).
 */
import type { Check } from '../../model.js';
import { subscriptionRef } from '../support/resources.js';

const DELIVERY_POLICY = JSON.stringify({
  healthyRetryPolicy: {
    minDelayTarget: 1,
    maxDelayTarget: 60,
    numRetries: 50,
    numNoDelayRetries: 3,
    numMinDelayRetries: 2,
    numMaxDelayRetries: 35,
    backoffFunction: 'exponential',
  },
});

export const snsHttpRetry: Check = {
  id: 'sns-http-retry',
  area: 'error-handling',
  severity: 'medium',
  title: 'HTTP/S subscription without a delivery policy or dead-letter queue',
  why: 'By default SNS retries an HTTP endpoint only 3 times over 20 seconds and then drops the message; a delivery policy spreads retries over an outage and a redrive policy keeps what still failed.',
  needs: ['sns'],
  run(inv, ctx) {
    const topics = new Map(inv.topics.map((t) => [t.arn, t]));
    return inv.subscriptions.flatMap((s) => {
      if ((s.protocol !== 'http' && s.protocol !== 'https') || s.pending || !s.attributes)
        return [];
      const missing: string[] = [];
      const fixes: string[] = [];
      const topicPolicy = topics.get(s.topicArn)?.attributes?.DeliveryPolicy;
      if (!s.attributes.DeliveryPolicy && !topicPolicy) {
        missing.push('no DeliveryPolicy (3 retries over 20 s, then dropped)');
        fixes.push(
          ctx.fix.aws('sns', 'set-subscription-attributes', [
            ['--subscription-arn', s.arn],
            ['--attribute-name', 'DeliveryPolicy'],
            ['--attribute-value', DELIVERY_POLICY],
          ]),
        );
      }
      if (!s.attributes.RedrivePolicy) {
        missing.push('no RedrivePolicy (no dead-letter queue)');
        fixes.push(
          ctx.fix.aws('sns', 'set-subscription-attributes', [
            ['--subscription-arn', s.arn],
            ['--attribute-name', 'RedrivePolicy'],
            ['--attribute-value', '{"deadLetterTargetArn":"<dlq-queue-arn>"}'],
          ]),
        );
      }
      if (missing.length === 0) return [];
      return [
        { resource: subscriptionRef(s), message: missing.join('; '), fix: fixes.join(' && ') },
      ];
    });
  },
};
