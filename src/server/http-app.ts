/**
 * The HTTP layer (Fastify): one port for every API. It hands AWS calls to the AWS edge as raw
 * bytes (SigV4 needs the exact body), serves the unauthenticated health and readiness probes,
 * gives each request an id that is also the `x-amzn-RequestId` clients see, and logs with pino
 * without secrets (no headers, no query strings: presigned URLs carry credentials).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { DomainError } from '../core/errors/domain-error.js';
import type { AwsEdge } from '../protocols/aws/aws-edge.js';
import { renderJsonError, renderQueryError } from '../protocols/aws/render-errors.js';

export interface HttpAppOptions {
  edge: AwsEdge;
  logLevel: string;
  /** Readiness: resolves when the storage engine answers. */
  ready: () => Promise<void>;
  /** Largest request body accepted (bytes). */
  bodyLimit: number;
}

export function buildHttpApp(opts: HttpAppOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: opts.bodyLimit,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: true,
    }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    logger: {
      level: opts.logLevel,
      redact: ['req.headers.authorization', 'req.headers["x-amz-security-token"]'],
    },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get('/_switchyard/health', (_req, reply) => reply.send({ status: 'ok' }));
  app.get('/_switchyard/ready', async (_req, reply) => {
    try {
      await opts.ready();
      return { status: 'ready' };
    } catch (err) {
      return reply.code(503).send({ status: 'unavailable', reason: (err as Error).message });
    }
  });

  const handler = async (
    req: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
  ) => {
    const started = performance.now();
    const raw = {
      method: req.method,
      rawUrl: req.raw.url ?? '/',
      headers: req.headers,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      requestId: req.id,
    };
    const res = await opts.edge.handle(raw);
    const failed = res.status >= 400;
    if (failed || req.log.level === 'debug' || req.log.level === 'trace') {
      // The path only: query strings of presigned URLs carry credentials.
      const line = {
        status: res.status,
        path: raw.rawUrl.split('?')[0],
        ms: performance.now() - started,
      };
      if (failed) req.log.info(line, 'request failed');
      else req.log.debug(line, 'request');
    }
    // The edge produced the complete response: write it straight to the socket (no Fastify
    // serialization or hooks apply to it).
    reply.hijack();
    const body = typeof res.body === 'string' ? Buffer.from(res.body) : res.body;
    reply.raw.writeHead(res.status, { ...res.headers, 'content-length': body.length });
    reply.raw.end(body);
    return reply;
  };
  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'], url: '/*', handler });
  app.route({ method: ['GET', 'POST'], url: '/', handler });

  // Errors raised before our handler runs (body too large, unreadable body): rendered from the
  // error catalogue in the request's protocol shape, never Fastify's default JSON.
  app.setErrorHandler(
    (err: { statusCode?: number; code?: string; message: string }, req, reply) => {
      const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413;
      if (!tooLarge && (err.statusCode ?? 500) >= 500) req.log.error({ err }, 'unexpected error');
      const domainError = tooLarge
        ? new DomainError(
            'RequestEntityTooLarge',
            `Request body must be at most ${opts.bodyLimit} bytes.`,
          )
        : new DomainError('SerializationException', 'The request could not be read.');
      const res =
        req.headers['x-amz-target'] !== undefined
          ? renderJsonError(domainError, undefined, req.id)
          : renderQueryError(domainError, undefined, req.id);
      return reply.code(res.status).headers(res.headers).send(res.body);
    },
  );
  return app;
}
