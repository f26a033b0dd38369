/**
 * Cross-node wake-ups: the notification payload a node sends after its commits and how a
 * listening node reads it back. The payload is a space-separated list of tokens: `n<node>` (the
 * sending node, so it can ignore its own), `q<queueId>` (a queue's waiters may find a message),
 * `o` (outbox), `t` (timers). A payload that would exceed PostgreSQL's limit is replaced by `r`
 * (resync: every waiter looks again).
 */
import type { StorageEvent } from '../../core/ports/storage.js';
import type { Wakeups } from './pg-tx.js';

/** PostgreSQL allows 8000 bytes; stay well below. */
const MAX_PAYLOAD = 7000;

/** The notification channel of a schema (one Switchyard installation). */
export function wakeupChannel(schema: string): string {
  return `switchyard_${schema}`;
}

/** The payload for these wake-ups, or undefined when nothing woke. Digits and letters only. */
export function encodeWakeups(wakeups: Wakeups, node: string): string | undefined {
  const tokens: string[] = [];
  for (const id of wakeups.queueIds) tokens.push(`q${Math.trunc(id)}`);
  if (wakeups.outbox) tokens.push('o');
  if (wakeups.timer) tokens.push('t');
  if (tokens.length === 0) return undefined;
  const payload = tokens.join(' ');
  return `n${node} ${payload.length > MAX_PAYLOAD ? 'r' : payload}`;
}

/** The events of a payload, or none when it came from `ownNode` (already delivered locally). */
export function decodeWakeups(payload: string, ownNode: string): StorageEvent[] {
  const events: StorageEvent[] = [];
  const tokens = payload.split(' ');
  if (tokens[0] === `n${ownNode}`) return events;
  for (const token of tokens) {
    if (token === 'o') events.push({ kind: 'outbox' });
    else if (token === 't') events.push({ kind: 'timer' });
    else if (token === 'r') events.push({ kind: 'resync' });
    else if (/^q\d+$/.test(token)) events.push({ kind: 'queue', queueId: Number(token.slice(1)) });
  }
  return events;
}
