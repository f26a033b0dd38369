/**
 * alarm-no-actions: a metric alarm that notifies nobody — no AlarmActions, or actions disabled.
 */
import type { Check } from '../../model.js';
import { alarmRef } from '../support/resources.js';

export const alarmNoActions: Check = {
  id: 'alarm-no-actions',
  area: 'monitoring',
  severity: 'medium',
  title: 'Alarm with no actions',
  why: 'An alarm that goes into ALARM without notifying anyone (or with actions disabled) only shows up on a dashboard nobody is looking at when it matters.',
  needs: ['alarms'],
  run(inv, ctx) {
    return inv.alarms
      .filter((a) => !a.actionsEnabled || a.alarmActions.length === 0)
      .map((a) => ({
        resource: alarmRef(a),
        message: a.actionsEnabled ? 'no AlarmActions: it notifies nobody' : 'actions are disabled',
        fix: a.actionsEnabled
          ? `Re-create it with --alarm-actions <alarm-topic-arn> (put-metric-alarm replaces it): ${ctx.fix.aws(
              'cloudwatch',
              'describe-alarms',
              [['--alarm-names', a.name]],
            )}`
          : ctx.fix.aws('cloudwatch', 'enable-alarm-actions', [['--alarm-names', a.name]]),
      }));
  },
};
