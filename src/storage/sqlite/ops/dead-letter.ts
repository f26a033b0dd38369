/**
 * Dead-letter moves during a receive: a message already received `maxReceiveCount` times moves
 * to the dead-letter queue in the receive's transaction instead of being returned. The moved
 * message keeps its id, body, sent time and receive count; it is visible at once. A standard
 * dead-letter queue keeps the original enqueue time (retention counts from it), a FIFO one
 * restarts it and assigns a new sequence number (AWS's rules).
 */
import type { RedriveTarget } from '../../../core/ports/storage.js';
import { MAX_MOVES_PER_RECEIVE } from '../../common/queue-rules.js';
import type { OpContext } from '../op-context.js';
import { fifoGroupAppend } from './fifo-groups.js';
import { getQueueRow } from './queues-ops.js';
import type { MessageRow } from './rows.js';
import { insertMessage } from './send-ops.js';

export interface ActiveRedrive {
  target: RedriveTarget;
  moved: number;
}

/** The redrive to apply, or undefined when none is configured or the target queue is gone. */
export function activeRedrive(
  ctx: OpContext,
  target: RedriveTarget | undefined,
): ActiveRedrive | undefined {
  if (!target) return undefined;
  const dlq = getQueueRow(ctx, target.deadLetterQueueId);
  if (!dlq || (dlq.fifo === 1) !== target.deadLetterQueueFifo) return undefined;
  return { target, moved: 0 };
}

/**
 * What to do with a candidate: deliver it, move it, or stop the receive here because the move
 * budget is spent (the rest moves on later receives; delivering it instead would be wrong).
 */
export function deadLetterDecision(
  redrive: ActiveRedrive | undefined,
  receiveCount: number,
): 'deliver' | 'move' | 'stop' {
  if (redrive === undefined || receiveCount < redrive.target.maxReceiveCount) return 'deliver';
  return redrive.moved < MAX_MOVES_PER_RECEIVE ? 'move' : 'stop';
}

/** Moves the message row to the dead-letter queue. Returns false if it could not (left in place). */
export function moveToDeadLetter(ctx: OpContext, rowId: number, redrive: ActiveRedrive): boolean {
  const { target } = redrive;
  const row = ctx.get<MessageRow>('SELECT * FROM messages WHERE id = ?', rowId);
  if (!row) return false;
  if (target.deadLetterQueueFifo && row.group_id === null) return false;
  ctx.run('DELETE FROM messages WHERE id = ?', rowId);
  const { rowId: newRowId } = insertMessage(ctx, {
    queueId: target.deadLetterQueueId,
    messageId: row.message_id,
    payload: row.payload,
    sentAt: row.sent_at,
    enqueuedAt: target.deadLetterQueueFifo ? ctx.now : row.enqueued_at,
    visibleAt: ctx.now,
    receiveCount: row.receive_count,
    firstReceivedAt: row.first_received_at,
    groupId: row.group_id,
    dedupId: row.dedup_id,
    sequenced: target.deadLetterQueueFifo,
    senderId: row.sender_id,
    deadLetterSourceArn: target.sourceArn,
  });
  if (target.deadLetterQueueFifo && row.group_id !== null) {
    fifoGroupAppend(ctx, target.deadLetterQueueId, row.group_id, newRowId, ctx.now);
  }
  redrive.moved++;
  ctx.wakeQueue(target.deadLetterQueueId);
  return true;
}
