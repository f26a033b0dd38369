/** The shape of a conformance case: definition, input, scripted tasks, expected outcome. */
import type { JsonValue } from '../../../src/core/workflows/shared/json-value.js';
import type { Script } from './driver.js';

export interface Case {
  name: string;
  definition: Record<string, unknown>;
  input: JsonValue;
  tasks?: Script;
  options?: { payloadLimitBytes?: number; maxHistoryEvents?: number };
  expect:
    | { status: 'SUCCEEDED'; output: JsonValue }
    | { status: 'FAILED'; error?: string; cause?: string | RegExp }
    | { status: 'TIMED_OUT' };
  /** The exact history event type sequence. */
  events?: string[];
}

export const LAMBDA = 'arn:aws:states:::lambda:invoke';
export const CALLBACK = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';

/** A one-state machine. */
export function single(state: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { StartAt: 'S', States: { S: { End: true, ...state } }, ...extra };
}

/** A Task state named T followed by nothing. */
export function taskMachine(task: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: LAMBDA, End: true, ...task }, ...more },
  };
}
