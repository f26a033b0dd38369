/**
 * Cross-node wake-ups: the NOTIFY a committing transaction sends and how a listening node reads
 * it back. One notification per transaction, its payload a space-separated list of tokens:
 * `q<queueId>` (a queue's waiters may find a message), `o` (outbox), `t` (timers). A payload
 * that would exceed PostgreSQL's limit is replaced by `r` (resync: every waiter looks again).
 */
import type { StorageEvent } from '../../core/ports/storage.js';
import type { Wakeups } from './pg-tx.js';

/** PostgreSQL allows 8000 bytes; stay well below. */
const MAX_PAYLOAD = 7000;

/** The notification channel of a schema (one Switchyard installation). */
export function wakeupChannel(schema: string): string {
  return `switchyard_${schema}`;
}

/** `NOTIFY …; ` to prepend to COMMIT, or '' when nothing woke. Tokens are digits and letters only. */
export function encodeWakeups(wakeups: Wakeups, schema: string): string {
  const tokens: string[] = [];
  for (const id of wakeups.queueIds) tokens.push(`q${Math.trunc(id)}`);
  if (wakeups.outbox) tokens.push('o');
  if (wakeups.timer) tokens.push('t');
  if (tokens.length === 0) return '';
  let payload = tokens.join(' ');
  if (payload.length > MAX_PAYLOAD) payload = 'r';
  return `NOTIFY ${wakeupChannel(schema)}, '${payload}'; `;
}

export function decodeWakeups(payload: string): StorageEvent[] {
  const events: StorageEvent[] = [];
  for (const token of payload.split(' ')) {
    if (token === 'o') events.push({ kind: 'outbox' });
    else if (token === 't') events.push({ kind: 'timer' });
    else if (token === 'r') events.push({ kind: 'resync' });
    else if (/^q\d+$/.test(token)) events.push({ kind: 'queue', queueId: Number(token.slice(1)) });
  }
  return events;
}
