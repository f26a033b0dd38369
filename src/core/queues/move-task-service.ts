/**
 * Message move tasks (dead-letter queue redrive): StartMessageMoveTask, ListMessageMoveTasks,
 * CancelMessageMoveTask. A task is a row; MoveTaskRunner advances it, so tasks survive restarts.
 *
 * Task states: RUNNING → COMPLETED (source drained) | CANCELLING → CANCELLED | FAILED (a
 * destination vanished). Only one task per source queue may be active at a time.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import type { MoveTaskRecord, Storage } from '../ports/storage.js';
import type { QueueDirectory, QueueScope } from './queue-directory.js';
import { validateMoveTaskRate } from './message-validation.js';
import { parseQueueArn, queueArn } from './queue-name.js';

function parseArn(arn: string, param: string): { region: string; accountId: string; name: string } {
  const parsed = parseQueueArn(arn);
  if (!parsed)
    throw new DomainError(
      'InvalidParameterValue',
      `Value ${arn} for parameter ${param} is invalid. Reason: Invalid ARN.`,
    );
  return { region: parsed.region, accountId: parsed.account, name: parsed.name };
}

export class MoveTaskService {
  constructor(
    private readonly deps: { storage: Storage; directory: QueueDirectory; clock: () => number },
  ) {}

  async start(
    caller: QueueScope,
    p: { sourceArn: string; destinationArn?: string; maxPerSecond?: number },
  ): Promise<string> {
    const { storage, directory } = this.deps;
    const src = parseArn(p.sourceArn, 'SourceArn');
    if (src.accountId !== caller.accountId)
      throw new DomainError('AccessDenied', 'Access to the source queue is denied.');
    const source = await directory.find(src, src.name);
    if (!source)
      throw new DomainError(
        'ResourceNotFoundException',
        "The resource that you specified for the SourceArn parameter doesn't exist.",
      );
    validateMoveTaskRate(p.maxPerSecond);
    const sources = await storage.queuesListDeadLetterSources({
      account: source.account,
      region: source.region,
      deadLetterArn: p.sourceArn,
      limit: 1,
    });
    if (sources.length === 0) {
      throw new DomainError(
        'InvalidParameterValue',
        'Source queue must be configured as a Dead Letter Queue.',
      );
    }
    if (p.destinationArn !== undefined) {
      const dst = parseArn(p.destinationArn, 'DestinationArn');
      const destination =
        dst.accountId === caller.accountId ? await directory.find(dst, dst.name) : undefined;
      if (!destination)
        throw new DomainError(
          'ResourceNotFoundException',
          "The resource that you specified for the DestinationArn parameter doesn't exist.",
        );
      if (destination.id === source.id)
        throw new DomainError(
          'InvalidParameterValue',
          'Source queue and destination queue must be different.',
        );
      if (destination.fifo !== source.fifo)
        throw new DomainError(
          'InvalidParameterValue',
          'Source and destination queues must be of the same type.',
        );
    }
    const active = await storage.moveTasksList({ sourceQueueId: source.id, limit: 1 });
    if (active[0] && (active[0].status === 'RUNNING' || active[0].status === 'CANCELLING')) {
      throw new DomainError(
        'InvalidParameterValue',
        'There is already a task running. Only one active task is allowed for a source queue arn at a given time.',
      );
    }
    const counts = await storage.queuesCount({ id: source.id });
    const taskHandle = Buffer.from(
      JSON.stringify({ taskId: randomUUID(), sourceArn: p.sourceArn }),
    ).toString('base64');
    await storage.moveTasksCreate({
      taskHandle,
      sourceQueueId: source.id,
      sourceArn: queueArn(source.region, source.account, source.name),
      destinationArn: p.destinationArn ?? null,
      maxPerSecond: p.maxPerSecond ?? null,
      toMove: counts.visible,
    });
    return taskHandle;
  }

  async list(
    caller: QueueScope,
    p: { sourceArn: string; maxResults?: number },
  ): Promise<MoveTaskRecord[]> {
    const src = parseArn(p.sourceArn, 'SourceArn');
    const source =
      src.accountId === caller.accountId
        ? await this.deps.directory.find(src, src.name)
        : undefined;
    if (!source)
      throw new DomainError(
        'ResourceNotFoundException',
        "The resource that you specified for the SourceArn parameter doesn't exist.",
      );
    const max = p.maxResults ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > 10) {
      throw new DomainError(
        'InvalidParameterValue',
        `Value ${max} for parameter MaxResults is invalid. Reason: must be between 1 and 10.`,
      );
    }
    return this.deps.storage.moveTasksList({ sourceQueueId: source.id, limit: max });
  }

  async cancel(caller: QueueScope, taskHandle: string): Promise<MoveTaskRecord> {
    const task = await this.deps.storage.moveTasksGet({ taskHandle });
    const owner = task ? parseQueueArn(task.sourceArn)?.account : undefined;
    if (!task || owner !== caller.accountId) {
      throw new DomainError(
        'ResourceNotFoundException',
        'The specified task handle does not exist.',
      );
    }
    if (task.status !== 'RUNNING') {
      throw new DomainError(
        'InvalidParameterValue',
        `Task with handle ${taskHandle} is not running. Current status: ${task.status}.`,
      );
    }
    const updated = await this.deps.storage.moveTasksUpdate({ taskHandle, status: 'CANCELLING' });
    return updated ?? task;
  }
}
