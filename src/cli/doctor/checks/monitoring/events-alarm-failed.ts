/**
 * events-alarm-failed: an enabled rule with targets but no alarm on FailedInvocations — and,
 * when a target has a dead-letter queue, none on InvocationsSentToDlq either.
 */
import type { Check } from '../../model.js';
import { alarmIndex } from '../support/alarm-index.js';
import { ruleDimensions, ruleRef } from '../support/resources.js';

export const eventsAlarmFailed: Check = {
  id: 'events-alarm-failed',
  area: 'monitoring',
  severity: 'medium',
  title: 'No alarm on a rule’s failed invocations',
  why: 'When a target rejects events (permissions, throttling, a deleted function) EventBridge retries and then drops or dead-letters them; FailedInvocations and InvocationsSentToDlq are the only signals.',
  needs: ['events', 'alarms'],
  run(inv, ctx) {
    const idx = alarmIndex(inv);
    return inv.rules.flatMap((r) => {
      if (r.state !== 'ENABLED' || !r.targets || r.targets.length === 0) return [];
      const wanted = ['FailedInvocations'];
      if (r.targets.some((t) => t.deadLetterArn)) wanted.push('InvocationsSentToDlq');
      const missing = idx.missing('AWS/Events', wanted, 'RuleName', r.name);
      if (missing.length === 0) return [];
      return [
        {
          resource: ruleRef(r),
          message: `no alarm on ${missing.join(' or ')}`,
          fix: missing
            .map((metric) =>
              ctx.fix.alarm({
                name: `${r.name}-${metric}`,
                namespace: 'AWS/Events',
                metric,
                dimensions: ruleDimensions(r),
                statistic: 'Sum',
                threshold: 0,
              }),
            )
            .join(' && '),
        },
      ];
    });
  },
};
