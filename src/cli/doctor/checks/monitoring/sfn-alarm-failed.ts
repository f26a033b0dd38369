/**
 * sfn-alarm-failed: a state machine without alarms on ExecutionsFailed and ExecutionsTimedOut.
 */
import type { Check } from '../../model.js';
import { alarmIndex } from '../support/alarm-index.js';
import { stateMachineRef } from '../support/resources.js';

const METRICS = ['ExecutionsFailed', 'ExecutionsTimedOut'];

export const sfnAlarmFailed: Check = {
  id: 'sfn-alarm-failed',
  area: 'monitoring',
  severity: 'medium',
  title: 'No alarm on failed or timed-out executions',
  why: 'A failed or timed-out execution is a business process that stopped halfway; without an alarm on ExecutionsFailed and ExecutionsTimedOut it is found by the customer, not by you.',
  needs: ['states', 'alarms'],
  run(inv, ctx) {
    const idx = alarmIndex(inv);
    return inv.stateMachines.flatMap((s) => {
      const missing = idx.missing('AWS/States', METRICS, 'StateMachineArn', s.arn);
      if (missing.length === 0) return [];
      return [
        {
          resource: stateMachineRef(s),
          message: `no alarm on ${missing.join(' or ')}`,
          fix: missing
            .map((metric) =>
              ctx.fix.alarm({
                name: `${s.name}-${metric}`,
                namespace: 'AWS/States',
                metric,
                dimensions: { StateMachineArn: s.arn },
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
