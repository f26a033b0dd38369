/**
 * A tiny in-memory driver for the step function: appends ExecutionStarted, calls `step`,
 * runs its commands — tasks answered from a script (per state name, one outcome per attempt,
 * the last one repeating; default: echo the input), timers fired at once by moving the clock
 * to their due time — and records every step call so tests can replay them.
 */
import { parseDefinition } from '../../../src/core/workflows/definition/index.js';
import type { StateMachineDefinition } from '../../../src/core/workflows/definition/index.js';
import {
  executionStartedEvent,
  step,
  taskReportEvent,
  type EngineOptions,
  type ExecutionInfo,
  type HistoryEvent,
  type ScheduleTaskCommand,
  type StepResult,
} from '../../../src/core/workflows/engine/index.js';
import type { JsonValue } from '../../../src/core/workflows/shared/json-value.js';

export type Outcome =
  | { ok: JsonValue }
  | { fail: string; cause?: string }
  | { timeout: 'States.Timeout' | 'States.HeartbeatTimeout' }
  | { echo: true };

export type Script = Record<string, Outcome[] | ((input: JsonValue, attempt: number) => Outcome)>;

export const EXECUTION: ExecutionInfo = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Machine:run-1',
  name: 'run-1',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine',
  stateMachineName: 'Machine',
  roleArn: 'arn:aws:iam::123456789012:role/StatesRole',
  region: 'us-east-1',
  randomSeed: 'seed-1',
};

export const START_TIME = '2024-01-01T00:00:00.000Z';

export interface RecordedStep {
  historyLength: number;
  now: string;
  result: StepResult;
}

export interface RunResult {
  status: string;
  output?: JsonValue;
  error?: string;
  cause?: string;
  history: HistoryEvent[];
  steps: RecordedStep[];
  tasks: ScheduleTaskCommand[];
  definition: StateMachineDefinition;
}

export function parse(definition: unknown): StateMachineDefinition {
  const parsed = parseDefinition(JSON.stringify(definition));
  if (!parsed.definition) {
    throw new Error(`Invalid definition: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  }
  return parsed.definition;
}

function outcomeFor(script: Script, task: ScheduleTaskCommand, attempt: number): Outcome {
  const entry = script[task.stateName];
  if (entry === undefined) return { echo: true };
  if (typeof entry === 'function') return entry(task.input, attempt);
  return entry[Math.min(attempt, entry.length - 1)] ?? { echo: true };
}

export async function runMachine(
  definition: unknown,
  input: JsonValue,
  script: Script = {},
  options: Partial<EngineOptions> = {},
): Promise<RunResult> {
  const def = parse(definition);
  let clock = Date.parse(START_TIME);
  const now = () => new Date(clock).toISOString();
  const history: HistoryEvent[] = [executionStartedEvent(input, now(), EXECUTION.roleArn)];
  const steps: RecordedStep[] = [];
  const pending: ScheduleTaskCommand[] = [];
  const tasks: ScheduleTaskCommand[] = [];
  const timers: string[] = [];
  const attempts = new Map<string, number>();
  const run: RunResult = { status: 'RUNNING', history, steps, tasks, definition: def };
  for (let guard = 0; guard < 20_000; guard++) {
    clock += 1;
    const at = now();
    const result = await step({ definition: def, execution: EXECUTION, history, now: at, options });
    steps.push({ historyLength: history.length, now: at, result });
    history.push(...result.events);
    for (const command of result.commands) {
      if (command.kind === 'scheduleTask') {
        pending.push(command);
        tasks.push(command);
      } else if (command.kind === 'startTimer') timers.push(command.dueAt);
      else if (command.kind === 'executionSucceeded')
        Object.assign(run, { status: 'SUCCEEDED', output: command.output });
      else if (command.kind === 'executionFailed') {
        Object.assign(run, { status: 'FAILED' });
        if (command.error !== undefined) run.error = command.error;
        if (command.cause !== undefined) run.cause = command.cause;
      } else run.status = 'TIMED_OUT';
    }
    if (run.status !== 'RUNNING') return run;
    const task = pending.shift();
    if (task) {
      const attempt = attempts.get(task.stateName) ?? 0;
      attempts.set(task.stateName, attempt + 1);
      const outcome = outcomeFor(script, task, attempt);
      const started = taskReportEvent(
        def,
        history,
        task.taskId,
        { kind: 'started' },
        now(),
        options,
      );
      if (started) history.push(started);
      clock += 1;
      const report =
        'ok' in outcome
          ? { kind: 'succeeded' as const, output: outcome.ok }
          : 'echo' in outcome
            ? { kind: 'succeeded' as const, output: task.input }
            : 'fail' in outcome
              ? {
                  kind: 'failed' as const,
                  error: outcome.fail,
                  ...(outcome.cause === undefined ? {} : { cause: outcome.cause }),
                }
              : { kind: 'timedOut' as const, error: outcome.timeout };
      const event = taskReportEvent(def, history, task.taskId, report, now(), options);
      if (event) history.push(event);
      continue;
    }
    timers.sort();
    const due = timers.shift();
    if (due === undefined) throw new Error('The execution is stuck: no task, no timer');
    clock = Math.max(clock, Date.parse(due));
  }
  throw new Error('The execution did not finish');
}

export const eventTypes = (history: readonly HistoryEvent[]): string[] =>
  history.map((e) => e.type);
