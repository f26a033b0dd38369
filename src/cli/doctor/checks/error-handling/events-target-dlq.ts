/**
 * events-target-dlq: a rule target without a RetryPolicy or a DeadLetterConfig.
 */
import type { Check } from '../../model.js';
import { ruleRef } from '../support/resources.js';

export const eventsTargetDlq: Check = {
  id: 'events-target-dlq',
  area: 'error-handling',
  severity: 'medium',
  title: 'Rule target without a retry policy or dead-letter queue',
  why: 'Events a target cannot accept are retried by the default policy (up to 24 h, 185 attempts) and then dropped; an explicit RetryPolicy states the intent and a DeadLetterConfig keeps the events that still failed.',
  needs: ['events'],
  run(inv, ctx) {
    return inv.rules.flatMap((r) => {
      const bad = (r.targets ?? []).filter((t) => !t.hasRetryPolicy || !t.deadLetterArn);
      if (bad.length === 0) return [];
      return [
        {
          resource: ruleRef(r),
          message: bad
            .map((t) => {
              const missing = [
                ...(t.hasRetryPolicy ? [] : ['RetryPolicy']),
                ...(t.deadLetterArn ? [] : ['DeadLetterConfig']),
              ];
              return `target ${t.id} (${t.arn}) has no ${missing.join(' or ')}`;
            })
            .join('; '),
          fix: bad
            .map((t) =>
              ctx.fix.aws('events', 'put-targets', [
                ['--rule', r.name],
                ['--event-bus-name', r.busName],
                [
                  '--targets',
                  `Id=${t.id},Arn=${t.arn},RetryPolicy={MaximumRetryAttempts=10,MaximumEventAgeInSeconds=3600},DeadLetterConfig={Arn=<dlq-queue-arn>}`,
                ],
              ]),
            )
            .join(' && '),
        },
      ];
    });
  },
};
