/**
 * An AWS service as the edge sees it: its wire metadata, its model (for decoding and encoding)
 * and its operation handlers, already bound to the core services they call.
 */
import type { ServiceModel } from './codecs/model.js';
import type { OperationContext } from './types.js';

export type BoundOperation = (
  input: Record<string, unknown>,
  ctx: OperationContext,
) => Promise<Record<string, unknown> | undefined>;

export interface AwsServiceDef {
  /** SigV4 signing name, also the credential-scope service that routes query requests. */
  signingName: string;
  /** `X-Amz-Target` prefix of the JSON protocol, e.g. `AmazonSQS`. */
  jsonTargetPrefix?: string;
  /** `application/x-amz-json-1.0` or `-1.1`. */
  jsonContentType?: string;
  /** Namespace of JSON error `__type`s, e.g. `com.amazonaws.sqs`. */
  jsonErrorNamespace: string;
  /** Query/XML namespace. */
  xmlNamespace: string;
  /** Sends `x-amzn-query-error` on JSON errors (awsQueryCompatible services). */
  queryCompatible: boolean;
  model: ServiceModel;
  operations: Record<string, BoundOperation>;
  /** Query requests without a credential scope may be routed by path (SQS queue URLs). */
  ownsPath?: (path: string) => boolean;
  /** Input member a query request's own path supplies when absent (SQS: QueueUrl). */
  pathParameter?: string;
}
