/**
 * messagesMove on PostgreSQL: the step of a message move task (dead-letter redrive), with the
 * SQLite engine's rules (see its move-messages-ops.ts): up to `limit` available messages of the
 * source, oldest first, to a fixed destination or each back to the queue its dead-letter source
 * ARN names; id, body, sent time, group and deduplication id kept; receive count and retention
 * restart. Candidates are locked with SKIP LOCKED so a concurrent receive keeps its messages.
 */
import {
  NON_EXISTENT_QUEUE,
  queueKeyOfArn,
  retentionMsOf,
  sequenceNumberFor,
  stringEntries,
} from '../../common/queue-rules.js';
import type { MessageRow } from '../../common/row-mapping.js';
import type { PgOp, PgTx } from '../pg-tx.js';
import { fifoGroupAppend, fifoGroupRefresh, lockGroupAndTakeId } from './fifo-groups.js';
import { MESSAGE_COLUMNS, type PgQueueRow } from './pg-rows.js';
import { getQueueRow } from './queues.js';
import { insertMessage } from './send.js';

async function queueByArn(tx: PgTx, arn: string | null): Promise<PgQueueRow | undefined> {
  const key = queueKeyOfArn(arn);
  if (!key) return undefined;
  return tx.row<PgQueueRow>(
    'SELECT * FROM queues WHERE region = $1 AND account = $2 AND name = $3',
    key.region,
    key.account,
    key.name,
  );
}

export const messagesMove: PgOp<'messagesMove'> = async (tx, p) => {
  const source = await getQueueRow(tx, p.sourceQueueId);
  if (!source) return { moved: 0, unmovable: { reason: NON_EXISTENT_QUEUE } };
  const fixed =
    p.destinationQueueId === undefined ? undefined : await getQueueRow(tx, p.destinationQueueId);
  if (p.destinationQueueId !== undefined && !fixed)
    return { moved: 0, unmovable: { reason: NON_EXISTENT_QUEUE } };
  const candidates = await tx.rows<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS.replace(/(\w+)/g, 'm.$1')} FROM messages m
     WHERE m.queue_id = $1 AND m.enqueued_at >= $2 AND m.visible_at <= $3
       AND NOT EXISTS (SELECT 1 FROM fifo_groups g
                       WHERE g.queue_id = m.queue_id AND g.group_id = m.group_id AND g.available_at > $3)
     ORDER BY m.enqueued_at, m.id LIMIT $4
     FOR UPDATE OF m SKIP LOCKED`,
    p.sourceQueueId,
    tx.now - retentionMsOf(stringEntries(source.attributes)),
    tx.now,
    p.limit,
  );
  const byArn = new Map<string | null, PgQueueRow | undefined>();
  const sourceGroups = new Set<string>();
  let moved = 0;
  let unmovable: { reason: string } | undefined;
  for (const row of candidates) {
    let destination = fixed;
    if (!destination) {
      if (!byArn.has(row.dlq_source_arn))
        byArn.set(row.dlq_source_arn, await queueByArn(tx, row.dlq_source_arn));
      destination = byArn.get(row.dlq_source_arn);
    }
    if (
      !destination ||
      destination.id === source.id ||
      (destination.fifo && row.group_id === null)
    ) {
      unmovable = { reason: NON_EXISTENT_QUEUE };
      break;
    }
    await tx.run('DELETE FROM messages WHERE id = $1', row.id);
    if (row.group_id !== null) sourceGroups.add(row.group_id);
    const fifoGroup = destination.fifo ? row.group_id : null;
    const id =
      fifoGroup === null ? undefined : await lockGroupAndTakeId(tx, destination.id, fifoGroup);
    await insertMessage(tx, {
      ...(id === undefined ? {} : { id }),
      queueId: destination.id,
      messageId: row.message_id,
      payload: row.payload,
      sentAt: row.sent_at,
      enqueuedAt: tx.now,
      visibleAt: tx.now,
      receiveCount: 0,
      firstReceivedAt: null,
      groupId: row.group_id,
      dedupId: row.dedup_id,
      sequenceNumber: id === undefined ? null : sequenceNumberFor(id),
      senderId: row.sender_id,
      deadLetterSourceArn: null,
    });
    if (fifoGroup !== null && id !== undefined)
      await fifoGroupAppend(tx, destination.id, fifoGroup, id, tx.now);
    tx.wakeQueue(destination.id);
    moved++;
  }
  for (const groupId of sourceGroups) await fifoGroupRefresh(tx, source.id, groupId);
  return unmovable ? { moved, unmovable } : { moved };
};
