/**
 * The error catalogue: every error Switchyard can return, as data.
 *
 * Each entry gives the HTTP status, the code query/XML clients see (`queryCode`, which is also
 * what botocore reports for awsQueryCompatible JSON services through `x-amzn-query-error`),
 * the code JSON clients see (`jsonCode`, the shape name the JS SDK maps to an exception class),
 * the fault side, a default message and a description for docs/errors.md, which is generated
 * from this file (`npm run docs:errors`; a test checks the two agree).
 *
 * `jsonNamespace` overrides the service namespace of the JSON `__type` where AWS uses a shared
 * one (the authentication errors come from `com.amazon.coral.service`).
 */

export interface ErrorSpec {
  status: number;
  queryCode: string;
  jsonCode: string;
  jsonNamespace?: string;
  fault: 'Sender' | 'Receiver';
  message: string;
  description: string;
}

const sender = (
  status: number,
  queryCode: string,
  jsonCode: string,
  message: string,
  description: string,
  jsonNamespace?: string,
): ErrorSpec => ({
  status,
  queryCode,
  jsonCode,
  fault: 'Sender',
  message,
  description,
  ...(jsonNamespace ? { jsonNamespace } : {}),
});

const CORAL = 'com.amazon.coral.service';

export const ERRORS = {
  // ── authentication (SigV4) ──
  MissingAuthenticationToken: sender(
    403,
    'MissingAuthenticationToken',
    'MissingAuthenticationTokenException',
    'Request is missing Authentication Token',
    'The request carries neither an Authorization header nor presigned query parameters.',
    CORAL,
  ),
  IncompleteSignature: sender(
    400,
    'IncompleteSignature',
    'IncompleteSignatureException',
    'The request signature does not conform to AWS standards.',
    'The Authorization header or presigned parameters are malformed or incomplete.',
    CORAL,
  ),
  InvalidClientTokenId: sender(
    403,
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
    'The access key id is not one of the configured credentials.',
    CORAL,
  ),
  SignatureDoesNotMatch: sender(
    403,
    'SignatureDoesNotMatch',
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    'The signature, the signed content, the body hash or the credential scope is wrong.',
    CORAL,
  ),
  RequestExpired: sender(
    400,
    'RequestExpired',
    'InvalidSignatureException',
    'Request has expired.',
    'The request date is more than 5 minutes away from the server clock, or a presigned URL has expired.',
    CORAL,
  ),
  AccessDenied: sender(
    403,
    'AccessDenied',
    'AccessDeniedException',
    'Access to the resource is denied.',
    'The caller may not perform this action on this resource.',
    CORAL,
  ),

  // ── generic request errors ──
  InvalidAction: sender(
    400,
    'InvalidAction',
    'UnknownOperationException',
    'The action or operation requested is invalid. Verify that the action is typed correctly.',
    'Unknown action, target or operation.',
    CORAL,
  ),
  MissingParameter: sender(
    400,
    'MissingParameter',
    'MissingParameter',
    'A required parameter is missing.',
    'A required parameter of the operation was not supplied.',
  ),
  InvalidParameterValue: sender(
    400,
    'InvalidParameterValue',
    'InvalidParameterValue',
    'An invalid or out-of-range value was supplied for the input parameter.',
    'A parameter has a value outside its allowed range or form.',
  ),
  InvalidQueryParameter: sender(
    400,
    'InvalidQueryParameter',
    'InvalidQueryParameter',
    'The AWS query string is malformed or does not adhere to AWS standards.',
    'A list or map parameter of the query is malformed (index 0, a non-numeric index, a value on the list name itself).',
  ),
  SerializationException: sender(
    400,
    'SerializationException',
    'SerializationException',
    'The request body could not be parsed.',
    'The JSON, form or CBOR body is malformed or a member has the wrong type.',
    CORAL,
  ),
  RequestEntityTooLarge: sender(
    413,
    'RequestEntityTooLarge',
    'RequestEntityTooLarge',
    'Request body is too large.',
    'The request body exceeds the largest request the server accepts.',
  ),
  UnsupportedOperation: sender(
    400,
    'AWS.SimpleQueueService.UnsupportedOperation',
    'UnsupportedOperation',
    'Error code 400. Unsupported operation.',
    'The operation is recognised but Switchyard does not support it; docs/compat lists why.',
  ),
  ServiceUnavailable: {
    status: 503,
    queryCode: 'ServiceUnavailable',
    jsonCode: 'ServiceUnavailable',
    jsonNamespace: CORAL,
    fault: 'Receiver',
    message: 'Service is unable to handle request.',
    description: 'The storage engine is unavailable or shutting down; the request may be retried.',
  } satisfies ErrorSpec,
  InternalFailure: {
    status: 500,
    queryCode: 'InternalFailure',
    jsonCode: 'InternalFailure',
    jsonNamespace: CORAL,
    fault: 'Receiver',
    message: 'The request processing has failed because of an unknown error, exception or failure.',
    description: 'A bug: the server failed unexpectedly. Logged with the request id.',
  } satisfies ErrorSpec,

  // ── Amazon SQS ──
  QueueDoesNotExist: sender(
    400,
    'AWS.SimpleQueueService.NonExistentQueue',
    'QueueDoesNotExist',
    'The specified queue does not exist.',
    'No queue with that name or URL exists in this account and region.',
  ),
  QueueNameExists: sender(
    400,
    'QueueAlreadyExists',
    'QueueNameExists',
    'A queue already exists with the same name and a different value for attribute(s).',
    'CreateQueue named an existing queue with different attributes or tags.',
  ),
  QueueDeletedRecently: sender(
    400,
    'AWS.SimpleQueueService.QueueDeletedRecently',
    'QueueDeletedRecently',
    'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
    'A queue of this name was deleted less than 60 seconds ago.',
  ),
  InvalidAttributeName: sender(
    400,
    'InvalidAttributeName',
    'InvalidAttributeName',
    'Unknown Attribute.',
    'An attribute name is not one SQS knows.',
  ),
  InvalidAttributeValue: sender(
    400,
    'InvalidAttributeValue',
    'InvalidAttributeValue',
    'Invalid value for the parameter.',
    'A queue attribute has a value outside its allowed range or form.',
  ),
  InvalidMessageContents: sender(
    400,
    'InvalidMessageContents',
    'InvalidMessageContents',
    'Invalid characters found.',
    'The message body holds characters outside the allowed Unicode set.',
  ),
  InvalidIdFormat: sender(
    400,
    'InvalidIdFormat',
    'InvalidIdFormat',
    'The specified receipt handle is not valid for the current version.',
    'A receipt handle or id has an invalid form.',
  ),
  ReceiptHandleIsInvalid: sender(
    404,
    'ReceiptHandleIsInvalid',
    'ReceiptHandleIsInvalid',
    'The input receipt handle is invalid.',
    'The receipt handle is not one Switchyard issued for this queue.',
  ),
  MessageNotInflight: sender(
    400,
    'AWS.SimpleQueueService.MessageNotInflight',
    'MessageNotInflight',
    'The message referred to is not in flight.',
    'ChangeMessageVisibility named a message that is not in flight.',
  ),
  OverLimit: sender(
    403,
    'OverLimit',
    'OverLimit',
    'The specified action violates a limit.',
    'A limit was reached: in-flight messages, tags, permissions or message move tasks.',
  ),
  PurgeQueueInProgress: sender(
    403,
    'AWS.SimpleQueueService.PurgeQueueInProgress',
    'PurgeQueueInProgress',
    'Only one PurgeQueue operation on the queue is allowed every 60 seconds.',
    'The queue was purged less than 60 seconds ago.',
  ),
  EmptyBatchRequest: sender(
    400,
    'AWS.SimpleQueueService.EmptyBatchRequest',
    'EmptyBatchRequest',
    'There should be at least one entry in the request.',
    'A batch request holds no entries.',
  ),
  TooManyEntriesInBatchRequest: sender(
    400,
    'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    'TooManyEntriesInBatchRequest',
    'Maximum number of entries per request are 10.',
    'A batch request holds more than 10 entries.',
  ),
  BatchEntryIdsNotDistinct: sender(
    400,
    'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
    'BatchEntryIdsNotDistinct',
    'Two or more batch entries in the request have the same Id.',
    'Batch entry ids repeat.',
  ),
  InvalidBatchEntryId: sender(
    400,
    'AWS.SimpleQueueService.InvalidBatchEntryId',
    'InvalidBatchEntryId',
    'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
    'A batch entry id has an invalid form.',
  ),
  BatchRequestTooLong: sender(
    400,
    'AWS.SimpleQueueService.BatchRequestTooLong',
    'BatchRequestTooLong',
    'Batch requests cannot be longer than 1048576 bytes.',
    'The messages of a batch together exceed the 1 MiB limit.',
  ),
  ResourceNotFoundException: sender(
    404,
    'ResourceNotFoundException',
    'ResourceNotFoundException',
    'The specified resource does not exist.',
    'A message move task or other resource named in the request does not exist.',
  ),
  KmsNotFound: sender(
    400,
    'KMS.NotFoundException',
    'KmsNotFound',
    'The request was rejected because the specified entity or resource could not be found.',
    'The KMS key named by KmsMasterKeyId does not exist (customer-managed keys arrive with the keys service).',
  ),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorId = keyof typeof ERRORS;
