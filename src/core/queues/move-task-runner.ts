/**
 * Advances message move tasks in the background: each tick moves from the dead-letter queue
 * what the task's rate (MaxNumberOfMessagesPerSecond, or a default pace) allows since the last
 * tick, completes the task when nothing is left, and turns CANCELLING into CANCELLED. All
 * progress is in storage, so a restart resumes where it stopped. (Multi-node: runs on the lease
 * holder only.)
 */
import type { MoveTaskRecord, Storage } from '../ports/storage.js';
import { PeriodicJob } from '../periodic-job.js';
import { parseQueueArn } from './queue-name.js';
import type { QueueService } from './queue-service.js';

/** Messages per second when the task sets no rate ("system optimized"). */
const DEFAULT_RATE = 500;
const TICK_MS = 200;

interface Logger {
  error(obj: object, msg: string): void;
}

export class MoveTaskRunner {
  private readonly job: PeriodicJob;
  /**
   * Rate budget per active task (messages it may move now): grows by rate × elapsed time, at most
   * one second's worth, starts at one tick's worth (at least one message). In memory only: a
   * restart resumes at the rate.
   */
  private readonly budget = new Map<string, { messages: number; at: number }>();

  constructor(private readonly deps: { storage: Storage; queues: QueueService; logger: Logger }) {
    this.job = new PeriodicJob('message move tick', TICK_MS, () => this.tick(), deps.logger);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass over active tasks (exposed for tests). */
  async tick(): Promise<void> {
    const tasks = await this.deps.storage.moveTasksActive({ limit: 100 });
    const active = new Set(tasks.map((t) => t.taskHandle));
    for (const handle of this.budget.keys()) if (!active.has(handle)) this.budget.delete(handle);
    for (const task of tasks) await this.advance(task);
  }

  /** Whole messages the task may move now, by its rate (MaxNumberOfMessagesPerSecond). */
  private allowance(task: MoveTaskRecord): number {
    const rate = task.maxPerSecond ?? DEFAULT_RATE;
    const now = performance.now();
    const b = this.budget.get(task.taskHandle) ?? {
      messages: Math.max(1, (rate * TICK_MS) / 1000),
      at: now,
    };
    b.messages = Math.min(Math.max(rate, 1), b.messages + ((now - b.at) * rate) / 1000);
    b.at = now;
    this.budget.set(task.taskHandle, b);
    return Math.floor(b.messages);
  }

  private async advance(task: MoveTaskRecord): Promise<void> {
    const { storage, queues } = this.deps;
    if (task.status === 'CANCELLING') {
      await storage.moveTasksUpdate({ taskHandle: task.taskHandle, status: 'CANCELLED' });
      return;
    }
    let destinationQueueId: number | undefined;
    if (task.destinationArn !== null) {
      const arn = parseQueueArn(task.destinationArn);
      const dst = arn
        ? await queues.directory.find({ region: arn.region, accountId: arn.account }, arn.name)
        : undefined;
      if (!dst) {
        await storage.moveTasksUpdate({
          taskHandle: task.taskHandle,
          status: 'FAILED',
          failureReason: 'AWS.SimpleQueueService.NonExistentQueue',
        });
        return;
      }
      destinationQueueId = dst.id;
    }
    const source = await storage.queuesGetById({ id: task.sourceQueueId });
    if (!source) {
      await storage.moveTasksUpdate({
        taskHandle: task.taskHandle,
        status: 'FAILED',
        failureReason: 'AWS.SimpleQueueService.NonExistentQueue',
      });
      return;
    }
    const limit = this.allowance(task);
    if (limit === 0) return;
    const result = await storage.messagesMove({
      sourceQueueId: task.sourceQueueId,
      ...(destinationQueueId !== undefined ? { destinationQueueId } : {}),
      limit,
    });
    this.budget.get(task.taskHandle)!.messages -= result.moved;
    if (result.moved > 0)
      await storage.moveTasksUpdate({ taskHandle: task.taskHandle, movedDelta: result.moved });
    if (result.unmovable) {
      await storage.moveTasksUpdate({
        taskHandle: task.taskHandle,
        status: 'FAILED',
        failureReason: result.unmovable.reason,
      });
    } else if (result.moved < limit) {
      const counts = await storage.queuesCount({ id: task.sourceQueueId });
      if (counts.visible === 0)
        await storage.moveTasksUpdate({ taskHandle: task.taskHandle, status: 'COMPLETED' });
    }
  }
}
