/**
 * End to end over real HTTP: a Node server hands `req.url`, `req.headers` and the body to
 * verifySigV4, exactly as the protocol edge will. Clients: the AWS SDK v3 SQS client, a
 * presigned URL, and raw requests signed by sign.ts carrying non-ASCII header bytes.
 */
import { GetQueueUrlCommand, SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors/domain-error.js';
import { signRequest } from '../../src/protocols/aws/sigv4/sign.js';
import { type VerifiedCaller, verifySigV4 } from '../../src/protocols/aws/sigv4/verify.js';
import { ACCOUNT, AKID, SECRET, lookup, signer, httpRequest, wireQuery } from './helpers.js';

let server: http.Server;
let port: number;
const results: (VerifiedCaller | string)[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        results.push(
          verifySigV4(
            {
              method: req.method ?? '',
              rawUrl: req.url ?? '',
              headers: req.headers,
              body: Buffer.concat(chunks),
            },
            { lookup, now: Date.now() },
          ),
        );
      } catch (e) {
        results.push(e instanceof DomainError ? e.id : `unexpected: ${String(e)}`);
      }
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"test server"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function send(options: http.RequestOptions, body: string | Buffer = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, ...options }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const last = () => results[results.length - 1];

describe('over real HTTP', () => {
  it('AWS SDK v3 SQS client requests verify', async () => {
    const client = new SQSClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
      maxAttempts: 1,
    });
    for (const command of [
      new GetQueueUrlCommand({ QueueName: 'q1' }),
      new SendMessageCommand({
        QueueUrl: `http://127.0.0.1:${port}/${ACCOUNT}/q1`,
        MessageBody: 'héllo ☃ '.repeat(100),
      }),
    ]) {
      // @ts-expect-error -- a union of commands; each is valid for client.send
      await expect(client.send(command)).rejects.toThrow('test server');
      expect(last()).toMatchObject({
        accessKeyId: AKID,
        accountId: ACCOUNT,
        service: 'sqs',
        presigned: false,
      });
    }
    client.destroy();
  });

  it('a presigned GET verifies', async () => {
    const presigned = await signer().presign(
      httpRequest({
        method: 'GET',
        host: `127.0.0.1:${port}`,
        path: `/${ACCOUNT}/q1`,
        query: { Action: 'GetQueueAttributes', X: 'a b☃' },
      }),
      { expiresIn: 60 },
    );
    const qs = wireQuery(presigned.query as Record<string, string>);
    await send({ method: 'GET', path: `${presigned.path}?${qs}` });
    expect(last()).toMatchObject({ accessKeyId: AKID, presigned: true });
  });

  it('sign.ts requests with non-ASCII header values (sent as UTF-8) verify', async () => {
    for (const value of ['caf\u00e9', 'snow ☃ man 😀']) {
      const path = `/${ACCOUNT}/q1`;
      const query = 'Action=SendMessage&Note=a%20b';
      const body = 'MessageBody=hi';
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-meta-v': value,
      };
      const added = signRequest({
        method: 'POST',
        host: `127.0.0.1:${port}`,
        path,
        query,
        headers,
        body,
        accessKeyId: AKID,
        secretAccessKey: SECRET,
        region: 'us-east-1',
        service: 'sqs',
      });
      // Node writes header strings as latin1 when the body is a Buffer: pass the UTF-8 bytes.
      const wire = { ...headers, ...added, 'x-amz-meta-v': Buffer.from(value).toString('latin1') };
      await send({ method: 'POST', path: `${path}?${query}`, headers: wire }, Buffer.from(body));
      expect(last()).toMatchObject({ accessKeyId: AKID, presigned: false });
    }
  });

  it('a tampered body is rejected', async () => {
    const headers = signRequest({
      method: 'POST',
      host: `127.0.0.1:${port}`,
      path: '/',
      headers: {},
      body: 'a',
      accessKeyId: AKID,
      secretAccessKey: SECRET,
      region: 'us-east-1',
      service: 'sqs',
    });
    await send({ method: 'POST', path: '/', headers }, 'b');
    expect(last()).toBe('SignatureDoesNotMatch');
  });
});
