/** The signature every SQS operation file implements. */
import type { QueueService } from '../../../core/queues/queue-service.js';
import type { OperationContext } from '../types.js';

export interface SqsServices {
  queues: QueueService;
  /** Base URL clients reach (queue URLs are built from it). */
  publicUrl: string;
}

export type SqsOperation = (
  services: SqsServices,
  input: Record<string, unknown>,
  ctx: OperationContext,
) => Promise<Record<string, unknown> | undefined>;
