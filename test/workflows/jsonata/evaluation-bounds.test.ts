import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../src/core/workflows/jsonata/index.js';
import { failure, run } from './run-template.js';

async function cause(
  expression: string,
  limits?: { timeoutMs: number; maxDepth: number },
): Promise<string> {
  const e = await failure(run(`{% ${expression} %}`, {}, {}, limits));
  expect(e).toBeInstanceOf(StatesError);
  return (e as StatesError).cause;
}

describe('evaluation bounds', () => {
  it('an endless tail recursion stops on the time bound', async () => {
    const started = Date.now();
    expect(
      await cause('($f := function($x) { $f($x + 1) }; $f(1))', {
        timeoutMs: 200,
        maxDepth: 100_000,
      }),
    ).toMatch(
      /threw an error during evaluation: Expression evaluation timeout: Check for infinite loop$/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a deep non-tail recursion stops on the depth bound', async () => {
    expect(
      await cause('($f := function($x) { $x <= 0 ? 0 : 1 + $f($x - 1) }; $f(100000))', {
        timeoutMs: 10_000,
        maxDepth: 2_000,
      }),
    ).toMatch(
      /Stack overflow error: Check for non-terminating recursive function\. {2}Consider rewriting as tail-recursive$/,
    );
  });

  it('legitimate recursion and large sequences pass with the default bounds', async () => {
    expect(await run('{% ($f := function($x) { $x <= 0 ? 0 : 1 + $f($x - 1) }; $f(31)) %}')).toBe(
      31,
    );
    expect(await run('{% [1..800000] ~> $count() %}')).toBe(800000);
    expect(await run("{% $length($join([1..1000].$string(), ',')) %}")).toBe(3892);
  });

  it('a string past AWS memory bound fails', async () => {
    const doubling =
      "($f := function($s, $n) { $n = 0 ? $s : $f($s & $s, $n - 1) }; $length($f('abcd', N)))";
    expect(await run(`{% ${doubling.replace('N', '20')} %}`)).toBe(4 * 2 ** 20);
    expect(await cause(doubling.replace('N', '21'))).toMatch(
      /Expression evaluation memory limit exceeded/,
    );
  });

  it('an array past AWS memory bound fails', async () => {
    expect(await cause('[1..900000] ~> $count()')).toMatch(
      /Expression evaluation memory limit exceeded/,
    );
  });

  it('a slow evaluation lets the event loop run', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await failure(
      run(
        '{% ($f := function($x) { $f($x + 1) }; $f(1)) %}',
        {},
        {},
        { timeoutMs: 150, maxDepth: 100_000 },
      ),
    );
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });

  it('concurrent evaluations of one compiled expression keep their own budgets', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run('{% $sum($map([1..2000], function($v) { $v + $n })) %}', { variables: { n: i } }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => 2001000 + 2000 * i));
  });
});
