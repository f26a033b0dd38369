/**
 * events-rule-idle: an enabled rule that triggered no invocation (TriggeredRules) in
 * `--idle-days` days. Rules carry no creation time, so a rule younger than the window is
 * reported too.
 */
import type { Check } from '../../model.js';
import type { RuleInfo } from '../../inventory/inventory.js';
import { sum } from '../../inventory/metrics.js';
import { metricRequest } from '../support/metric-request.js';
import { ruleDimensions, ruleRef } from '../support/resources.js';

const triggered = (r: RuleInfo, days: number) =>
  metricRequest('AWS/Events', 'TriggeredRules', ruleDimensions(r), 'Sum', days);

export const eventsRuleIdle: Check = {
  id: 'events-rule-idle',
  area: 'maintenance',
  severity: 'low',
  title: 'Rule with no traffic for N days',
  why: 'A rule that never matches is either dead configuration or the symptom of a producer that stopped emitting, or of a pattern that no longer matches what it emits.',
  needs: ['events', 'metrics'],
  metrics: (inv, ctx) =>
    inv.rules
      .filter((r) => r.state === 'ENABLED')
      .map((r) => triggered(r, ctx.thresholds.idleDays)),
  run(inv, ctx) {
    const days = ctx.thresholds.idleDays;
    return inv.rules
      .filter((r) => r.state === 'ENABLED')
      .filter((r) => sum(ctx.metrics.get(triggered(r, days).key)) === 0)
      .map((r) => ({
        resource: ruleRef(r),
        message: `no TriggeredRules in ${days} days (or since it was created, if later)`,
        fix: `Check the producer and the pattern, or disable it: ${ctx.fix.aws(
          'events',
          'disable-rule',
          [
            ['--name', r.name],
            ['--event-bus-name', r.busName],
          ],
        )}`,
      }));
  },
};
