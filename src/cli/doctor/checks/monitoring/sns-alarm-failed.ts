/**
 * sns-alarm-failed: a topic with subscriptions but no alarm on NumberOfNotificationsFailed.
 */
import type { Check } from '../../model.js';
import { alarmIndex } from '../support/alarm-index.js';
import { topicRef } from '../support/resources.js';

export const snsAlarmFailed: Check = {
  id: 'sns-alarm-failed',
  area: 'monitoring',
  severity: 'medium',
  title: 'No alarm on a topic’s failed notifications',
  why: 'When a subscriber endpoint breaks, SNS retries and then drops (or dead-letters) the messages; NumberOfNotificationsFailed is the only signal, and without an alarm nobody sees it.',
  needs: ['sns', 'alarms'],
  run(inv, ctx) {
    const idx = alarmIndex(inv);
    const subscribed = new Set(inv.subscriptions.map((s) => s.topicArn));
    return inv.topics
      .filter((t) => subscribed.has(t.arn))
      .filter((t) => !idx.has('AWS/SNS', 'NumberOfNotificationsFailed', 'TopicName', t.name))
      .map((t) => ({
        resource: topicRef(t),
        message: 'no alarm on NumberOfNotificationsFailed',
        fix: ctx.fix.alarm({
          name: `${t.name}-notifications-failed`,
          namespace: 'AWS/SNS',
          metric: 'NumberOfNotificationsFailed',
          dimensions: { TopicName: t.name },
          statistic: 'Sum',
          threshold: 0,
        }),
      }));
  },
};
