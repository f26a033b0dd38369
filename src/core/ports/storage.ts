/**
 * The storage contract: every engine (SQLite now, PostgreSQL next) implements exactly this.
 *
 * Conventions (DESIGN.md §3): methods are named noun-then-verb and take one params object;
 * every method is asynchronous; `now` (epoch milliseconds) is optional — tests pass it to run
 * on a fake clock, production leaves it to the engine's clock. A promise that resolved means
 * the change is committed durably (SQLite `synchronous=FULL`, PostgreSQL commit).
 *
 * Engines know nothing of the wire: no AWS names, no HTTP. Payloads are opaque bytes that the
 * core encodes (and encrypts) before they get here.
 */

/** A queue as stored. `attributes` holds the settable AWS attributes in canonical string form. */
export interface QueueRecord {
  id: number;
  account: string;
  region: string;
  name: string;
  fifo: boolean;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  /** Random per-queue salt for deriving the queue's encryption key (base64). */
  keySalt: string;
  createdAt: number;
  lastModifiedAt: number;
  /** When the last purge started (ms), for the one-purge-per-60-s rule. */
  lastPurgeAt: number | null;
}

export interface QueueKey {
  account: string;
  region: string;
  name: string;
}

export interface QueueCreateParams extends QueueKey {
  fifo: boolean;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  keySalt: string;
  now?: number;
}

export interface QueueCounts {
  /** Messages available for retrieval. */
  visible: number;
  /** Received and not yet deleted, visibility timeout running. */
  inFlight: number;
  /** Never received and not yet visible (queue or message delay). */
  delayed: number;
}

/** A message to enqueue. */
export interface NewMessage {
  messageId: string;
  /** Opaque encoded (and possibly encrypted) body + attributes. */
  payload: Uint8Array;
  delaySeconds: number;
  groupId?: string;
  /** FIFO only: the deduplication id (explicit or content hash). */
  dedupId?: string;
  senderId: string;
  /** The original source queue's ARN when a message is moved from a dead-letter queue. */
  deadLetterSourceArn?: string;
}

export interface SendResult {
  messageId: string;
  /** FIFO only. */
  sequenceNumber?: string;
  /** True when a FIFO deduplication window swallowed the message. */
  duplicate: boolean;
}

export interface StoredMessage {
  /** Engine row id; with `receiptNonce` it forms the receipt handle. */
  rowId: number;
  messageId: string;
  payload: Uint8Array;
  sentAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  groupId: string | null;
  dedupId: string | null;
  sequenceNumber: string | null;
  senderId: string;
  deadLetterSourceArn: string | null;
  /** Random token of the current receive; a stale one no longer deletes or changes the message. */
  receiptNonce: string;
}

export interface ReceiptRef {
  rowId: number;
  nonce: string;
}

export interface RedriveTarget {
  /** Queue the message moves to once it has been received `maxReceiveCount` times. */
  deadLetterQueueId: number;
  deadLetterQueueFifo: boolean;
  maxReceiveCount: number;
  /** ARN of the queue being received from, recorded on moved messages. */
  sourceArn: string;
}

export interface ReceiveParams {
  queueId: number;
  fifo: boolean;
  max: number;
  visibilityTimeoutSeconds: number;
  /** Messages enqueued before `now - retentionSeconds` are expired and never returned. */
  retentionSeconds: number;
  redrive?: RedriveTarget;
  /** FIFO ReceiveRequestAttemptId: a retried attempt within 5 minutes returns the same messages. */
  attemptId?: string;
  now?: number;
}

export interface ReceiveResult {
  messages: StoredMessage[];
  /** Messages moved to the dead-letter queue during this receive. */
  movedToDeadLetter: number;
  /** Earliest time (ms) a message of this queue becomes receivable, if any is pending. */
  nextDueAt: number | null;
}

/** Outcome of a per-entry change: 'ok', or why not. */
export type EntryOutcome = 'ok' | 'stale' | 'not-found' | 'not-in-flight' | 'beyond-limit';

export interface VisibilityChange {
  ref: ReceiptRef;
  visibilityTimeoutSeconds: number;
}

export type MoveTaskStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface MoveTaskRecord {
  taskHandle: string;
  sourceQueueId: number;
  sourceArn: string;
  /** Null: each message goes back to the queue it was dead-lettered from. */
  destinationArn: string | null;
  maxPerSecond: number | null;
  status: MoveTaskStatus;
  moved: number;
  toMove: number;
  failureReason: string | null;
  startedAt: number;
}

/** One row of the outbox: asynchronous work committed with the request that caused it. */
export interface OutboxItem {
  id: number;
  kind: string;
  payload: string;
  attempts: number;
  dueAt: number;
  createdAt: number;
  lastError: string | null;
}

export interface TimerRecord {
  id: number;
  kind: string;
  key: string;
  payload: string;
  dueAt: number;
}

/**
 * Change notifications: what woke up, so in-process waiters can look again. 'resync' means
 * notifications may have been missed (a multi-node engine lost its listening connection):
 * every waiter should look again.
 */
export type StorageEvent =
  { kind: 'queue'; queueId: number } | { kind: 'outbox' } | { kind: 'timer' } | { kind: 'resync' };

/** A held lease: `token` grows every time the lease changes hands (a fencing token). */
export interface LeaseGrant {
  token: number;
  /** When the lease ends unless renewed (engine clock, ms). */
  expiresAt: number;
}

export interface Storage {
  /** The engine's clock (ms). */
  clock(): number;
  /** Subscribe to commit notifications; returns an unsubscribe function. */
  eventsSubscribe(listener: (event: StorageEvent) => void): () => void;
  /** Liveness of the engine (for /ready). */
  healthCheck(): Promise<void>;
  close(): Promise<void>;

  // ── queues ──
  /** Creates the queue, or returns the existing one with `created: false`. */
  queuesCreate(p: QueueCreateParams): Promise<{ queue: QueueRecord; created: boolean }>;
  queuesGet(p: QueueKey): Promise<QueueRecord | undefined>;
  queuesGetById(p: { id: number }): Promise<QueueRecord | undefined>;
  /** Name order; `after` is an exclusive name cursor. */
  queuesList(p: {
    account: string;
    region: string;
    prefix?: string;
    after?: string;
    limit: number;
  }): Promise<QueueRecord[]>;
  queuesUpdate(p: {
    id: number;
    attributes?: Record<string, string>;
    tags?: Record<string, string>;
    lastPurgeAt?: number;
    now?: number;
  }): Promise<QueueRecord | undefined>;
  /** Deletes the queue and its messages; remembers the name as recently deleted. */
  queuesDelete(p: { id: number; now?: number }): Promise<boolean>;
  /** When a queue of this name was last deleted (ms), if within `withinMs`. */
  queuesDeletedAt(p: QueueKey & { withinMs: number; now?: number }): Promise<number | null>;
  queuesCount(p: { id: number; now?: number }): Promise<QueueCounts>;
  /** Queues whose RedrivePolicy names `deadLetterArn`. */
  queuesListDeadLetterSources(p: {
    account: string;
    region: string;
    deadLetterArn: string;
    after?: string;
    limit: number;
  }): Promise<QueueRecord[]>;

  // ── messages ──
  messagesSend(p: {
    queueId: number;
    fifo: boolean;
    /** FIFO: deduplicate per message group ('messageGroup') or per queue. */
    dedupScope?: 'messageGroup' | 'queue';
    messages: NewMessage[];
    now?: number;
  }): Promise<SendResult[]>;
  messagesReceive(p: ReceiveParams): Promise<ReceiveResult>;
  messagesDelete(p: { queueId: number; refs: ReceiptRef[]; now?: number }): Promise<EntryOutcome[]>;
  /**
   * With `maxTotalSeconds`, a change that would keep the message invisible longer than that
   * after the receive that issued its receipt is refused ('beyond-limit'; AWS: 12 hours).
   */
  messagesChangeVisibility(p: {
    queueId: number;
    changes: VisibilityChange[];
    maxTotalSeconds?: number;
    now?: number;
  }): Promise<EntryOutcome[]>;
  /** Deletes every message sent before `now`; returns how many. */
  messagesPurge(p: { queueId: number; now?: number }): Promise<number>;
  /**
   * Moves up to `limit` available (visible, not in flight) messages of a source queue, oldest
   * first, in one transaction: to `destinationQueueId`, or — when absent — each back to the
   * queue named by its dead-letter source ARN. Moved messages keep id, body and SentTimestamp;
   * their receive count and retention start afresh. Stops at a message whose destination does
   * not exist and reports it.
   */
  messagesMove(p: {
    sourceQueueId: number;
    destinationQueueId?: number;
    limit: number;
    now?: number;
  }): Promise<{ moved: number; unmovable?: { reason: string } }>;
  /** Deletes messages past retention across all queues; returns how many (a sweep, batched). */
  messagesExpire(p: { limit: number; now?: number }): Promise<number>;

  // ── message move tasks (DLQ redrive) ──
  moveTasksCreate(p: {
    taskHandle: string;
    sourceQueueId: number;
    sourceArn: string;
    destinationArn: string | null;
    maxPerSecond: number | null;
    /** Messages visible in the source when the task started (ApproximateNumberOfMessagesToMove). */
    toMove: number;
    now?: number;
  }): Promise<MoveTaskRecord>;
  /** Tasks in status RUNNING or CANCELLING, oldest first (for the runner). */
  moveTasksActive(p: { limit: number }): Promise<MoveTaskRecord[]>;
  moveTasksList(p: { sourceQueueId: number; limit: number }): Promise<MoveTaskRecord[]>;
  moveTasksGet(p: { taskHandle: string }): Promise<MoveTaskRecord | undefined>;
  moveTasksUpdate(p: {
    taskHandle: string;
    status?: MoveTaskStatus;
    movedDelta?: number;
    failureReason?: string;
    now?: number;
  }): Promise<MoveTaskRecord | undefined>;

  // ── outbox: all asynchronous delivery ──
  outboxEnqueue(p: {
    kind: string;
    payload: string;
    dueAt?: number;
    now?: number;
  }): Promise<number>;
  /** Claims up to `limit` due items for `leaseMs`; a claim that is not completed is retried. */
  outboxClaim(p: {
    kinds?: string[];
    limit: number;
    leaseMs: number;
    now?: number;
  }): Promise<OutboxItem[]>;
  outboxComplete(p: { id: number }): Promise<void>;
  /** Records a failed attempt and when to try again. */
  outboxRetry(p: { id: number; dueAt: number; error: string }): Promise<void>;
  /** Removes an item whose retries are exhausted (after the caller dead-lettered it). */
  outboxDiscard(p: { id: number }): Promise<void>;
  outboxNextDueAt(p: { now?: number }): Promise<number | null>;

  // ── durable timers ──
  /** Upserts the timer (kind, key): re-scheduling replaces the due time. */
  timersSchedule(p: { kind: string; key: string; payload: string; dueAt: number }): Promise<void>;
  timersCancel(p: { kind: string; key: string }): Promise<boolean>;
  /** Removes and returns due timers (at-most-once claim inside one transaction). */
  timersClaimDue(p: { limit: number; now?: number }): Promise<TimerRecord[]>;
  timersNextDueAt(p: { now?: number }): Promise<number | null>;

  // ── leases: singleton work in a multi-node installation ──
  /**
   * Acquires or renews the lease `name` for `holder` until `now + ttlMs`. Returns the grant
   * when `holder` holds it afterwards, or null while another holder's lease has not expired.
   * The token is unchanged by renewals and increases whenever the lease is taken afresh.
   */
  leasesAcquire(p: {
    name: string;
    holder: string;
    ttlMs: number;
    now?: number;
  }): Promise<LeaseGrant | null>;
  /** Ends `holder`'s lease at once (a graceful hand-over); a no-op for anyone else. */
  leasesRelease(p: { name: string; holder: string }): Promise<void>;
}
