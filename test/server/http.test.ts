import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('HTTP layer', () => {
  it('serves liveness and readiness without a signature', async () => {
    const health = await fetch(`${t.url}/_switchyard/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/_switchyard/ready`);
    expect(ready.status).toBe(200);
  });

  it('answers every other request without a signature with MissingAuthenticationToken', async () => {
    for (const [method, path, body, headers] of [
      ['GET', '/', undefined, {}],
      ['GET', '/?Action=ListQueues', undefined, {}],
      [
        'POST',
        '/',
        'Action=ListQueues&Version=2012-11-05',
        { 'content-type': 'application/x-www-form-urlencoded' },
      ],
      ['GET', '/_switchyard/other', undefined, {}],
    ] as const) {
      const res = await fetch(`${t.url}${path}`, { method, body, headers });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    }
    const json = await fetch(t.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AmazonSQS.ListQueues',
      },
      body: '{}',
    });
    expect(json.status).toBe(403);
    expect(json.headers.get('x-amzn-query-error')).toBe('MissingAuthenticationToken;Sender');
    expect((await json.json()) as object).toMatchObject({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
    });
  });

  it('gives every response a request id and a Date header', async () => {
    const res = await fetch(`${t.url}/?Action=ListQueues`);
    const id = res.headers.get('x-amzn-requestid');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.text()).toContain(`<RequestId>${id}</RequestId>`);
    expect(new Date(res.headers.get('date')!).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers an oversized body with an AWS error, not a crash', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AmazonSQS.SendMessage',
      },
      body: Buffer.alloc(9 * 1024 * 1024, 0x61),
    });
    expect(res.status).toBe(413);
    expect((await res.json()) as object).toMatchObject({
      __type: expect.stringContaining('RequestEntityTooLarge') as unknown,
    });
  });
});
