/**
 * Message move task records on PostgreSQL; the core's mover does the moving and reports
 * progress through moveTasksUpdate. `seq` orders tasks started in the same millisecond.
 */
import { toMoveTaskRecord, type MoveTaskRow } from '../../common/row-mapping.js';
import type { PgOp } from '../pg-tx.js';

export const moveTasksCreate: PgOp<'moveTasksCreate'> = async (tx, p) => {
  const row = await tx.row<MoveTaskRow>(
    `INSERT INTO move_tasks (task_handle, source_queue_id, source_arn, destination_arn, max_per_second, status,
       moved, to_move, started_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'RUNNING', 0, $6, $7, $7) RETURNING *`,
    p.taskHandle,
    p.sourceQueueId,
    p.sourceArn,
    p.destinationArn,
    p.maxPerSecond,
    p.toMove,
    tx.now,
  );
  if (!row) throw new Error('move task insert returned no row');
  return toMoveTaskRecord(row);
};

/** RUNNING or CANCELLING, oldest first. */
export const moveTasksActive: PgOp<'moveTasksActive'> = async (tx, p) =>
  (
    await tx.rows<MoveTaskRow>(
      `SELECT * FROM move_tasks WHERE status IN ('RUNNING', 'CANCELLING') ORDER BY started_at, seq LIMIT $1`,
      p.limit,
    )
  ).map(toMoveTaskRecord);

/** Newest first. */
export const moveTasksList: PgOp<'moveTasksList'> = async (tx, p) =>
  (
    await tx.rows<MoveTaskRow>(
      'SELECT * FROM move_tasks WHERE source_queue_id = $1 ORDER BY started_at DESC, seq DESC LIMIT $2',
      p.sourceQueueId,
      p.limit,
    )
  ).map(toMoveTaskRecord);

export const moveTasksGet: PgOp<'moveTasksGet'> = async (tx, p) => {
  const row = await tx.row<MoveTaskRow>(
    'SELECT * FROM move_tasks WHERE task_handle = $1',
    p.taskHandle,
  );
  return row && toMoveTaskRecord(row);
};

export const moveTasksUpdate: PgOp<'moveTasksUpdate'> = async (tx, p) => {
  const row = await tx.row<MoveTaskRow>(
    `UPDATE move_tasks SET status = coalesce($1, status), moved = moved + $2,
       failure_reason = coalesce($3, failure_reason), updated_at = $4
     WHERE task_handle = $5 RETURNING *`,
    p.status ?? null,
    p.movedDelta ?? 0,
    p.failureReason ?? null,
    tx.now,
    p.taskHandle,
  );
  return row && toMoveTaskRecord(row);
};
