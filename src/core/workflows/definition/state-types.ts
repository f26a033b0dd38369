/**
 * The eight ASL state shapes as a discriminated union on `type`, plus the machine and the
 * nested scopes (Parallel branches, Map item processors). JSONPath-only fields (InputPath,
 * Parameters, ResultSelector, ResultPath, OutputPath, `...Path` variants) and JSONata-only
 * fields (Arguments, Output, Items, Condition) are both present as optionals; the parser
 * guarantees only those of the state's `queryLanguage` are set.
 */
import type {
  Catcher,
  ChoiceRule,
  JsonObject,
  JsonValue,
  QueryLanguage,
  Retrier,
  TaskResource,
  Transition,
} from './types.js';

/** A `StartAt` plus `States` container: the machine, a Parallel branch or a Map processor. */
export interface StateScope {
  startAt: string;
  /** Keyed by state name, in definition order. */
  states: Record<string, State>;
  comment?: string;
}

export interface StateMachineDefinition extends StateScope {
  /** Effective machine language (JSONPath when the field is absent). */
  queryLanguage: QueryLanguage;
  version?: string;
  timeoutSeconds?: number;
}

export interface StateHeader {
  name: string;
  queryLanguage: QueryLanguage;
  comment?: string;
}

/** JSONPath: paths are raw strings; `null` means "discard" (absent means `$`). */
interface InputOutput {
  inputPath?: string | null;
  outputPath?: string | null;
  output?: JsonValue;
}
interface ResultHandling {
  parameters?: JsonObject;
  resultSelector?: JsonObject;
  resultPath?: string | null;
  arguments?: JsonValue;
}
interface Assigning {
  assign?: JsonObject;
}
interface ErrorHandling {
  retry: Retrier[];
  catch: Catcher[];
}

export interface TaskState
  extends StateHeader, InputOutput, ResultHandling, Assigning, ErrorHandling {
  type: 'Task';
  resource: TaskResource;
  transition: Transition;
  /** A number, or (JSONata) an expression string. */
  timeoutSeconds?: number | string;
  timeoutSecondsPath?: string;
  heartbeatSeconds?: number | string;
  heartbeatSecondsPath?: string;
  credentials?: JsonValue;
}

export interface PassState extends StateHeader, InputOutput, Assigning {
  type: 'Pass';
  transition: Transition;
  result?: JsonValue;
  parameters?: JsonObject;
  resultPath?: string | null;
}

export interface ChoiceState extends StateHeader, InputOutput, Assigning {
  type: 'Choice';
  choices: ChoiceRule[];
  default?: string;
}

export type WaitDuration =
  | { kind: 'seconds'; seconds: number | string }
  | { kind: 'timestamp'; timestamp: string }
  | { kind: 'secondsPath'; path: string }
  | { kind: 'timestampPath'; path: string };

export interface WaitState extends StateHeader, InputOutput, Assigning {
  type: 'Wait';
  transition: Transition;
  wait: WaitDuration;
}

export interface SucceedState extends StateHeader, InputOutput {
  type: 'Succeed';
}

export interface FailState extends StateHeader {
  type: 'Fail';
  error?: string;
  cause?: string;
  errorPath?: string;
  causePath?: string;
}

export interface ParallelState
  extends StateHeader, InputOutput, ResultHandling, Assigning, ErrorHandling {
  type: 'Parallel';
  transition: Transition;
  branches: StateScope[];
}

export interface ItemProcessor extends StateScope {
  mode: 'INLINE' | 'DISTRIBUTED';
  /** Required for DISTRIBUTED, absent for INLINE. */
  executionType?: 'STANDARD' | 'EXPRESS';
}

/** S3 reader/writer and batching settings of a distributed Map, kept as validated raw JSON. */
export interface ItemReader {
  resource: string;
  readerConfig?: JsonObject;
  parameters?: JsonObject;
  arguments?: JsonValue;
}
export interface ResultWriter {
  resource?: string;
  writerConfig?: JsonObject;
  parameters?: JsonObject;
  arguments?: JsonValue;
}
export interface ItemBatcher {
  maxItemsPerBatch?: number | string;
  maxItemsPerBatchPath?: string;
  maxInputBytesPerBatch?: number | string;
  maxInputBytesPerBatchPath?: string;
  batchInput?: JsonValue;
}

export interface MapState
  extends StateHeader, InputOutput, ResultHandling, Assigning, ErrorHandling {
  type: 'Map';
  transition: Transition;
  itemProcessor: ItemProcessor;
  /** True when the definition used the deprecated `Iterator` field. */
  fromIterator: boolean;
  itemsPath?: string;
  items?: JsonValue;
  itemSelector?: JsonValue;
  maxConcurrency?: number | string;
  maxConcurrencyPath?: string;
  itemReader?: ItemReader;
  resultWriter?: ResultWriter;
  itemBatcher?: ItemBatcher;
  toleratedFailureCount?: number | string;
  toleratedFailureCountPath?: string;
  toleratedFailurePercentage?: number | string;
  toleratedFailurePercentagePath?: string;
  label?: string;
}

export type State =
  | TaskState
  | PassState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;

export type StateType = State['type'];
