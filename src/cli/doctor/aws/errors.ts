/**
 * Turns whatever an SDK call threw into one of the failure kinds the report speaks of, with a
 * one-line message and never a stack trace.
 *
 * - unreachable: the connection failed (refused, DNS, timeout, TLS).
 * - credentials: none found, or the endpoint rejected them (bad key, bad signature, expired).
 * - denied: the caller is authenticated but not allowed (AccessDenied, AuthorizationError).
 * - unavailable: the endpoint does not implement the service or operation — unknown target
 *   or action, a signature scoped to a service the endpoint does not serve, 404/501, or an
 *   answer that is not the service's protocol at all (an HTML error page).
 * - error: anything else.
 */
import type { FailureKind } from '../inventory/inventory.js';

export interface ClassifiedError {
  kind: FailureKind;
  message: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

const CREDENTIAL_ERRORS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidAccessKeyId',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
  'TokenProviderError',
]);

const DENIED_ERRORS = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'UnauthorizedOperation',
  'NotAuthorized',
  'KMSAccessDeniedException',
]);

const UNAVAILABLE_ERRORS = new Set([
  'UnknownOperationException',
  'InvalidAction',
  'UnsupportedOperation',
  'UnsupportedOperationException',
  'NotImplemented',
  'InvalidQueryParameter',
]);

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}

export function classifyError(err: unknown): ClassifiedError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkLikeError;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = typeof e.code === 'string' ? e.code : typeof e.Code === 'string' ? e.Code : '';
  let message = typeof e.message === 'string' ? firstLine(e.message) : String(err);
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;

  // AggregateError (e.g. IPv4 and IPv6 both refused) carries the codes in `errors`.
  const nested = Array.isArray(e.errors) ? (e.errors as SdkLikeError[]) : [];
  const netCode = [code, ...nested.map((n) => (typeof n.code === 'string' ? n.code : ''))].find(
    (c) => NETWORK_CODES.has(c),
  );
  if (netCode || name === 'TimeoutError' || /socket hang up|timed? ?out/i.test(message)) {
    if (!message || message === 'AggregateError') message = netCode ?? 'connection failed';
    return { kind: 'unreachable', message: `cannot connect: ${message}` };
  }
  if (/scoped to correct service/i.test(message)) {
    return { kind: 'unavailable', message: `endpoint does not serve this API (${message})` };
  }
  if (CREDENTIAL_ERRORS.has(name) || CREDENTIAL_ERRORS.has(code) || /credential/i.test(name)) {
    return { kind: 'credentials', message: `credentials rejected: ${name}: ${message}` };
  }
  if (DENIED_ERRORS.has(name) || DENIED_ERRORS.has(code) || status === 403) {
    return { kind: 'denied', message: `access denied: ${message}` };
  }
  if (
    UNAVAILABLE_ERRORS.has(name) ||
    UNAVAILABLE_ERRORS.has(code) ||
    status === 404 ||
    status === 501 ||
    /not (yet )?implemented/i.test(message) ||
    // A response that is not the service's wire format (an HTML page, a 500 from a stub).
    (name === 'SyntaxError' && /Deserialization error/i.test(String(e.message)))
  ) {
    return { kind: 'unavailable', message: `not implemented at endpoint (${name}: ${message})` };
  }
  return {
    kind: 'error',
    message: `${name}${status ? ` (HTTP ${status})` : ''}: ${message}`,
  };
}
