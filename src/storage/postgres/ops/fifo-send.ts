/**
 * messagesSend for FIFO queues on PostgreSQL, set-based: a batch costs the same handful of
 * statements whatever its size.
 *
 *   1. take the send lock of every group in the batch and then one row id per message, in one
 *      statement (fifo-groups.ts: lockGroupsAndTakeIds);
 *   2. claim the deduplication entries (inserted before the messages, so a concurrent sender of
 *      the same id on another node waits for this transaction and then sees a duplicate); an id
 *      repeated inside the batch is a duplicate of its first occurrence;
 *   3. read the surviving entries of the ids that were already claimed (duplicates);
 *   4. insert every new message in one INSERT over arrays;
 *   5. create or lock each group's row (see fifo-groups.ts).
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import type { NewMessage, SendResult } from '../../../core/ports/storage.js';
import { FIFO_WINDOW_MS, sequenceNumberFor } from '../../common/queue-rules.js';
import type { PgTx } from '../pg-tx.js';
import { lockGroupsAndTakeIds } from './fifo-groups.js';

/** Message group ids cannot contain U+0001, so the key is unambiguous. */
function dedupScopeKey(scope: 'messageGroup' | 'queue' | undefined, group: string, id: string) {
  return scope === 'messageGroup' ? `${group}\u0001${id}` : id;
}

interface Planned {
  m: NewMessage & { groupId: string };
  id: number;
  sequenceNumber: string;
  scopeKey: string | undefined;
}

export async function sendFifoBatch(
  tx: PgTx,
  queueId: number,
  scope: 'messageGroup' | 'queue' | undefined,
  messages: NewMessage[],
): Promise<SendResult[]> {
  const grouped = messages.map((m) => {
    if (m.groupId === undefined)
      throw new DomainError(
        'MissingParameter',
        'The request must contain the parameter MessageGroupId.',
      );
    return { ...m, groupId: m.groupId };
  });
  const ids = await lockGroupsAndTakeIds(
    tx,
    queueId,
    grouped.map((m) => m.groupId),
    grouped.length,
  );
  const planned: Planned[] = grouped.map((m, i) => {
    const id = ids[i];
    if (id === undefined) throw new Error('could not allocate message ids');
    const scopeKey =
      m.dedupId === undefined ? undefined : dedupScopeKey(scope, m.groupId, m.dedupId);
    return { m, id, sequenceNumber: sequenceNumberFor(id), scopeKey };
  });

  // 2–3. Deduplication: the first occurrence of a key in the batch claims it.
  const firstOfKey = new Map<string, Planned>();
  for (const p of planned)
    if (p.scopeKey !== undefined && !firstOfKey.has(p.scopeKey)) firstOfKey.set(p.scopeKey, p);
  const prior = new Map<string, { messageId: string; sequenceNumber: string }>();
  if (firstOfKey.size > 0) {
    const claimants = [...firstOfKey.values()];
    const claimed = await tx.rows<{ scope_key: string }>(
      `INSERT INTO fifo_dedup (queue_id, scope_key, message_id, sequence_number, expires_at)
       SELECT $1, c.scope_key, c.message_id, c.sequence_number, $2
       FROM unnest($3::text[], $4::text[], $5::text[]) AS c (scope_key, message_id, sequence_number)
       ON CONFLICT (queue_id, scope_key) DO UPDATE SET message_id = excluded.message_id,
         sequence_number = excluded.sequence_number, expires_at = excluded.expires_at
       WHERE fifo_dedup.expires_at <= $6
       RETURNING scope_key`,
      queueId,
      tx.now + FIFO_WINDOW_MS,
      claimants.map((p) => p.scopeKey),
      claimants.map((p) => p.m.messageId),
      claimants.map((p) => p.sequenceNumber),
      tx.now,
    );
    const won = new Set(claimed.map((r) => r.scope_key));
    const lost = claimants.filter((p) => p.scopeKey !== undefined && !won.has(p.scopeKey));
    if (lost.length > 0) {
      const rows = await tx.rows<{
        scope_key: string;
        message_id: string;
        sequence_number: string;
      }>(
        `SELECT scope_key, message_id, sequence_number FROM fifo_dedup
         WHERE queue_id = $1 AND scope_key = ANY($2)`,
        queueId,
        lost.map((p) => p.scopeKey),
      );
      for (const r of rows)
        prior.set(r.scope_key, { messageId: r.message_id, sequenceNumber: r.sequence_number });
    }
  }

  const results: SendResult[] = [];
  const fresh: Planned[] = [];
  for (const p of planned) {
    const key = p.scopeKey;
    const earlier = key === undefined ? undefined : prior.get(key);
    if (earlier) {
      results.push({ ...earlier, duplicate: true });
      continue;
    }
    const first = key === undefined ? p : firstOfKey.get(key);
    if (first && first !== p) {
      results.push({
        messageId: first.m.messageId,
        sequenceNumber: first.sequenceNumber,
        duplicate: true,
      });
      continue;
    }
    fresh.push(p);
    results.push({ messageId: p.m.messageId, sequenceNumber: p.sequenceNumber, duplicate: false });
  }
  if (fresh.length === 0) return results;

  // 4. The new messages, in one statement.
  await tx.run(
    `INSERT INTO messages (id, queue_id, message_id, payload, sent_at, enqueued_at, visible_at, sender_id,
       group_id, dedup_id, sequence_number, dlq_source_arn)
     SELECT m.id, $1, m.message_id, m.payload, $2, $2, $2 + m.delay_ms, m.sender_id, m.group_id,
       m.dedup_id, m.sequence_number, m.dlq
     FROM unnest($3::int8[], $4::text[], $5::bytea[], $6::int8[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[])
       AS m (id, message_id, payload, delay_ms, sender_id, group_id, dedup_id, sequence_number, dlq)`,
    queueId,
    tx.now,
    fresh.map((p) => p.id),
    fresh.map((p) => p.m.messageId),
    fresh.map((p) =>
      Buffer.from(p.m.payload.buffer, p.m.payload.byteOffset, p.m.payload.byteLength),
    ),
    fresh.map((p) => p.m.delaySeconds * 1000),
    fresh.map((p) => p.m.senderId),
    fresh.map((p) => p.m.groupId),
    fresh.map((p) => p.m.dedupId ?? null),
    fresh.map((p) => p.sequenceNumber),
    fresh.map((p) => p.m.deadLetterSourceArn ?? null),
  );

  // 5. One row per group: its first new message is the head if the group had none.
  const heads = new Map<string, Planned>();
  for (const p of fresh) if (!heads.has(p.m.groupId)) heads.set(p.m.groupId, p);
  const firsts = [...heads.values()];
  await tx.run(
    `INSERT INTO fifo_groups (queue_id, group_id, available_at, head_id)
     SELECT $1, g.group_id, g.available_at, g.head_id
     FROM unnest($2::text[], $3::int8[], $4::int8[]) AS g (group_id, available_at, head_id)
     ORDER BY g.group_id
     ON CONFLICT (queue_id, group_id) DO UPDATE SET head_id = fifo_groups.head_id`,
    queueId,
    firsts.map((p) => p.m.groupId),
    firsts.map((p) => tx.now + p.m.delaySeconds * 1000),
    firsts.map((p) => p.id),
  );
  return results;
}
