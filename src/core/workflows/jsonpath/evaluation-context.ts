/**
 * What a path, payload template or intrinsic call is evaluated against: the state input (`$`),
 * the context object (`$$`), the workflow variables (`$name`), and the sources of randomness
 * (`States.UUID`, unseeded `States.MathRandom`). The interpreter injects `entropy` when it
 * replays a recorded history, so replays are deterministic; otherwise node:crypto is used.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { JsonValue } from '../shared/json-value.js';

export interface Entropy {
  uuid(): string;
  /** An integer in [min, maxExclusive). */
  randomInt(min: number, maxExclusive: number): number;
}

export interface EvaluationContext {
  readonly input: JsonValue;
  readonly context?: JsonValue;
  readonly variables?: Readonly<Record<string, JsonValue>>;
  readonly entropy?: Entropy;
}

export const cryptoEntropy: Entropy = {
  uuid: () => randomUUID(),
  randomInt: (min, maxExclusive) => randomInt(min, maxExclusive),
};
