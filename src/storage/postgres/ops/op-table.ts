/** Every contract operation of the PostgreSQL engine, by name. */
import type { PgOpTable } from '../pg-tx.js';
import { leasesAcquire, leasesRelease } from './leases.js';
import { messagesExpire, messagesPurge } from './maintenance.js';
import { messagesMove } from './move-messages.js';
import {
  moveTasksActive,
  moveTasksCreate,
  moveTasksGet,
  moveTasksList,
  moveTasksUpdate,
} from './move-tasks.js';
import {
  outboxClaim,
  outboxComplete,
  outboxDiscard,
  outboxEnqueue,
  outboxNextDueAt,
  outboxRetry,
  timersCancel,
  timersClaimDue,
  timersNextDueAt,
  timersSchedule,
} from './outbox-timers.js';
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
} from './queues.js';
import { messagesChangeVisibility, messagesDelete } from './receipts.js';
import { messagesReceive } from './receive.js';
import { messagesSend } from './send.js';

export const PG_OPS: PgOpTable = {
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
};
