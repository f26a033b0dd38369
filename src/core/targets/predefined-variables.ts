/**
 * The variables EventBridge provides to every input template without an `InputPathsMap`
 * entry (reserved: a map key can never name them, as the key pattern forbids dots):
 *
 * - `aws.events.rule-arn`, `aws.events.rule-name` — the matched rule (strings);
 * - `aws.events.event.ingestion-time` — when EventBridge received the event, ISO 8601;
 * - `aws.events.event` — the original event without its `detail` field (an object);
 * - `aws.events.event.json` — the full original event, `detail` included (an object).
 */
import { isRecord } from './event-path.js';

export interface RenderContext {
  readonly ruleArn: string;
  readonly ruleName: string;
  /** A Date, epoch milliseconds, or text already in ISO 8601 form. */
  readonly ingestionTime: Date | number | string;
}

export const PREDEFINED_VARIABLES = [
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
] as const;

export type PredefinedVariable = (typeof PREDEFINED_VARIABLES)[number];

const PREDEFINED = new Set<string>(PREDEFINED_VARIABLES);

export function isPredefinedVariable(name: string): name is PredefinedVariable {
  return PREDEFINED.has(name);
}

export function predefinedValue(
  name: PredefinedVariable,
  event: unknown,
  ctx: RenderContext,
): unknown {
  switch (name) {
    case 'aws.events.rule-arn':
      return ctx.ruleArn;
    case 'aws.events.rule-name':
      return ctx.ruleName;
    case 'aws.events.event.ingestion-time':
      return formatIngestionTime(ctx.ingestionTime);
    case 'aws.events.event':
      return withoutDetail(event);
    case 'aws.events.event.json':
      return event;
  }
}

function formatIngestionTime(t: Date | number | string): string {
  if (typeof t === 'string') return t;
  const date = typeof t === 'number' ? new Date(t) : t;
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function withoutDetail(event: unknown): unknown {
  if (!isRecord(event)) return event;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) if (k !== 'detail') copy[k] = v;
  return copy;
}
