/**
 * sfn-express-candidate: a Standard workflow whose executions over the last 30 days were short
 * (average under 5 minutes) and frequent enough that Express would cost less than half as much
 * — and at least $1 a month less. Workflows using features Express lacks (.sync and
 * .waitForTaskToken integrations, activities) are never candidates.
 */
import type { Check } from '../../model.js';
import type { StateMachineInfo } from '../../inventory/inventory.js';
import { aslStates } from '../support/asl.js';
import { metricRequest } from '../support/metric-request.js';
import { stateMachineRef } from '../support/resources.js';
import { dollars, estimateMonthlyCost } from './express-estimate.js';

const DAYS = 30;
const started = (s: StateMachineInfo) =>
  metricRequest('AWS/States', 'ExecutionsStarted', { StateMachineArn: s.arn }, 'Sum', DAYS);
const duration = (s: StateMachineInfo) =>
  metricRequest('AWS/States', 'ExecutionTime', { StateMachineArn: s.arn }, 'Average', DAYS);

function expressCompatible(s: StateMachineInfo): number | undefined {
  if (s.type !== 'STANDARD') return undefined;
  const states = aslStates(s.definition);
  if (!states || states.length === 0) return undefined;
  const unsupported = states.some(
    (st) =>
      st.resource !== undefined &&
      /\.sync(:\d+)?$|\.waitForTaskToken$|:activity:/.test(st.resource),
  );
  return unsupported ? undefined : states.length;
}

export const sfnExpressCandidate: Check = {
  id: 'sfn-express-candidate',
  area: 'versioning-and-cost',
  severity: 'info',
  title: 'Standard workflow that would be cheaper as Express',
  why: 'Standard workflows bill per state transition, which dominates for short, high-volume executions; Express bills per request and duration and suits executions under 5 minutes that tolerate at-least-once semantics.',
  needs: ['states', 'metrics'],
  metrics: (inv) =>
    inv.stateMachines
      .filter((s) => expressCompatible(s) !== undefined)
      .flatMap((s) => [started(s), duration(s)]),
  run(inv, ctx) {
    return inv.stateMachines.flatMap((s) => {
      const transitions = expressCompatible(s);
      if (transitions === undefined) return [];
      const runs = (ctx.metrics.get(started(s).key) ?? []).reduce((a, b) => a + b, 0);
      const durations = ctx.metrics.get(duration(s).key) ?? [];
      if (runs === 0 || durations.length === 0) return [];
      const avgMs = durations.reduce((a, b) => a + b, 0) / durations.length;
      if (avgMs >= 5 * 60_000) return [];
      const monthly = (runs * 30) / DAYS;
      const cost = estimateMonthlyCost(monthly, transitions, avgMs);
      if (cost.express > cost.standard / 2 || cost.standard - cost.express < 1) return [];
      return [
        {
          resource: stateMachineRef(s),
          message: `${Math.round(monthly).toLocaleString('en-US')} executions/month averaging ${(avgMs / 1000).toFixed(1)} s: estimated ${dollars(cost.standard)}/month as Standard (≈${transitions} transitions each) vs ${dollars(cost.express)}/month as Express (list prices, free tier ignored)`,
          fix: `Express is at-least-once: make the steps idempotent, then create an Express copy and move callers: ${ctx.fix.aws(
            'stepfunctions',
            'create-state-machine',
            [
              ['--name', `${s.name}-express`],
              ['--type', 'EXPRESS'],
              ['--definition', 'file://definition.json'],
              ['--role-arn', '<role-arn>'],
            ],
          )}`,
        },
      ];
    });
  },
};
