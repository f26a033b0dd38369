/** SendMessage: one message; acknowledged only after its commit. */
import type { SqsOperation } from '../sqs-operation.js';
import {
  attributesFromWire,
  callerOf,
  optionalNumber,
  optionalString,
  queueNameOf,
} from '../sqs-wire.js';

export const sendMessage: SqsOperation = async ({ queues }, input, ctx) => {
  const delaySeconds = optionalNumber(input.DelaySeconds);
  const groupId = optionalString(input.MessageGroupId);
  const dedupId = optionalString(input.MessageDeduplicationId);
  const [outcome] = await queues.messages.send(
    callerOf(ctx),
    queueNameOf(input, ctx),
    [
      {
        body: (input.MessageBody as string | undefined) ?? '',
        attributes: attributesFromWire(input.MessageAttributes),
        systemAttributes: attributesFromWire(input.MessageSystemAttributes),
        ...(delaySeconds !== undefined ? { delaySeconds } : {}),
        ...(groupId !== undefined ? { groupId } : {}),
        ...(dedupId !== undefined ? { dedupId } : {}),
      },
    ],
    { batch: false },
  );
  if (!outcome!.ok) throw outcome!.error;
  return {
    MD5OfMessageBody: outcome!.md5OfBody,
    ...(outcome!.md5OfMessageAttributes
      ? { MD5OfMessageAttributes: outcome!.md5OfMessageAttributes }
      : {}),
    ...(outcome!.md5OfMessageSystemAttributes
      ? { MD5OfMessageSystemAttributes: outcome!.md5OfMessageSystemAttributes }
      : {}),
    MessageId: outcome!.messageId,
    ...(outcome!.sequenceNumber !== undefined ? { SequenceNumber: outcome!.sequenceNumber } : {}),
  };
};
