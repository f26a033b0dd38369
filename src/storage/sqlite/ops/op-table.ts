/** Every operation the writer worker runs, by name: the contract's methods plus engine probes. */
import { leasesAcquire, leasesRelease } from './leases-ops.js';
import { messagesExpire, messagesPurge } from './maintenance-ops.js';
import { messagesMove } from './move-messages-ops.js';
import {
  moveTasksActive,
  moveTasksCreate,
  moveTasksGet,
  moveTasksList,
  moveTasksUpdate,
} from './move-tasks-ops.js';
import type { OpTable } from './op-handler.js';
import {
  outboxClaim,
  outboxComplete,
  outboxDiscard,
  outboxEnqueue,
  outboxNextDueAt,
  outboxRetry,
} from './outbox-ops.js';
import {
  queuesCount,
  queuesCreate,
  queuesDelete,
  queuesDeletedAt,
  queuesGet,
  queuesGetById,
  queuesList,
  queuesListDeadLetterSources,
  queuesUpdate,
} from './queues-ops.js';
import { messagesChangeVisibility, messagesDelete } from './receipt-ops.js';
import { messagesReceive } from './receive-ops.js';
import { messagesSend } from './send-ops.js';
import { timersCancel, timersClaimDue, timersNextDueAt, timersSchedule } from './timers-ops.js';

export const OP_TABLE: OpTable = {
  queuesCreate,
  queuesGet,
  queuesGetById,
  queuesList,
  queuesUpdate,
  queuesDelete,
  queuesDeletedAt,
  queuesCount,
  queuesListDeadLetterSources,
  messagesSend,
  messagesReceive,
  messagesDelete,
  messagesChangeVisibility,
  messagesPurge,
  messagesMove,
  messagesExpire,
  moveTasksCreate,
  moveTasksActive,
  moveTasksList,
  moveTasksGet,
  moveTasksUpdate,
  outboxEnqueue,
  outboxClaim,
  outboxComplete,
  outboxRetry,
  outboxDiscard,
  outboxNextDueAt,
  timersSchedule,
  timersCancel,
  timersClaimDue,
  timersNextDueAt,
  leasesAcquire,
  leasesRelease,
  enginePing: (ctx) => {
    ctx.get('SELECT 1');
    return true;
  },
  enginePragma: (ctx) => ({
    journalMode: String(ctx.db.pragma('journal_mode', { simple: true })),
    synchronous: Number(ctx.db.pragma('synchronous', { simple: true })),
    busyTimeout: Number(ctx.db.pragma('busy_timeout', { simple: true })),
    foreignKeys: Number(ctx.db.pragma('foreign_keys', { simple: true })),
  }),
};
