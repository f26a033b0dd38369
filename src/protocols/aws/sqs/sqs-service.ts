/**
 * Amazon SQS at the edge: wire metadata (AWS JSON 1.0 `AmazonSQS.*`, query/XML namespace
 * 2012-11-05, awsQueryCompatible) and the table of its 23 operations, one file each.
 */
import { loadServiceModel } from '../codecs/model.js';
import type { AwsServiceDef, BoundOperation } from '../service-def.js';
import { addPermission } from './operations/add-permission.js';
import { cancelMessageMoveTask } from './operations/cancel-message-move-task.js';
import { changeMessageVisibilityBatch } from './operations/change-message-visibility-batch.js';
import { changeMessageVisibility } from './operations/change-message-visibility.js';
import { createQueue } from './operations/create-queue.js';
import { deleteMessageBatch } from './operations/delete-message-batch.js';
import { deleteMessage } from './operations/delete-message.js';
import { deleteQueue } from './operations/delete-queue.js';
import { getQueueAttributes } from './operations/get-queue-attributes.js';
import { getQueueUrl } from './operations/get-queue-url.js';
import { listDeadLetterSourceQueues } from './operations/list-dead-letter-source-queues.js';
import { listMessageMoveTasks } from './operations/list-message-move-tasks.js';
import { listQueueTags } from './operations/list-queue-tags.js';
import { listQueues } from './operations/list-queues.js';
import { purgeQueue } from './operations/purge-queue.js';
import { receiveMessage } from './operations/receive-message.js';
import { removePermission } from './operations/remove-permission.js';
import { sendMessageBatch } from './operations/send-message-batch.js';
import { sendMessage } from './operations/send-message.js';
import { setQueueAttributes } from './operations/set-queue-attributes.js';
import { startMessageMoveTask } from './operations/start-message-move-task.js';
import { tagQueue } from './operations/tag-queue.js';
import { untagQueue } from './operations/untag-queue.js';
import type { SqsOperation, SqsServices } from './sqs-operation.js';
import { QUEUE_URL_PATH } from './sqs-wire.js';

export const SQS_OPERATIONS: Record<string, SqsOperation> = {
  AddPermission: addPermission,
  CancelMessageMoveTask: cancelMessageMoveTask,
  ChangeMessageVisibility: changeMessageVisibility,
  ChangeMessageVisibilityBatch: changeMessageVisibilityBatch,
  CreateQueue: createQueue,
  DeleteMessage: deleteMessage,
  DeleteMessageBatch: deleteMessageBatch,
  DeleteQueue: deleteQueue,
  GetQueueAttributes: getQueueAttributes,
  GetQueueUrl: getQueueUrl,
  ListDeadLetterSourceQueues: listDeadLetterSourceQueues,
  ListMessageMoveTasks: listMessageMoveTasks,
  ListQueueTags: listQueueTags,
  ListQueues: listQueues,
  PurgeQueue: purgeQueue,
  ReceiveMessage: receiveMessage,
  RemovePermission: removePermission,
  SendMessage: sendMessage,
  SendMessageBatch: sendMessageBatch,
  SetQueueAttributes: setQueueAttributes,
  StartMessageMoveTask: startMessageMoveTask,
  TagQueue: tagQueue,
  UntagQueue: untagQueue,
};

export function createSqsServiceDef(services: SqsServices): AwsServiceDef {
  const operations: Record<string, BoundOperation> = {};
  for (const [name, op] of Object.entries(SQS_OPERATIONS)) {
    operations[name] = (input, ctx) => op(services, input, ctx);
  }
  return {
    signingName: 'sqs',
    jsonTargetPrefix: 'AmazonSQS',
    jsonContentType: 'application/x-amz-json-1.0',
    jsonErrorNamespace: 'com.amazonaws.sqs',
    xmlNamespace: 'http://queue.amazonaws.com/doc/2012-11-05/',
    queryCompatible: true,
    model: loadServiceModel('sqs'),
    operations,
    ownsPath: (path) => QUEUE_URL_PATH.test(path),
    pathParameter: 'QueueUrl',
  };
}
