/**
 * Dead-letter moves during a receive, on PostgreSQL: a message already received
 * `maxReceiveCount` times moves to the dead-letter queue in the receive's transaction instead
 * of being returned. Same rules as the SQLite engine (see its dead-letter.ts): id, body, sent
 * time and receive count are kept; a standard DLQ keeps the enqueue time, a FIFO one restarts
 * it and assigns a new sequence number.
 */
import type { RedriveTarget } from '../../../core/ports/storage.js';
import { MAX_MOVES_PER_RECEIVE, sequenceNumberFor } from '../../common/queue-rules.js';
import type { MessageRow } from '../../common/row-mapping.js';
import type { PgTx } from '../pg-tx.js';
import { fifoGroupAppend, lockGroupAndTakeId } from './fifo-groups.js';
import { MESSAGE_COLUMNS } from './pg-rows.js';
import { insertMessage } from './send.js';

export interface ActiveRedrive {
  target: RedriveTarget;
  moved: number;
}

/** The redrive to apply, or undefined when none is configured or the target queue is gone. */
export async function activeRedrive(
  tx: PgTx,
  target: RedriveTarget | undefined,
): Promise<ActiveRedrive | undefined> {
  if (!target) return undefined;
  const dlq = await tx.row<{ fifo: boolean }>(
    'SELECT fifo FROM queues WHERE id = $1',
    target.deadLetterQueueId,
  );
  if (!dlq || dlq.fifo !== target.deadLetterQueueFifo) return undefined;
  return { target, moved: 0 };
}

/** Deliver, move, or stop the receive here because the move budget is spent. */
export function deadLetterDecision(
  redrive: ActiveRedrive | undefined,
  receiveCount: number,
): 'deliver' | 'move' | 'stop' {
  if (redrive === undefined || receiveCount < redrive.target.maxReceiveCount) return 'deliver';
  return redrive.moved < MAX_MOVES_PER_RECEIVE ? 'move' : 'stop';
}

/** Moves the message row to the dead-letter queue. Returns false if it could not (left in place). */
export async function moveToDeadLetter(
  tx: PgTx,
  rowId: number,
  redrive: ActiveRedrive,
): Promise<boolean> {
  const { target } = redrive;
  const row = await tx.row<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = $1`,
    rowId,
  );
  if (!row) return false;
  if (target.deadLetterQueueFifo && row.group_id === null) return false;
  await tx.run('DELETE FROM messages WHERE id = $1', rowId);
  const fifoGroup = target.deadLetterQueueFifo ? row.group_id : null;
  const id =
    fifoGroup === null
      ? undefined
      : await lockGroupAndTakeId(tx, target.deadLetterQueueId, fifoGroup);
  await insertMessage(tx, {
    ...(id === undefined ? {} : { id }),
    queueId: target.deadLetterQueueId,
    messageId: row.message_id,
    payload: row.payload,
    sentAt: row.sent_at,
    enqueuedAt: fifoGroup === null ? row.enqueued_at : tx.now,
    visibleAt: tx.now,
    receiveCount: row.receive_count,
    firstReceivedAt: row.first_received_at,
    groupId: row.group_id,
    dedupId: row.dedup_id,
    sequenceNumber: id === undefined ? null : sequenceNumberFor(id),
    senderId: row.sender_id,
    deadLetterSourceArn: target.sourceArn,
  });
  if (fifoGroup !== null && id !== undefined)
    await fifoGroupAppend(tx, target.deadLetterQueueId, fifoGroup, id, tx.now);
  redrive.moved++;
  tx.wakeQueue(target.deadLetterQueueId);
  return true;
}
