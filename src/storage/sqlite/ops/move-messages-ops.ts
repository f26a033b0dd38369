/**
 * messagesMove: the step of a message move task (dead-letter redrive). Moves up to `limit`
 * available messages of the source queue, oldest first, to a fixed destination or each back
 * to the queue its dead-letter source ARN names. A moved message keeps its id, body, sent time,
 * group and deduplication id; its receive count and retention restart, and it is visible at
 * once. In a FIFO source, messages of a group that is locked (in flight) stay put.
 */
import { NON_EXISTENT_QUEUE, queueKeyOfArn } from '../../common/queue-rules.js';
import type { OpContext } from '../op-context.js';
import { fifoGroupAppend, fifoGroupRefresh } from './fifo-groups.js';
import type { OpHandler } from './op-handler.js';
import { getQueueRow } from './queues-ops.js';
import { retentionMs, type MessageRow, type QueueRow } from './rows.js';
import { insertMessage } from './send-ops.js';

function queueByArn(ctx: OpContext, arn: string | null): QueueRow | undefined {
  const key = queueKeyOfArn(arn);
  if (!key) return undefined;
  return ctx.get<QueueRow>(
    'SELECT * FROM queues WHERE region = ? AND account = ? AND name = ?',
    key.region,
    key.account,
    key.name,
  );
}

export const messagesMove: OpHandler<'messagesMove'> = (ctx, p) => {
  const source = getQueueRow(ctx, p.sourceQueueId);
  if (!source) return { moved: 0, unmovable: { reason: NON_EXISTENT_QUEUE } };
  const fixed =
    p.destinationQueueId === undefined ? undefined : getQueueRow(ctx, p.destinationQueueId);
  if (p.destinationQueueId !== undefined && !fixed)
    return { moved: 0, unmovable: { reason: NON_EXISTENT_QUEUE } };
  const candidates = ctx.all<MessageRow>(
    `SELECT m.* FROM messages m INDEXED BY messages_by_enqueue
     WHERE m.queue_id = ? AND m.enqueued_at >= ? AND m.visible_at <= ?
       AND NOT EXISTS (SELECT 1 FROM fifo_groups g
                       WHERE g.queue_id = m.queue_id AND g.group_id = m.group_id AND g.available_at > ?)
     ORDER BY m.enqueued_at, m.id LIMIT ?`,
    p.sourceQueueId,
    ctx.now - retentionMs(source.attributes),
    ctx.now,
    ctx.now,
    p.limit,
  );
  const byArn = new Map<string | null, QueueRow | undefined>();
  const sourceGroups = new Set<string>();
  let moved = 0;
  let unmovable: { reason: string } | undefined;
  for (const row of candidates) {
    let destination = fixed;
    if (!destination) {
      if (!byArn.has(row.dlq_source_arn))
        byArn.set(row.dlq_source_arn, queueByArn(ctx, row.dlq_source_arn));
      destination = byArn.get(row.dlq_source_arn);
    }
    if (
      !destination ||
      destination.id === source.id ||
      (destination.fifo === 1 && row.group_id === null)
    ) {
      unmovable = { reason: NON_EXISTENT_QUEUE };
      break;
    }
    ctx.run('DELETE FROM messages WHERE id = ?', row.id);
    if (row.group_id !== null) sourceGroups.add(row.group_id);
    const fifo = destination.fifo === 1;
    const { rowId } = insertMessage(ctx, {
      queueId: destination.id,
      messageId: row.message_id,
      payload: row.payload,
      sentAt: row.sent_at,
      enqueuedAt: ctx.now,
      visibleAt: ctx.now,
      receiveCount: 0,
      firstReceivedAt: null,
      groupId: row.group_id,
      dedupId: row.dedup_id,
      sequenced: fifo,
      senderId: row.sender_id,
      deadLetterSourceArn: null,
    });
    if (fifo && row.group_id !== null)
      fifoGroupAppend(ctx, destination.id, row.group_id, rowId, ctx.now);
    ctx.wakeQueue(destination.id);
    moved++;
  }
  for (const groupId of sourceGroups) fifoGroupRefresh(ctx, source.id, groupId);
  return unmovable ? { moved, unmovable } : { moved };
};
