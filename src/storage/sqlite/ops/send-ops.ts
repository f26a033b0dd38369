/**
 * messagesSend: inserts a batch of messages. FIFO queues also get deduplication (a repeated
 * deduplication id within 5 minutes returns the original message id and sequence number and
 * enqueues nothing), a 20-digit sequence number per message, and their group rows.
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import type { NewMessage, SendResult } from '../../../core/ports/storage.js';
import type { OpContext } from '../op-context.js';
import { fifoGroupAppend } from './fifo-groups.js';
import type { OpHandler } from './op-handler.js';
import { getQueueRow } from './queues-ops.js';
import { FIFO_WINDOW_MS, asBuffer, sequenceNumberFor } from './rows.js';

export interface InsertMessage {
  queueId: number;
  messageId: string;
  payload: Uint8Array;
  sentAt: number;
  enqueuedAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  groupId: string | null;
  dedupId: string | null;
  /** Assign a FIFO sequence number. */
  sequenced: boolean;
  senderId: string;
  deadLetterSourceArn: string | null;
}

/** Inserts one message row; returns its row id and sequence number (null if not sequenced). */
export function insertMessage(
  ctx: OpContext,
  m: InsertMessage,
): { rowId: number; sequenceNumber: string | null } {
  const row = ctx.get<{ id: number }>(
    `INSERT INTO messages (queue_id, message_id, payload, sent_at, enqueued_at, visible_at, receive_count,
       first_received_at, group_id, dedup_id, sender_id, dlq_source_arn)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    m.queueId,
    m.messageId,
    asBuffer(m.payload),
    m.sentAt,
    m.enqueuedAt,
    m.visibleAt,
    m.receiveCount,
    m.firstReceivedAt,
    m.groupId,
    m.dedupId,
    m.senderId,
    m.deadLetterSourceArn,
  );
  if (!row) throw new Error('message insert returned no row');
  if (!m.sequenced) return { rowId: row.id, sequenceNumber: null };
  const sequenceNumber = sequenceNumberFor(row.id);
  ctx.run('UPDATE messages SET sequence_number = ? WHERE id = ?', sequenceNumber, row.id);
  return { rowId: row.id, sequenceNumber };
}

function dedupScopeKey(
  scope: 'messageGroup' | 'queue' | undefined,
  groupId: string,
  dedupId: string,
): string {
  return scope === 'messageGroup' ? `${groupId}\u0000${dedupId}` : dedupId;
}

function sendFifo(
  ctx: OpContext,
  queueId: number,
  scope: 'messageGroup' | 'queue' | undefined,
  m: NewMessage,
): SendResult {
  if (m.groupId === undefined)
    throw new DomainError(
      'MissingParameter',
      'The request must contain the parameter MessageGroupId.',
    );
  const scopeKey = m.dedupId === undefined ? undefined : dedupScopeKey(scope, m.groupId, m.dedupId);
  if (scopeKey !== undefined) {
    const prior = ctx.get<{ message_id: string; sequence_number: string; expires_at: number }>(
      'SELECT message_id, sequence_number, expires_at FROM fifo_dedup WHERE queue_id = ? AND scope_key = ?',
      queueId,
      scopeKey,
    );
    if (prior && prior.expires_at > ctx.now) {
      return {
        messageId: prior.message_id,
        sequenceNumber: prior.sequence_number,
        duplicate: true,
      };
    }
  }
  const visibleAt = ctx.now + m.delaySeconds * 1000;
  const { rowId, sequenceNumber } = insertMessage(ctx, {
    queueId,
    messageId: m.messageId,
    payload: m.payload,
    sentAt: ctx.now,
    enqueuedAt: ctx.now,
    visibleAt,
    receiveCount: 0,
    firstReceivedAt: null,
    groupId: m.groupId,
    dedupId: m.dedupId ?? null,
    sequenced: true,
    senderId: m.senderId,
    deadLetterSourceArn: m.deadLetterSourceArn ?? null,
  });
  const seq = sequenceNumber ?? sequenceNumberFor(rowId);
  if (scopeKey !== undefined) {
    ctx.run(
      `INSERT INTO fifo_dedup (queue_id, scope_key, message_id, sequence_number, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (queue_id, scope_key) DO UPDATE SET message_id = excluded.message_id,
         sequence_number = excluded.sequence_number, expires_at = excluded.expires_at`,
      queueId,
      scopeKey,
      m.messageId,
      seq,
      ctx.now + FIFO_WINDOW_MS,
    );
  }
  fifoGroupAppend(ctx, queueId, m.groupId, rowId, visibleAt);
  return { messageId: m.messageId, sequenceNumber: seq, duplicate: false };
}

function sendStandard(ctx: OpContext, queueId: number, m: NewMessage): SendResult {
  insertMessage(ctx, {
    queueId,
    messageId: m.messageId,
    payload: m.payload,
    sentAt: ctx.now,
    enqueuedAt: ctx.now,
    visibleAt: ctx.now + m.delaySeconds * 1000,
    receiveCount: 0,
    firstReceivedAt: null,
    groupId: m.groupId ?? null,
    dedupId: m.dedupId ?? null,
    sequenced: false,
    senderId: m.senderId,
    deadLetterSourceArn: m.deadLetterSourceArn ?? null,
  });
  return { messageId: m.messageId, duplicate: false };
}

export const messagesSend: OpHandler<'messagesSend'> = (ctx, p) => {
  if (!getQueueRow(ctx, p.queueId)) throw new DomainError('QueueDoesNotExist');
  const results = p.messages.map((m) =>
    p.fifo ? sendFifo(ctx, p.queueId, p.dedupScope, m) : sendStandard(ctx, p.queueId, m),
  );
  // Delayed messages wake waiters too: they re-read nextDueAt.
  if (results.some((r) => !r.duplicate)) ctx.wakeQueue(p.queueId);
  return results;
};
