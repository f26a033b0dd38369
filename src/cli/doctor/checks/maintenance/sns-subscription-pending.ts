/**
 * sns-subscription-pending: a subscription still waiting for confirmation. The SNS API does
 * not say since when, so every pending subscription is reported.
 */
import type { Check } from '../../model.js';
import { subscriptionRef } from '../support/resources.js';

export const snsSubscriptionPending: Check = {
  id: 'sns-subscription-pending',
  area: 'maintenance',
  severity: 'low',
  title: 'Subscription pending confirmation',
  why: 'An unconfirmed subscription receives nothing: its endpoint never answered the confirmation request (wrong URL, a firewall, a handler that ignores SubscriptionConfirmation).',
  needs: ['sns'],
  run(inv, ctx) {
    return inv.subscriptions
      .filter((s) => s.pending)
      .map((s) => ({
        resource: subscriptionRef(s),
        message: `${s.protocol} subscription to ${s.endpoint} is pending confirmation (the API does not say since when)`,
        fix: `Have the endpoint confirm with the token it received (${ctx.fix.aws(
          'sns',
          'confirm-subscription',
          [
            ['--topic-arn', s.topicArn],
            ['--token', '<token>'],
          ],
        )}), or subscribe again once it is fixed`,
      }));
  },
};
