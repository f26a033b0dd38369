/** Receiving one message: count it, hide it for the visibility timeout, issue a new nonce. */
import type { StoredMessage } from '../../../core/ports/storage.js';
import type { OpContext } from '../op-context.js';
import { newNonce, toStoredMessage, type MessageRow } from './rows.js';

/** Marks one message received: counts it, hides it until `visibleAt`, issues a new nonce. */
export function takeMessage(ctx: OpContext, rowId: number, visibleAt: number): StoredMessage {
  const row = ctx.get<MessageRow>(
    `UPDATE messages SET receive_count = receive_count + 1, first_received_at = coalesce(first_received_at, ?),
       visible_at = ?, receipt_nonce = ?, received_at = ?
     WHERE id = ? RETURNING *`,
    ctx.now,
    visibleAt,
    newNonce(),
    ctx.now,
    rowId,
  );
  if (!row) throw new Error(`message ${rowId} vanished during receive`);
  return toStoredMessage(row);
}
