-- Switchyard SQLite schema, version 1: queues, messages (FIFO groups, deduplication, receive
-- attempts), message move tasks, the outbox and durable timers. All times are epoch ms.

CREATE TABLE queues (
  id               INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: stale ids never hit a new queue
  account          TEXT    NOT NULL,
  region           TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  fifo             INTEGER NOT NULL,
  attributes       TEXT    NOT NULL, -- JSON object of canonical attribute strings
  tags             TEXT    NOT NULL, -- JSON object
  key_salt         TEXT    NOT NULL,
  created_at       INTEGER NOT NULL,
  last_modified_at INTEGER NOT NULL,
  last_purge_at    INTEGER,
  message_count    INTEGER NOT NULL DEFAULT 0, -- maintained by triggers on messages
  UNIQUE (account, region, name)
);

-- Names deleted recently (QueueDeletedRecently); swept after 60 s by messagesExpire.
CREATE TABLE deleted_queues (
  account    TEXT    NOT NULL,
  region     TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  deleted_at INTEGER NOT NULL,
  PRIMARY KEY (account, region, name)
) WITHOUT ROWID;
CREATE INDEX deleted_queues_by_time ON deleted_queues (deleted_at);

-- Deleted queues whose messages are still being removed (in batches, by messagesExpire):
-- deleting a large backlog in one transaction would stall the writer for seconds.
CREATE TABLE orphaned_queues (
  queue_id INTEGER PRIMARY KEY
);

-- One row per message. Time-driven state lives on the row: visible_at is the delay end, then the
-- visibility-timeout end; nothing is written when a timeout simply expires.
CREATE TABLE messages (
  id                INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: stale receipts never hit a new message
  queue_id          INTEGER NOT NULL,
  message_id        TEXT    NOT NULL,
  payload           BLOB    NOT NULL,
  sent_at           INTEGER NOT NULL,
  enqueued_at       INTEGER NOT NULL, -- retention base
  visible_at        INTEGER NOT NULL,
  receive_count     INTEGER NOT NULL DEFAULT 0,
  first_received_at INTEGER,
  receipt_nonce     TEXT,
  group_id          TEXT,
  dedup_id          TEXT,
  sequence_number   TEXT,
  sender_id         TEXT    NOT NULL,
  dlq_source_arn    TEXT
);
-- Standard receive order and queue counts: covering, so counting never touches the table.
CREATE INDEX messages_by_due ON messages (queue_id, visible_at, enqueued_at, receive_count);
-- FIFO group order.
CREATE INDEX messages_by_group ON messages (queue_id, group_id, id) WHERE group_id IS NOT NULL;
-- Retention sweep.
CREATE INDEX messages_by_enqueue ON messages (queue_id, enqueued_at);

-- Exact per-queue message totals, so counts never scan the (mostly visible) backlog: visible =
-- total - in flight - delayed - expired, and only the last three are scanned. Messages never
-- change queue (a move is a delete and an insert).
CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
  UPDATE queues SET message_count = message_count + 1 WHERE id = NEW.queue_id;
END;
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
  UPDATE queues SET message_count = message_count - 1 WHERE id = OLD.queue_id;
END;

-- FIFO message groups with messages. available_at: when the group's head may be delivered
-- (the head's visible_at, or later while received messages of the group are in flight).
CREATE TABLE fifo_groups (
  queue_id     INTEGER NOT NULL,
  group_id     TEXT    NOT NULL,
  available_at INTEGER NOT NULL,
  head_id      INTEGER NOT NULL,
  PRIMARY KEY (queue_id, group_id)
) WITHOUT ROWID;
CREATE INDEX fifo_groups_by_availability ON fifo_groups (queue_id, available_at, head_id);

-- FIFO deduplication window (5 minutes). scope_key: dedupId, or groupId NUL dedupId.
CREATE TABLE fifo_dedup (
  queue_id        INTEGER NOT NULL,
  scope_key       TEXT    NOT NULL,
  message_id      TEXT    NOT NULL,
  sequence_number TEXT    NOT NULL,
  expires_at      INTEGER NOT NULL,
  PRIMARY KEY (queue_id, scope_key)
) WITHOUT ROWID;
CREATE INDEX fifo_dedup_by_expiry ON fifo_dedup (expires_at);

-- FIFO ReceiveRequestAttemptId: result is JSON [[rowId, nonce], ...].
CREATE TABLE fifo_receive_attempts (
  queue_id   INTEGER NOT NULL,
  attempt_id TEXT    NOT NULL,
  result     TEXT    NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (queue_id, attempt_id)
) WITHOUT ROWID;
CREATE INDEX fifo_receive_attempts_by_expiry ON fifo_receive_attempts (expires_at);

CREATE TABLE move_tasks (
  task_handle     TEXT    PRIMARY KEY,
  source_queue_id INTEGER NOT NULL,
  source_arn      TEXT    NOT NULL,
  destination_arn TEXT,
  max_per_second  INTEGER,
  status          TEXT    NOT NULL,
  moved           INTEGER NOT NULL DEFAULT 0,
  to_move         INTEGER NOT NULL,
  failure_reason  TEXT,
  started_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX move_tasks_by_source ON move_tasks (source_queue_id, started_at);
CREATE INDEX move_tasks_by_status ON move_tasks (status, started_at);

-- Asynchronous work. A claimed row's due_at is moved to its lease end, so "due" is one range
-- scan and an expired lease makes the row due again without a write.
CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT    NOT NULL,
  payload       TEXT    NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  due_at        INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  claimed_until INTEGER,
  last_error    TEXT
);
CREATE INDEX outbox_by_due ON outbox (due_at, id);
CREATE INDEX outbox_by_kind ON outbox (kind, due_at, id);

CREATE TABLE timers (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  kind    TEXT    NOT NULL,
  key     TEXT    NOT NULL,
  payload TEXT    NOT NULL,
  due_at  INTEGER NOT NULL,
  UNIQUE (kind, key)
);
CREATE INDEX timers_by_due ON timers (due_at, id);
