/**
 * Resource references and small readers over inventory records, shared by the checks so every
 * finding about one resource names it the same way (the table groups by it).
 */
import type { ResourceRef } from '../../model.js';
import type {
  AlarmInfo,
  BusInfo,
  QueueInfo,
  RuleInfo,
  StateMachineInfo,
  SubscriptionInfo,
  TopicInfo,
} from '../../inventory/inventory.js';

export const queueRef = (q: QueueInfo): ResourceRef => ({
  service: 'sqs',
  type: 'queue',
  name: q.name,
  id: q.arn,
});
export const topicRef = (t: TopicInfo): ResourceRef => ({
  service: 'sns',
  type: 'topic',
  name: t.name,
  id: t.arn,
});
export const subscriptionRef = (s: SubscriptionInfo): ResourceRef => ({
  service: 'sns',
  type: 'subscription',
  name: `${s.topicArn.split(':').pop() ?? s.topicArn} → ${s.endpoint}`,
  id: s.pending ? `${s.topicArn} (pending: ${s.endpoint})` : s.arn,
});
export const busRef = (b: BusInfo): ResourceRef => ({
  service: 'events',
  type: 'event bus',
  name: b.name,
  id: b.arn,
});
export const ruleRef = (r: RuleInfo): ResourceRef => ({
  service: 'events',
  type: 'rule',
  name: r.busName === 'default' ? r.name : `${r.busName}/${r.name}`,
  id: r.arn,
});
export const stateMachineRef = (s: StateMachineInfo): ResourceRef => ({
  service: 'states',
  type: 'state machine',
  name: s.name,
  id: s.arn,
});
export const alarmRef = (a: AlarmInfo): ResourceRef => ({
  service: 'cloudwatch',
  type: 'alarm',
  name: a.name,
  id: a.arn,
});

export const isDeadLetterQueue = (q: QueueInfo): boolean => q.sourceArns.length > 0;

export function numberAttr(attrs: Record<string, string> | undefined, name: string): number {
  const v = Number(attrs?.[name]);
  return Number.isFinite(v) ? v : 0;
}

/** Seconds as the largest whole unit that fits: "4 days", "30 seconds". */
export function humanDuration(seconds: number): string {
  const units: Array<[string, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      const n = Math.round((seconds / size) * 10) / 10;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${Math.round(seconds)} second${Math.round(seconds) === 1 ? '' : 's'}`;
}

export function ruleDimensions(r: RuleInfo): Record<string, string> {
  return r.busName === 'default'
    ? { RuleName: r.name }
    : { EventBusName: r.busName, RuleName: r.name };
}
