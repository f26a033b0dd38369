/**
 * One invocation of the step function: the folded execution, the clock reading and options it
 * was given, and the events and commands it produces. `emit` appends an event and folds it at
 * once, so every decision after it sees the new position; commands are de-duplicated by id.
 */
import type { StateMachineDefinition } from '../definition/index.js';
import type { Entropy } from '../jsonpath/index.js';
import type { JsonObject, JsonValue } from '../shared/json-value.js';
import type { Command, EngineOptions, ExecutionInfo } from './commands.js';
import { seededEntropy } from './entropy.js';
import {
  applyEvent,
  type ActiveState,
  type ExecutionState,
  type Frame,
} from './execution-state.js';
import type { HistoryEvent, HistoryEventType } from './history-types.js';

type EventDetails = Omit<
  Partial<HistoryEvent>,
  'id' | 'previousEventId' | 'timestamp' | 'type' | 'scope'
>;

export class StepRun {
  readonly events: HistoryEvent[] = [];
  readonly commands: Command[] = [];
  private readonly commandIds = new Set<string>();
  /** Advances a nested frame (a branch or iteration); installed by `step`. */
  advanceFrame: (frame: Frame) => Promise<void> = () => Promise.resolve();

  constructor(
    readonly definition: StateMachineDefinition,
    readonly info: ExecutionInfo,
    readonly state: ExecutionState,
    readonly now: string,
    readonly options: EngineOptions,
  ) {}

  get nowMs(): number {
    return Date.parse(this.now);
  }

  emit(frame: Frame, type: HistoryEventType, details: EventDetails = {}): HistoryEvent {
    const event: HistoryEvent = {
      id: this.state.lastEventId + 1,
      previousEventId: frame.lastEventId,
      timestamp: this.now,
      type,
      scope: frame.key,
      ...details,
    };
    applyEvent(this.state, event);
    this.events.push(event);
    return event;
  }

  command(command: Command): void {
    const id =
      command.kind === 'scheduleTask'
        ? `task:${command.taskId}`
        : command.kind === 'startTimer'
          ? `timer:${command.timerId}`
          : command.kind;
    if (this.commandIds.has(id)) return;
    this.commandIds.add(id);
    this.commands.push(command);
  }

  /** The random source for values drawn while producing the event with the given label. */
  entropy(label: string): Entropy {
    return seededEntropy(this.info.randomSeed, label);
  }

  /** The context object (`$$` / `$states.context`) for a state of a frame. */
  context(
    active: ActiveState,
    extra: { retryCount?: number; token?: string; item?: { index: number; value: JsonValue } } = {},
  ): JsonObject {
    const context: JsonObject = {
      Execution: {
        Id: this.info.executionArn,
        Input: this.state.input,
        Name: this.info.name,
        RoleArn: this.state.roleArn || this.info.roleArn,
        StartTime: this.state.startTime,
        RedriveCount: 0,
      },
      State: {
        EnteredTime: active.enteredTime,
        Name: active.name,
        RetryCount: extra.retryCount ?? active.retryCount,
      },
      StateMachine: { Id: this.info.stateMachineArn, Name: this.info.stateMachineName },
    };
    if (extra.token !== undefined) context.Task = { Token: extra.token };
    if (extra.item !== undefined) {
      context.Map = { Item: { Index: extra.item.index, Value: extra.item.value } };
    }
    return context;
  }
}
