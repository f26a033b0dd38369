/**
 * A tiny HTTP proxy for the doctor tests: forwards every request to an upstream endpoint and
 * records the operation each one named (X-Amz-Target, or the query/form Action). A `deny`
 * predicate answers chosen operations with an AccessDenied error instead of forwarding them.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';

export interface RecordedCall {
  operation: string;
  body: string;
}

export interface RecordingProxy {
  url: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

function operationOf(headers: IncomingHttpHeaders, url: string, body: string): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? target;
  const params = new URLSearchParams(url.split('?')[1] ?? '');
  if (params.has('Action')) return params.get('Action') ?? '';
  if (String(headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
    return new URLSearchParams(body).get('Action') ?? '(none)';
  }
  // smithy-rpc-v2-cbor puts the operation in the path: /service/X/operation/Op
  const m = /\/operation\/([A-Za-z]+)/.exec(url);
  return m?.[1] ?? '(unknown)';
}

export async function startRecordingProxy(
  upstream: string,
  deny: (call: RecordedCall) => boolean = () => false,
): Promise<RecordingProxy> {
  const up = new URL(upstream);
  const calls: RecordedCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const call = {
        operation: operationOf(req.headers, req.url ?? '/', body.toString('utf8')),
        body: body.toString('utf8'),
      };
      calls.push(call);
      if (deny(call)) {
        const json = typeof req.headers['x-amz-target'] === 'string';
        res.writeHead(403, { 'content-type': json ? 'application/x-amz-json-1.1' : 'text/xml' });
        res.end(
          json
            ? JSON.stringify({ __type: 'AccessDeniedException', message: 'denied by test proxy' })
            : '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>denied by test proxy</Message></Error><RequestId>1</RequestId></ErrorResponse>',
        );
        return;
      }
      const fwd = request(
        {
          host: up.hostname,
          port: up.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
      );
      fwd.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      fwd.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
