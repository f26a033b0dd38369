/**
 * The baseline for the SendMessage requests/s figure: a bare `node:http` server (run as its
 * own child process, like the server under test) that reads each request body in full and
 * answers with a fixed response — the bytes Switchyard returned for the same SendMessage, with
 * the same headers and a fresh request id — and does nothing else. It is the ceiling for any
 * Node HTTP server on this machine with this load generator.
 *
 *   node --import tsx bench/lib/bare-server.ts PORT   (response in env BENCH_BARE_RESPONSE, JSON)
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';

interface CannedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const port = Number(process.argv[2]);
const canned = JSON.parse(process.env.BENCH_BARE_RESPONSE ?? '{}') as CannedResponse;
const body = Buffer.from(canned.body ?? '');
const headers = { ...canned.headers, 'content-length': String(body.length) };

const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(canned.status ?? 200, { ...headers, 'x-amzn-requestid': randomUUID() });
    res.end(body);
  });
});
server.listen(port, '127.0.0.1');

const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
