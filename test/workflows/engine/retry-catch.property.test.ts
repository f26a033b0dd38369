import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStatesError } from '../../../src/core/workflows/shared/states-error.js';
import { LAMBDA } from './corpus-types.js';
import { runMachine, type Outcome } from './driver.js';

const MACHINE = {
  StartAt: 'T',
  States: {
    T: {
      Type: 'Task',
      Resource: LAMBDA,
      Retry: [
        {
          ErrorEquals: ['Transient'],
          MaxAttempts: 3,
          IntervalSeconds: 2,
          BackoffRate: 1.5,
          MaxDelaySeconds: 3,
        },
        { ErrorEquals: ['States.Timeout'], MaxAttempts: 1, JitterStrategy: 'FULL' },
      ],
      Catch: [{ ErrorEquals: ['Fatal'], Next: 'Handled', ResultPath: '$.error' }],
      Next: 'Done',
    },
    Handled: { Type: 'Pass', End: true },
    Done: { Type: 'Succeed' },
  },
};

const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  fc.constant<Outcome>({ ok: { fine: true } }),
  fc.constantFrom<Outcome>({ fail: 'Transient' }, { fail: 'Fatal', cause: 'x' }, { fail: 'Other' }),
  fc.constantFrom<Outcome>({ timeout: 'States.Timeout' }, { timeout: 'States.HeartbeatTimeout' }),
);

const CLOSING = ['ExecutionSucceeded', 'ExecutionFailed'];

describe('Retry/Catch under random task outcomes', () => {
  it('always terminates with a well-formed history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(outcome, { minLength: 1, maxLength: 8 }), async (script) => {
        let run;
        try {
          run = await runMachine(MACHINE, { n: 1 }, { T: script });
        } catch (e) {
          // Only documented errors may escape (none are expected here).
          expect(isStatesError(e)).toBe(true);
          return;
        }
        const types = run.history.map((e) => e.type);
        expect(types[0]).toBe('ExecutionStarted');
        expect(CLOSING).toContain(types.at(-1));
        expect(types.filter((t) => CLOSING.includes(t))).toHaveLength(1);
        expect(run.history.map((e) => e.id)).toEqual(types.map((_, i) => i + 1));
        const scheduled = types.filter((t) => t === 'TaskScheduled').length;
        expect(scheduled).toBeGreaterThanOrEqual(1);
        expect(scheduled).toBeLessThanOrEqual(1 + 3 + 1);
        const timestamps = run.history.map((e) => Date.parse(e.timestamp));
        expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
        if (run.status === 'SUCCEEDED') {
          expect(run.output).toSatisfy(
            (o: unknown) =>
              JSON.stringify(o) === '{"fine":true}' ||
              JSON.stringify(o) === '{"n":1,"error":{"Error":"Fatal","Cause":"x"}}',
          );
        } else {
          expect(['Other', 'Transient', 'States.Timeout', 'States.HeartbeatTimeout']).toContain(
            run.error,
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('backs off IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds', async () => {
    const run = await runMachine(
      MACHINE,
      {},
      { T: [{ fail: 'Transient' }, { fail: 'Transient' }, { fail: 'Transient' }, { ok: 1 }] },
    );
    const failed = run.history
      .filter((e) => e.type === 'TaskFailed')
      .map((e) => Date.parse(e.timestamp));
    const scheduled = run.history
      .filter((e) => e.type === 'TaskScheduled')
      .map((e) => Date.parse(e.timestamp));
    const delays = failed.map((t, i) => scheduled[i + 1]! - t);
    expect(delays.map((d) => Math.round(d / 100) / 10)).toEqual([2, 3, 3]);
  });
});
