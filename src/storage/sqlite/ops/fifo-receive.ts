/**
 * messagesReceive for FIFO queues.
 *
 * Groups whose available_at has passed are taken oldest-available first (index order of
 * (queue_id, available_at, head_id), so no sort however many groups exist). From each group
 * the receive takes consecutive messages from the head while they are receivable — as many of
 * one group as possible, then the next group — and stops a group at the first message still
 * delayed. Expired messages met on the way are deleted; messages due for the dead-letter queue
 * are moved. Each touched group is then refreshed, which locks it until the new visibility
 * timeout ends.
 *
 * ReceiveRequestAttemptId: the result is remembered for 5 minutes; a retry returns the same
 * messages and receipt nonces (and restarts their visibility timeout, as AWS does) if every
 * one of them is still in flight under that nonce; otherwise it is a new receive.
 */
import type { ReceiveParams, ReceiveResult, StoredMessage } from '../../../core/ports/storage.js';
import type { OpContext } from '../op-context.js';
import {
  activeRedrive,
  deadLetterDecision,
  moveToDeadLetter,
  type ActiveRedrive,
} from './dead-letter.js';
import { fifoGroupRefresh, fifoNextDueAt } from './fifo-groups.js';
import { takeMessage } from './take-message.js';
import { FIFO_WINDOW_MS, toStoredMessage, type MessageRow } from './rows.js';

interface GroupMessage {
  id: number;
  visible_at: number;
  enqueued_at: number;
  receive_count: number;
}

/** Messages of a group read per round trip while walking it. */
const GROUP_PAGE = 32;

interface ReceiveRun {
  ctx: OpContext;
  p: ReceiveParams;
  cutoff: number;
  visibleAt: number;
  redrive: ActiveRedrive | undefined;
  messages: StoredMessage[];
  stopped: boolean;
}

/** Walks one group from its head; returns when the group blocks, ends or the batch is full. */
function receiveFromGroup(run: ReceiveRun, groupId: string): void {
  const { ctx, p } = run;
  let afterId = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = ctx.all<GroupMessage>(
      `SELECT id, visible_at, enqueued_at, receive_count FROM messages
       WHERE queue_id = ? AND group_id = ? AND id > ? ORDER BY id LIMIT ?`,
      p.queueId,
      groupId,
      afterId,
      GROUP_PAGE,
    );
    for (const row of rows) {
      if (run.messages.length >= p.max) return;
      afterId = row.id;
      if (row.enqueued_at < run.cutoff) {
        ctx.run('DELETE FROM messages WHERE id = ?', row.id);
        continue;
      }
      if (row.visible_at > ctx.now) return; // strict order: nothing behind it may pass
      const decision = deadLetterDecision(run.redrive, row.receive_count);
      if (decision === 'stop') {
        run.stopped = true;
        return;
      }
      if (decision === 'move' && run.redrive && moveToDeadLetter(ctx, row.id, run.redrive))
        continue;
      run.messages.push(takeMessage(ctx, row.id, run.visibleAt));
    }
    if (rows.length < GROUP_PAGE) return;
  }
}

function replayAttempt(
  ctx: OpContext,
  p: ReceiveParams,
  attemptId: string,
): StoredMessage[] | undefined {
  const prior = ctx.get<{ result: string; expires_at: number }>(
    'SELECT result, expires_at FROM fifo_receive_attempts WHERE queue_id = ? AND attempt_id = ?',
    p.queueId,
    attemptId,
  );
  if (!prior || prior.expires_at <= ctx.now) return undefined;
  const refs = JSON.parse(prior.result) as [number, string][];
  if (refs.length === 0) return undefined;
  const rows: MessageRow[] = [];
  for (const [rowId, nonce] of refs) {
    const row = ctx.get<MessageRow>(
      'SELECT * FROM messages WHERE id = ? AND queue_id = ?',
      rowId,
      p.queueId,
    );
    if (!row || row.receipt_nonce !== nonce || row.receive_count === 0 || row.visible_at <= ctx.now)
      return undefined;
    rows.push(row);
  }
  const visibleAt = ctx.now + p.visibilityTimeoutSeconds * 1000;
  const groups = new Set<string>();
  const messages = rows.map((row) => {
    ctx.run('UPDATE messages SET visible_at = ? WHERE id = ?', visibleAt, row.id);
    if (row.group_id !== null) groups.add(row.group_id);
    return toStoredMessage({ ...row, visible_at: visibleAt });
  });
  for (const groupId of groups) fifoGroupRefresh(ctx, p.queueId, groupId);
  return messages;
}

function rememberAttempt(
  ctx: OpContext,
  queueId: number,
  attemptId: string,
  messages: StoredMessage[],
): void {
  ctx.run(
    `INSERT INTO fifo_receive_attempts (queue_id, attempt_id, result, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (queue_id, attempt_id) DO UPDATE SET result = excluded.result, expires_at = excluded.expires_at`,
    queueId,
    attemptId,
    JSON.stringify(messages.map((m) => [m.rowId, m.receiptNonce])),
    ctx.now + FIFO_WINDOW_MS,
  );
}

export function fifoReceive(ctx: OpContext, p: ReceiveParams): ReceiveResult {
  if (p.attemptId !== undefined) {
    const replayed = replayAttempt(ctx, p, p.attemptId);
    if (replayed)
      return { messages: replayed, movedToDeadLetter: 0, nextDueAt: fifoNextDueAt(ctx, p.queueId) };
  }
  const run: ReceiveRun = {
    ctx,
    p,
    cutoff: ctx.now - p.retentionSeconds * 1000,
    visibleAt: ctx.now + p.visibilityTimeoutSeconds * 1000,
    redrive: activeRedrive(ctx, p.redrive),
    messages: [],
    stopped: false,
  };
  const visited = new Set<string>();
  while (run.messages.length < p.max && !run.stopped) {
    // Visited groups can still qualify (zero visibility timeout), so read past them.
    const groups = ctx.all<{ group_id: string }>(
      `SELECT group_id FROM fifo_groups WHERE queue_id = ? AND available_at <= ?
       ORDER BY available_at, head_id LIMIT ?`,
      p.queueId,
      ctx.now,
      p.max - run.messages.length + visited.size,
    );
    const fresh = groups.filter((g) => !visited.has(g.group_id));
    if (fresh.length === 0) break;
    for (const { group_id: groupId } of fresh) {
      if (run.messages.length >= p.max || run.stopped) break;
      visited.add(groupId);
      receiveFromGroup(run, groupId);
      fifoGroupRefresh(ctx, p.queueId, groupId);
    }
  }
  if (p.attemptId !== undefined) rememberAttempt(ctx, p.queueId, p.attemptId, run.messages);
  if (p.visibilityTimeoutSeconds === 0 && run.messages.length > 0) ctx.wakeQueue(p.queueId);
  return {
    messages: run.messages,
    movedToDeadLetter: run.redrive?.moved ?? 0,
    nextDueAt: fifoNextDueAt(ctx, p.queueId),
  };
}
