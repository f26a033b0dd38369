/**
 * The AWS protocol edge: one entry point for every AWS-compatible API on the port.
 *
 * Dispatch (AWS-PROTOCOLS.md): `X-Amz-Target` picks a JSON service and operation; otherwise a
 * form body or query string with `Action` is the query protocol, whose service is the SigV4
 * credential scope's (SQS and SNS share action names), then the path (SQS queue URLs). The
 * caller is authenticated before the body is decoded. Every failure becomes a DomainError
 * rendered in the protocol's error shape; anything unexpected is an InternalFailure (logged).
 */
import { DomainError, isDomainError } from '../../core/errors/domain-error.js';
import { authenticate, type AuthConfig } from './authenticate.js';
import { decodeQueryInput } from './codecs/query-decode.js';
import { encodeJsonOutput, validateJsonInput } from './codecs/json-validate.js';
import { encodeQueryResponse } from './codecs/xml-encode.js';
import { renderJsonError, renderQueryError } from './render-errors.js';
import type { AwsServiceDef } from './service-def.js';
import { peekCredentialScope } from './sigv4/verify.js';
import type { Caller, EdgeResponse, OperationContext, RawRequest } from './types.js';

export interface EdgeOptions {
  services: AwsServiceDef[];
  auth: AuthConfig;
  signal: AbortSignal;
  /** Called with unexpected (non-domain) errors, for logging. */
  onInternalError: (err: unknown, req: RawRequest) => void;
}

type Route =
  | { protocol: 'json'; service: AwsServiceDef | undefined; operation: string }
  | { protocol: 'query'; service: AwsServiceDef | undefined; params: URLSearchParams };

function header(req: RawRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function splitUrl(rawUrl: string): { path: string; query: string } {
  const q = rawUrl.indexOf('?');
  return q < 0
    ? { path: rawUrl, query: '' }
    : { path: rawUrl.slice(0, q), query: rawUrl.slice(q + 1) };
}

export class AwsEdge {
  private readonly byTarget = new Map<string, AwsServiceDef>();
  private readonly bySigningName = new Map<string, AwsServiceDef>();

  constructor(private readonly opts: EdgeOptions) {
    for (const s of opts.services) {
      if (s.jsonTargetPrefix) this.byTarget.set(s.jsonTargetPrefix, s);
      this.bySigningName.set(s.signingName, s);
    }
  }

  async handle(req: RawRequest): Promise<EdgeResponse> {
    let route: Route | undefined;
    try {
      route = this.route(req);
      if (route.protocol === 'json')
        return await this.handleJson(req, route.service, route.operation);
      return await this.handleQuery(req, route.service, route.params);
    } catch (err) {
      const domainErr = this.toDomainError(err, req);
      const service = route?.service;
      const json = route ? route.protocol === 'json' : header(req, 'x-amz-target') !== undefined;
      return json
        ? renderJsonError(domainErr, service, req.requestId)
        : renderQueryError(domainErr, service, req.requestId);
    }
  }

  private route(req: RawRequest): Route {
    const target = header(req, 'x-amz-target');
    if (target !== undefined) {
      const dot = target.lastIndexOf('.');
      const service = dot > 0 ? this.byTarget.get(target.slice(0, dot)) : undefined;
      const operation = dot > 0 ? target.slice(dot + 1) : '';
      if (!service || !Object.hasOwn(service.operations, operation)) {
        return { protocol: 'json', service, operation: '' };
      }
      return { protocol: 'json', service, operation };
    }
    const { path, query } = splitUrl(req.rawUrl);
    const params = new URLSearchParams(query);
    const contentType = header(req, 'content-type') ?? '';
    if (req.body.length > 0) {
      if (!contentType.startsWith('application/x-www-form-urlencoded')) {
        return { protocol: 'query', service: undefined, params };
      }
      for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params.append(k, v);
    }
    const scope = peekCredentialScope(req);
    let service = scope ? this.bySigningName.get(scope.service) : undefined;
    if (!service) service = this.opts.services.find((s) => s.ownsPath?.(path));
    if (!service && this.opts.services.length === 1) service = this.opts.services[0];
    return { protocol: 'query', service, params };
  }

  private async handleJson(
    req: RawRequest,
    service: AwsServiceDef | undefined,
    operation: string,
  ): Promise<EdgeResponse> {
    if (!service)
      throw new DomainError(
        'InvalidAction',
        'The action or operation requested is invalid. Verify that the action is typed correctly.',
      );
    const caller = authenticate(req, service.signingName, this.opts.auth);
    const handler = operation ? service.operations[operation] : undefined;
    if (!handler)
      throw new DomainError(
        'InvalidAction',
        'The action or operation requested is invalid. Verify that the action is typed correctly.',
      );
    let body: unknown;
    try {
      body = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
    } catch {
      throw new DomainError('SerializationException', 'The request body is not valid JSON.');
    }
    const input = validateJsonInput(service.model, operation, body);
    const output = await handler(input, this.context(req, caller));
    return {
      status: 200,
      headers: {
        'content-type': service.jsonContentType ?? 'application/x-amz-json-1.0',
        'x-amzn-requestid': req.requestId,
      },
      body: encodeJsonOutput(service.model, operation, output ?? {}),
    };
  }

  private async handleQuery(
    req: RawRequest,
    service: AwsServiceDef | undefined,
    params: URLSearchParams,
  ): Promise<EdgeResponse> {
    if (!service) {
      if (header(req, 'authorization') === undefined && !params.has('X-Amz-Signature')) {
        throw new DomainError('MissingAuthenticationToken');
      }
      throw new DomainError(
        'InvalidAction',
        'The action or operation requested is invalid. Verify that the action is typed correctly.',
      );
    }
    const caller = authenticate(req, service.signingName, this.opts.auth);
    const action = params.get('Action');
    if (!action)
      throw new DomainError('MissingParameter', 'The request must contain the parameter Action.');
    const handler = Object.hasOwn(service.operations, action)
      ? service.operations[action]
      : undefined;
    if (!handler) {
      throw new DomainError(
        'InvalidAction',
        `The action ${action} is not valid for this web service.`,
      );
    }
    const path = splitUrl(req.rawUrl).path;
    if (service.pathParameter && !params.has(service.pathParameter) && service.ownsPath?.(path)) {
      params.set(service.pathParameter, path);
    }
    const input = decodeQueryInput(service.model, action, params);
    const output = await handler(input, this.context(req, caller));
    return {
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
      body: encodeQueryResponse(service.model, action, output, req.requestId),
    };
  }

  private context(req: RawRequest, caller: Caller): OperationContext {
    return {
      caller,
      requestId: req.requestId,
      path: splitUrl(req.rawUrl).path,
      signal: this.opts.signal,
    };
  }

  private toDomainError(err: unknown, req: RawRequest): DomainError {
    if (isDomainError(err)) return err;
    this.opts.onInternalError(err, req);
    return new DomainError('InternalFailure');
  }
}
