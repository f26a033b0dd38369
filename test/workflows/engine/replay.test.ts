import { describe, expect, it } from 'vitest';
import { foldHistory, step } from '../../../src/core/workflows/engine/index.js';
import { CORPUS } from './corpus.js';
import { EXECUTION, runMachine } from './driver.js';

describe('replaying recorded histories', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runMachine(c.definition, c.input, c.tasks, c.options);
    // Every recorded step, replayed from its history prefix and recorded time, decides the same.
    for (const recorded of run.steps) {
      const replayed = await step({
        definition: run.definition,
        execution: EXECUTION,
        history: run.history.slice(0, recorded.historyLength),
        now: recorded.now,
        options: c.options ?? {},
      });
      expect(replayed).toEqual(recorded.result);
    }
    // The full history folds to the recorded end, and a further step changes nothing.
    const final = foldHistory(run.definition, run.history);
    expect(final.status).toBe(run.status);
    const after = await step({
      definition: run.definition,
      execution: EXECUTION,
      history: run.history,
      now: '2030-01-01T00:00:00.000Z',
      options: c.options ?? {},
    });
    expect(after.events).toEqual([]);
    expect(after.commands).toEqual([]);
  });

  it('a second run of the same machine produces the identical history', async () => {
    const c = CORPUS.find((x) => x.name === 'Retry then succeed')!;
    const a = await runMachine(c.definition, c.input, c.tasks);
    const b = await runMachine(c.definition, c.input, c.tasks);
    expect(b.history).toEqual(a.history);
  });
});
