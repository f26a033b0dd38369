/**
 * sfn-task-retry: Task states (at any depth) without a Retry for transient errors or without
 * a Catch.
 */
import type { Check } from '../../model.js';
import { aslStates } from '../support/asl.js';
import { stateMachineRef } from '../support/resources.js';

export const sfnTaskRetry: Check = {
  id: 'sfn-task-retry',
  area: 'error-handling',
  severity: 'medium',
  title: 'Task state without Retry or Catch',
  why: 'Service integrations fail transiently (throttling, Lambda.ServiceException, timeouts); without Retry one blip fails the whole execution, and without Catch the failure ends it with no compensation or notification.',
  needs: ['states'],
  run(inv, ctx) {
    return inv.stateMachines.flatMap((s) => {
      const states = aslStates(s.definition);
      if (!states) return [];
      const bad = states
        .filter((st) => st.type === 'Task' && (st.retry.length === 0 || st.catch.length === 0))
        .map((st) => {
          const missing = [
            ...(st.retry.length === 0 ? ['Retry'] : []),
            ...(st.catch.length === 0 ? ['Catch'] : []),
          ];
          return `${st.path} has no ${missing.join(' or ')}`;
        });
      if (bad.length === 0) return [];
      return [
        {
          resource: stateMachineRef(s),
          message: bad.join('; '),
          fix: `Add "Retry": [{"ErrorEquals":["States.TaskFailed","States.Timeout"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":2}] and a "Catch" to each listed state in definition.json, then: ${ctx.fix.aws(
            'stepfunctions',
            'update-state-machine',
            [
              ['--state-machine-arn', s.arn],
              ['--definition', 'file://definition.json'],
              '--publish',
            ],
          )}`,
        },
      ];
    });
  },
};
