/**
 * Renders a DomainError in each protocol's wire shape. One catalogue, every codec:
 *  - JSON: `{"__type": "<ns>#<jsonCode>", "message": …}`, `x-amzn-ErrorType`, and for
 *    awsQueryCompatible services `x-amzn-query-error: <queryCode>;<fault>` (botocore reports
 *    that legacy code; the JS SDK the shape name).
 *  - query: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
import type { DomainError } from '../../core/errors/domain-error.js';
import { encodeQueryError } from './codecs/xml-encode.js';
import type { AwsServiceDef } from './service-def.js';
import type { EdgeResponse } from './types.js';

export function renderJsonError(
  err: DomainError,
  service: AwsServiceDef | undefined,
  requestId: string,
): EdgeResponse {
  const spec = err.spec;
  const namespace = spec.jsonNamespace ?? service?.jsonErrorNamespace ?? 'com.amazon.coral.service';
  const headers: Record<string, string> = {
    'content-type': service?.jsonContentType ?? 'application/x-amz-json-1.0',
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': spec.jsonCode,
  };
  if (service?.queryCompatible !== false) {
    headers['x-amzn-query-error'] = `${spec.queryCode};${spec.fault}`;
  }
  return {
    status: spec.status,
    headers,
    body: JSON.stringify({ __type: `${namespace}#${spec.jsonCode}`, message: err.message }),
  };
}

export function renderQueryError(
  err: DomainError,
  service: AwsServiceDef | undefined,
  requestId: string,
): EdgeResponse {
  const spec = err.spec;
  const xmlns = service?.xmlNamespace ?? 'http://queue.amazonaws.com/doc/2012-11-05/';
  return {
    status: spec.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: encodeQueryError(
      { code: spec.queryCode, message: err.message, fault: spec.fault },
      requestId,
      xmlns,
    ),
  };
}
