import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus.js';
import { eventTypes, runMachine } from './driver.js';

describe('conformance corpus', () => {
  it('is large enough and pins ≥ 20 history sequences', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(CORPUS.filter((c) => c.events).length).toBeGreaterThanOrEqual(20);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runMachine(c.definition, c.input, c.tasks, c.options);
    const expected = c.expect;
    expect(run.status).toBe(expected.status);
    if (expected.status === 'SUCCEEDED') expect(run.output).toEqual(expected.output);
    if (expected.status === 'FAILED') {
      expect(run.error).toEqual(expected.error);
      if (expected.cause instanceof RegExp) expect(run.cause).toMatch(expected.cause);
      else if (expected.cause !== undefined) expect(run.cause).toBe(expected.cause);
    }
    if (c.events) expect(eventTypes(run.history)).toEqual(c.events);
    const ids = run.history.map((e) => e.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });
});
