/**
 * Receiving messages on PostgreSQL: the rows chosen by a receive are counted, hidden for the
 * visibility timeout and given fresh receipt nonces in one UPDATE over arrays.
 */
import type { StoredMessage } from '../../../core/ports/storage.js';
import { newNonce } from '../../common/queue-rules.js';
import { toStoredMessage, type MessageRow } from '../../common/row-mapping.js';
import type { PgTx } from '../pg-tx.js';
import { MESSAGE_COLUMNS } from './pg-rows.js';

/** Marks the rows received, in the order given (the receive's delivery order). */
export async function takeMessages(
  tx: PgTx,
  rowIds: number[],
  visibleAt: number,
): Promise<StoredMessage[]> {
  if (rowIds.length === 0) return [];
  const rows = await tx.rows<MessageRow>(
    `UPDATE messages m SET receive_count = m.receive_count + 1,
       first_received_at = coalesce(m.first_received_at, $3), visible_at = $4,
       receipt_nonce = r.nonce, received_at = $3
     FROM unnest($1::int8[], $2::text[]) AS r (id, nonce)
     WHERE m.id = r.id
     RETURNING ${MESSAGE_COLUMNS.replace(/(\w+)/g, 'm.$1')}`,
    rowIds,
    rowIds.map(() => newNonce()),
    tx.now,
    visibleAt,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return rowIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toStoredMessage(row)] : [];
  });
}
