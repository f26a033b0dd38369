/**
 * Message move tasks (dead-letter redrive): the task records only; the core's mover service
 * does the moving and reports progress through moveTasksUpdate.
 */
import type { OpHandler } from './op-handler.js';
import { toMoveTaskRecord, type MoveTaskRow } from './rows.js';

export const moveTasksCreate: OpHandler<'moveTasksCreate'> = (ctx, p) => {
  const row = ctx.get<MoveTaskRow>(
    `INSERT INTO move_tasks (task_handle, source_queue_id, source_arn, destination_arn, max_per_second, status,
       moved, to_move, started_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'RUNNING', 0, ?, ?, ?) RETURNING *`,
    p.taskHandle,
    p.sourceQueueId,
    p.sourceArn,
    p.destinationArn,
    p.maxPerSecond,
    p.toMove,
    ctx.now,
    ctx.now,
  );
  if (!row) throw new Error('move task insert returned no row');
  return toMoveTaskRecord(row);
};

/** RUNNING or CANCELLING, oldest first. */
export const moveTasksActive: OpHandler<'moveTasksActive'> = (ctx, p) =>
  ctx
    .all<MoveTaskRow>(
      `SELECT * FROM move_tasks WHERE status IN ('RUNNING', 'CANCELLING') ORDER BY started_at, rowid LIMIT ?`,
      p.limit,
    )
    .map(toMoveTaskRecord);

/** Newest first. */
export const moveTasksList: OpHandler<'moveTasksList'> = (ctx, p) =>
  ctx
    .all<MoveTaskRow>(
      'SELECT * FROM move_tasks WHERE source_queue_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?',
      p.sourceQueueId,
      p.limit,
    )
    .map(toMoveTaskRecord);

export const moveTasksGet: OpHandler<'moveTasksGet'> = (ctx, p) => {
  const row = ctx.get<MoveTaskRow>('SELECT * FROM move_tasks WHERE task_handle = ?', p.taskHandle);
  return row && toMoveTaskRecord(row);
};

export const moveTasksUpdate: OpHandler<'moveTasksUpdate'> = (ctx, p) => {
  const row = ctx.get<MoveTaskRow>(
    `UPDATE move_tasks SET status = coalesce(?, status), moved = moved + ?,
       failure_reason = coalesce(?, failure_reason), updated_at = ?
     WHERE task_handle = ? RETURNING *`,
    p.status ?? null,
    p.movedDelta ?? 0,
    p.failureReason ?? null,
    ctx.now,
    p.taskHandle,
  );
  return row && toMoveTaskRecord(row);
};
