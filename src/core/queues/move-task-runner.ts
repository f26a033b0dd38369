/**
 * Advances message move tasks in the background: each tick moves at most the task's rate
 * (MaxNumberOfMessagesPerSecond, or a default pace) from the dead-letter queue, completes the
 * task when nothing is left, and turns CANCELLING into CANCELLED. All progress is in storage,
 * so a restart resumes where it stopped. (Multi-node: runs on the lease holder only.)
 */
import type { MoveTaskRecord, Storage } from '../ports/storage.js';
import type { QueueService } from './queue-service.js';

/** Messages per second when the task sets no rate ("system optimized"). */
const DEFAULT_RATE = 500;
const TICK_MS = 200;

interface Logger {
  error(obj: object, msg: string): void;
}

export class MoveTaskRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: { storage: Storage; queues: QueueService; logger: Logger }) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'message move tick failed'))
        .finally(() => (this.running = undefined));
    }, TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over active tasks (exposed for tests). */
  async tick(): Promise<void> {
    const tasks = await this.deps.storage.moveTasksActive({ limit: 100 });
    for (const task of tasks) await this.advance(task);
  }

  private async advance(task: MoveTaskRecord): Promise<void> {
    const { storage, queues } = this.deps;
    if (task.status === 'CANCELLING') {
      await storage.moveTasksUpdate({ taskHandle: task.taskHandle, status: 'CANCELLED' });
      return;
    }
    let destinationQueueId: number | undefined;
    if (task.destinationArn !== null) {
      const m = /^arn:aws:sqs:([^:]+):(\d{12}):([^:]+)$/.exec(task.destinationArn);
      const dst = m ? await queues.directory.find({ region: m[1]!, accountId: m[2]! }, m[3]!) : undefined;
      if (!dst) {
        await storage.moveTasksUpdate({ taskHandle: task.taskHandle, status: 'FAILED', failureReason: 'AWS.SimpleQueueService.NonExistentQueue' });
        return;
      }
      destinationQueueId = dst.id;
    }
    const source = await storage.queuesGetById({ id: task.sourceQueueId });
    if (!source) {
      await storage.moveTasksUpdate({ taskHandle: task.taskHandle, status: 'FAILED', failureReason: 'AWS.SimpleQueueService.NonExistentQueue' });
      return;
    }
    const limit = Math.max(1, Math.floor(((task.maxPerSecond ?? DEFAULT_RATE) * TICK_MS) / 1000));
    const result = await storage.messagesMove({
      sourceQueueId: task.sourceQueueId,
      ...(destinationQueueId !== undefined ? { destinationQueueId } : {}),
      limit,
    });
    if (result.moved > 0) await storage.moveTasksUpdate({ taskHandle: task.taskHandle, movedDelta: result.moved });
    if (result.unmovable) {
      await storage.moveTasksUpdate({ taskHandle: task.taskHandle, status: 'FAILED', failureReason: result.unmovable.reason });
    } else if (result.moved < limit) {
      const counts = await storage.queuesCount({ id: task.sourceQueueId });
      if (counts.visible === 0) await storage.moveTasksUpdate({ taskHandle: task.taskHandle, status: 'COMPLETED' });
    }
  }
}
