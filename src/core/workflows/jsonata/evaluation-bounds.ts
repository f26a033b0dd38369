/**
 * Bounds on one evaluation, so a hostile expression cannot hang or exhaust the server.
 *
 * jsonata 2.x calls two hooks around every AST node it evaluates, looked up in the evaluation
 * environment (`jsonata.__evaluate_entry` / `__evaluate_exit`, the mechanism its own test suite
 * uses to timebox expressions). Each compiled expression gets these hooks once; the hooks find
 * the per-evaluation `Budget` through a binding whose name no JSONata expression can spell, so
 * concurrent evaluations of one compiled expression never share counters. The hooks enforce:
 *
 * - time: wall-clock milliseconds since the budget started (default 1,000 ms, stricter than
 *   AWS's reported ~5 s, since a busy evaluation holds the event loop);
 * - depth: node evaluations started and not yet finished (default 100,000). That is nesting
 *   plus the siblings jsonata starts together in array and object constructors: its
 *   `isParallelCall` flag is shared mutable state and cannot tell them apart reliably. A
 *   non-tail recursion costs a handful per level, so it stops after some ten thousand levels
 *   (AWS stops at about 100 levels of its own nesting), long before memory is at risk; native
 *   stack overflow cannot happen as every node awaits.
 * - memory, approximately as AWS measures it: a string longer than 6,990,256 characters or an
 *   array longer than 873,782 items, checked on every intermediate result;
 * - fairness: every 10 ms of evaluation the entry hook yields a macrotask (`setImmediate`), so
 *   other requests are served while a slow expression runs.
 *
 * Not bounded here: a single synchronous built-in step, most notably a regular expression
 * with catastrophic backtracking, which V8 cannot interrupt.
 */
import {
  DEPTH_MESSAGE,
  LimitExceededError,
  MEMORY_LIMIT_MESSAGE,
  TIMEOUT_MESSAGE,
} from './function-errors.js';

export interface EvaluationLimits {
  timeoutMs: number;
  /** Most node evaluations in progress at once. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: EvaluationLimits = { timeoutMs: 1_000, maxDepth: 100_000 };

/** AWS's memory bound, as measured: 6,990,256 bytes, a character 1 byte, an item 8. */
export const MAX_STRING_LENGTH = 6_990_256;
export const MAX_ARRAY_LENGTH = 873_782;
const YIELD_EVERY_MS = 10;

/** The binding that carries the budget: a space keeps it out of reach of `$name` syntax. */
export const BUDGET_BINDING = ' switchyard budget';

export class Budget {
  private readonly deadline: number;
  private depth = 0;
  private lastYield: number;

  constructor(readonly limits: EvaluationLimits = DEFAULT_LIMITS) {
    const now = Date.now();
    this.deadline = now + limits.timeoutMs;
    this.lastYield = now;
  }

  enter(): Promise<void> | undefined {
    if (++this.depth > this.limits.maxDepth) throw new LimitExceededError(DEPTH_MESSAGE);
    const now = Date.now();
    if (now > this.deadline) throw new LimitExceededError(TIMEOUT_MESSAGE);
    if (now - this.lastYield < YIELD_EVERY_MS) return undefined;
    this.lastYield = now;
    return new Promise((resolve) => setImmediate(resolve));
  }

  exit(result: unknown): void {
    this.depth--;
    if (Date.now() > this.deadline) throw new LimitExceededError(TIMEOUT_MESSAGE);
    if (
      typeof result === 'string'
        ? result.length > MAX_STRING_LENGTH
        : Array.isArray(result) && result.length > MAX_ARRAY_LENGTH
    ) {
      throw new LimitExceededError(MEMORY_LIMIT_MESSAGE);
    }
  }
}

interface HookEnvironment {
  lookup(name: string): unknown;
}

function budgetOf(environment: HookEnvironment): Budget | undefined {
  const budget = environment.lookup(BUDGET_BINDING);
  return budget instanceof Budget ? budget : undefined;
}

/** The two hooks, to be assigned to every compiled expression. */
export const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');
export const EXIT_HOOK = Symbol.for('jsonata.__evaluate_exit');

export function entryHook(
  _expr: unknown,
  _input: unknown,
  environment: HookEnvironment,
): Promise<void> | undefined {
  return budgetOf(environment)?.enter();
}

export function exitHook(
  _expr: unknown,
  _input: unknown,
  environment: HookEnvironment,
  result: unknown,
): void {
  budgetOf(environment)?.exit(result);
}
