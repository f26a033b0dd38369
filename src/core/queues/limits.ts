/**
 * Amazon SQS limits and defaults, as numbers. Every rule in the queues domain reads its bounds
 * from here. Sources: the SQS API reference as bundled in botocore 1.43 (service-2.json, 2025)
 * and the SQS Developer Guide quota pages (quotas-queues, quotas-messages).
 */

/** Largest message (body + message attributes) and default MaximumMessageSize: 1 MiB (botocore 1.43 CreateQueue doc). */
export const MAX_MESSAGE_SIZE = 1_048_576;
/** Smallest settable MaximumMessageSize: 1 KiB. */
export const MIN_MESSAGE_SIZE = 1_024;
/** Total payload of one SendMessageBatch: 1 MiB (botocore 1.43 SendMessageBatch doc). */
export const MAX_BATCH_PAYLOAD_SIZE = 1_048_576;

export const MAX_DELAY_SECONDS = 900;
export const MIN_RETENTION_SECONDS = 60;
export const MAX_RETENTION_SECONDS = 1_209_600;
export const DEFAULT_RETENTION_SECONDS = 345_600;
export const MAX_VISIBILITY_TIMEOUT = 43_200;
export const DEFAULT_VISIBILITY_TIMEOUT = 30;
export const MAX_WAIT_TIME_SECONDS = 20;
export const MIN_KMS_DATA_KEY_REUSE_SECONDS = 60;
export const MAX_KMS_DATA_KEY_REUSE_SECONDS = 86_400;
export const DEFAULT_KMS_DATA_KEY_REUSE_SECONDS = 300;

/** In-flight messages: ~120,000 standard, 120,000 FIFO (ChangeMessageVisibility doc, botocore 1.43). */
export const MAX_IN_FLIGHT_STANDARD = 120_000;
export const MAX_IN_FLIGHT_FIFO = 120_000;

/** FIFO deduplication interval: 5 minutes (SendMessage MessageDeduplicationId doc). */
export const DEDUPLICATION_WINDOW_SECONDS = 300;
/** ReceiveRequestAttemptId is usable for 5 minutes (ReceiveMessage doc). */
export const RECEIVE_ATTEMPT_WINDOW_SECONDS = 300;
/** One PurgeQueue per queue every 60 s. */
export const PURGE_INTERVAL_SECONDS = 60;
/** A deleted queue's name can be reused after 60 s (DeleteQueue doc). */
export const DELETED_NAME_REUSE_SECONDS = 60;

export const MAX_BATCH_ENTRIES = 10;
export const MAX_BATCH_ENTRY_ID_LENGTH = 80;
export const MAX_RECEIVE_MESSAGES = 10;
export const MAX_MESSAGE_ATTRIBUTES = 10;
export const MAX_ATTRIBUTE_NAME_LENGTH = 256;
export const MAX_ATTRIBUTE_TYPE_LENGTH = 256;
/** MessageGroupId, MessageDeduplicationId and ReceiveRequestAttemptId: up to 128 characters. */
export const MAX_FIFO_ID_LENGTH = 128;

export const MAX_QUEUE_NAME_LENGTH = 80;
export const FIFO_SUFFIX = '.fifo';

export const MIN_MAX_RECEIVE_COUNT = 1;
export const MAX_MAX_RECEIVE_COUNT = 1_000;
/** RedriveAllowPolicy byQueue: at most 10 source queue ARNs. */
export const MAX_REDRIVE_SOURCE_ARNS = 10;
/** StartMessageMoveTask MaxNumberOfMessagesPerSecond: 1..500. */
export const MIN_MOVE_TASK_RATE = 1;
export const MAX_MOVE_TASK_RATE = 500;

export const MAX_TAGS_PER_QUEUE = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

/** ListQueues and ListDeadLetterSourceQueues return at most 1,000 results per call. */
export const MAX_LIST_RESULTS = 1_000;
/** A queue policy holds at most 20 statements. */
export const MAX_POLICY_STATEMENTS = 20;

/** The message attribute Number type: 38 significant digits, magnitude 10^-128..10^126 (SQS message metadata guide). */
export const NUMBER_MAX_DIGITS = 38;
export const NUMBER_MIN_EXPONENT = -128;
export const NUMBER_MAX_EXPONENT = 126;
