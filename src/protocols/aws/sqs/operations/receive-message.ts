/** ReceiveMessage: up to 10 messages, long polling up to 20 s, dead-letter redrive on the way. */
import type { SqsOperation } from '../sqs-operation.js';
import {
  attributesToWire,
  callerOf,
  optionalNumber,
  optionalString,
  queueNameOf,
  stringList,
} from '../sqs-wire.js';

export const receiveMessage: SqsOperation = async ({ queues }, input, ctx) => {
  const max = optionalNumber(input.MaxNumberOfMessages);
  const visibilityTimeout = optionalNumber(input.VisibilityTimeout);
  const waitTimeSeconds = optionalNumber(input.WaitTimeSeconds);
  const attemptId = optionalString(input.ReceiveRequestAttemptId);
  const messages = await queues.messages.receive(
    callerOf(ctx),
    queueNameOf(input, ctx),
    {
      ...(max !== undefined ? { max } : {}),
      ...(visibilityTimeout !== undefined ? { visibilityTimeout } : {}),
      ...(waitTimeSeconds !== undefined ? { waitTimeSeconds } : {}),
      ...(attemptId !== undefined ? { attemptId } : {}),
      // The older AttributeNames and the newer MessageSystemAttributeNames mean the same.
      systemAttributeNames: [
        ...stringList(input.AttributeNames),
        ...stringList(input.MessageSystemAttributeNames),
      ],
      messageAttributeNames: stringList(input.MessageAttributeNames),
    },
    ctx.signal,
  );
  if (messages.length === 0) return {};
  return {
    Messages: messages.map((m) => ({
      MessageId: m.messageId,
      ReceiptHandle: m.receiptHandle,
      MD5OfBody: m.md5OfBody,
      Body: m.body,
      ...(Object.keys(m.attributes).length > 0 ? { Attributes: m.attributes } : {}),
      ...(m.md5OfMessageAttributes ? { MD5OfMessageAttributes: m.md5OfMessageAttributes } : {}),
      ...(Object.keys(m.messageAttributes).length > 0
        ? { MessageAttributes: attributesToWire(m.messageAttributes) }
        : {}),
    })),
  };
};
