/**
 * messagesReceive for FIFO queues on PostgreSQL. Same walk as the SQLite engine (see its
 * fifo-receive.ts): available groups oldest-available first, consecutive messages from each
 * group's head while receivable, expired ones deleted, dead-letter moves on the way, then each
 * touched group refreshed (which locks it until the new visibility timeout ends).
 *
 * Across nodes, groups are claimed with FOR UPDATE SKIP LOCKED: two receivers never walk the
 * same group at once, so a group is delivered by one receive at a time, in order.
 *
 * ReceiveRequestAttemptId: the result is remembered for 5 minutes; a retry returns the same
 * messages and nonces (restarting their visibility timeout) if all are still in flight under
 * those nonces.
 */
import type { ReceiveParams, ReceiveResult, StoredMessage } from '../../../core/ports/storage.js';
import { FIFO_WINDOW_MS } from '../../common/queue-rules.js';
import { toStoredMessage, type MessageRow } from '../../common/row-mapping.js';
import type { PgTx } from '../pg-tx.js';
import {
  activeRedrive,
  deadLetterDecision,
  moveToDeadLetter,
  type ActiveRedrive,
} from './dead-letter.js';
import { fifoGroupRefresh, fifoNextDueAt } from './fifo-groups.js';
import { MESSAGE_COLUMNS } from './pg-rows.js';
import { takeMessages } from './take-messages.js';

interface GroupMessage {
  id: number;
  visible_at: number;
  enqueued_at: number;
  receive_count: number;
}

/** Messages of a group read per round trip while walking it. */
const GROUP_PAGE = 32;

interface ReceiveRun {
  tx: PgTx;
  p: ReceiveParams;
  cutoff: number;
  visibleAt: number;
  redrive: ActiveRedrive | undefined;
  messages: StoredMessage[];
  stopped: boolean;
}

/** Walks one (locked) group from its head; returns when it blocks, ends or the batch is full. */
async function receiveFromGroup(run: ReceiveRun, groupId: string): Promise<void> {
  const { tx, p } = run;
  const chosen: number[] = [];
  let afterId = Number.MIN_SAFE_INTEGER;
  walk: for (;;) {
    const rows = await tx.rows<GroupMessage>(
      `SELECT id, visible_at, enqueued_at, receive_count FROM messages
       WHERE queue_id = $1 AND group_id = $2 AND id > $3 ORDER BY id LIMIT $4`,
      p.queueId,
      groupId,
      afterId,
      GROUP_PAGE,
    );
    const expired: number[] = [];
    for (const row of rows) {
      if (run.messages.length + chosen.length >= p.max) break walk;
      afterId = row.id;
      if (row.enqueued_at < run.cutoff) {
        expired.push(row.id);
        continue;
      }
      if (row.visible_at > tx.now) break walk; // strict order: nothing behind it may pass
      const decision = deadLetterDecision(run.redrive, row.receive_count);
      if (decision === 'stop') {
        run.stopped = true;
        break walk;
      }
      if (decision === 'move' && run.redrive && (await moveToDeadLetter(tx, row.id, run.redrive)))
        continue;
      chosen.push(row.id);
    }
    if (expired.length > 0) await tx.run('DELETE FROM messages WHERE id = ANY($1)', expired);
    if (rows.length < GROUP_PAGE) break;
  }
  run.messages.push(...(await takeMessages(tx, chosen, run.visibleAt)));
}

async function replayAttempt(
  tx: PgTx,
  p: ReceiveParams,
  attemptId: string,
): Promise<StoredMessage[] | undefined> {
  const prior = await tx.row<{ result: [number, string][]; expires_at: number }>(
    'SELECT result, expires_at FROM fifo_receive_attempts WHERE queue_id = $1 AND attempt_id = $2',
    p.queueId,
    attemptId,
  );
  if (!prior || prior.expires_at <= tx.now || prior.result.length === 0) return undefined;
  const rows = await tx.rows<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ANY($1) AND queue_id = $2 FOR UPDATE`,
    prior.result.map(([rowId]) => rowId),
    p.queueId,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered: MessageRow[] = [];
  for (const [rowId, nonce] of prior.result) {
    const row = byId.get(rowId);
    if (!row || row.receipt_nonce !== nonce || row.receive_count === 0 || row.visible_at <= tx.now)
      return undefined;
    ordered.push(row);
  }
  const visibleAt = tx.now + p.visibilityTimeoutSeconds * 1000;
  await tx.run(
    'UPDATE messages SET visible_at = $1 WHERE id = ANY($2)',
    visibleAt,
    ordered.map((row) => row.id),
  );
  const groups = new Set<string>();
  for (const row of ordered) if (row.group_id !== null) groups.add(row.group_id);
  for (const groupId of groups) await fifoGroupRefresh(tx, p.queueId, groupId);
  return ordered.map((row) => toStoredMessage({ ...row, visible_at: visibleAt }));
}

async function rememberAttempt(
  tx: PgTx,
  queueId: number,
  attemptId: string,
  messages: StoredMessage[],
): Promise<void> {
  await tx.run(
    `INSERT INTO fifo_receive_attempts (queue_id, attempt_id, result, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (queue_id, attempt_id) DO UPDATE SET result = excluded.result, expires_at = excluded.expires_at`,
    queueId,
    attemptId,
    JSON.stringify(messages.map((m) => [m.rowId, m.receiptNonce])),
    tx.now + FIFO_WINDOW_MS,
  );
}

export async function fifoReceive(tx: PgTx, p: ReceiveParams): Promise<ReceiveResult> {
  if (p.attemptId !== undefined) {
    const replayed = await replayAttempt(tx, p, p.attemptId);
    if (replayed)
      return {
        messages: replayed,
        movedToDeadLetter: 0,
        nextDueAt: await fifoNextDueAt(tx, p.queueId),
      };
  }
  const run: ReceiveRun = {
    tx,
    p,
    cutoff: tx.now - p.retentionSeconds * 1000,
    visibleAt: tx.now + p.visibilityTimeoutSeconds * 1000,
    redrive: await activeRedrive(tx, p.redrive),
    messages: [],
    stopped: false,
  };
  const visited = new Set<string>();
  while (run.messages.length < p.max && !run.stopped) {
    // Visited groups can still qualify (zero visibility timeout), so read past them.
    const groups = await tx.rows<{ group_id: string }>(
      `SELECT group_id FROM fifo_groups WHERE queue_id = $1 AND available_at <= $2
       ORDER BY available_at, head_id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      p.queueId,
      tx.now,
      p.max - run.messages.length + visited.size,
    );
    const fresh = groups.filter((g) => !visited.has(g.group_id));
    if (fresh.length === 0) break;
    for (const { group_id: groupId } of fresh) {
      if (run.messages.length >= p.max || run.stopped) break;
      visited.add(groupId);
      await receiveFromGroup(run, groupId);
      await fifoGroupRefresh(tx, p.queueId, groupId);
    }
  }
  if (p.attemptId !== undefined) await rememberAttempt(tx, p.queueId, p.attemptId, run.messages);
  if (p.visibilityTimeoutSeconds === 0 && run.messages.length > 0) tx.wakeQueue(p.queueId);
  return {
    messages: run.messages,
    movedToDeadLetter: run.redrive?.moved ?? 0,
    nextDueAt: await fifoNextDueAt(tx, p.queueId),
  };
}
