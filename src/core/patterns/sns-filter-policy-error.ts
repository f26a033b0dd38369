/**
 * InvalidFilterPolicyError: thrown by the SNS filter-policy parser for any policy it rejects.
 * `reason` is the text AWS puts after its field prefix (for example "Filter policy is too
 * complex"); `message` is the full text SetSubscriptionAttributes returns ("Invalid parameter:
 * FilterPolicy: …"). Subscribe wraps the same reason differently ("Invalid parameter:
 * Attributes Reason: FilterPolicy: …"): `messageFor` renders either. A few reasons are not
 * about the FilterPolicy field itself (`field` is null), e.g. a nested policy in the
 * MessageAttributes scope. The protocol edge maps this class to the `InvalidParameter` error
 * code (HTTP 400, Sender fault); the core knows no wire names. AWS also appends a Jackson
 * parser location ("\n at [Source: …; line: 1, column: N]") to some reasons; we do not.
 */
export const INVALID_PARAMETER_PREFIX = 'Invalid parameter: ';

/** The API call whose wording the message follows. */
export type FilterPolicyOperation = 'Subscribe' | 'SetSubscriptionAttributes';

export class InvalidFilterPolicyError extends Error {
  readonly reason: string;
  /** 'FilterPolicy' for reasons AWS prefixes with the field name; null otherwise. */
  readonly field: 'FilterPolicy' | null;

  constructor(reason: string, field: 'FilterPolicy' | null = 'FilterPolicy') {
    super(renderMessage(reason, field, 'SetSubscriptionAttributes'));
    this.name = 'InvalidFilterPolicyError';
    this.reason = reason;
    this.field = field;
  }

  /** The message as the given API call words it. */
  messageFor(operation: FilterPolicyOperation): string {
    return renderMessage(this.reason, this.field, operation);
  }
}

function renderMessage(
  reason: string,
  field: 'FilterPolicy' | null,
  operation: FilterPolicyOperation,
): string {
  const attributes = operation === 'Subscribe' ? 'Attributes Reason: ' : '';
  const prefix = field === null ? '' : `${field}: `;
  return `${INVALID_PARAMETER_PREFIX}${attributes}${prefix}${reason}`;
}

export function isInvalidFilterPolicyError(e: unknown): e is InvalidFilterPolicyError {
  return e instanceof InvalidFilterPolicyError;
}
