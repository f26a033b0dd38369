/**
 * Shared domain types of the queues core: message attributes as the service stores and returns
 * them, and the slightly wider input shape the protocol edge may hand in (AWS reserves list
 * values in its model but rejects them, so the edge passes them through for us to reject).
 */

export interface MessageAttributeValue {
  dataType: string;
  stringValue?: string;
  binaryValue?: Uint8Array;
}

export type MessageAttributes = Record<string, MessageAttributeValue>;

/** A message attribute as a request carries it, before validation. */
export interface MessageAttributeInput extends MessageAttributeValue {
  stringListValues?: string[];
  binaryListValues?: Uint8Array[];
}

export type MessageAttributeInputs = Record<string, MessageAttributeInput>;

/** The queue facts every message rule depends on. */
export interface QueueKind {
  fifo: boolean;
}
