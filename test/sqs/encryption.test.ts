/**
 * SQS behaviour, encryption at rest: after a send to a queue with SqsManagedSseEnabled (the
 * default) or KmsMasterKeyId=alias/aws/sqs, the stored bytes — the SQLite files of the server's
 * data directory (`switchyard.db` and its `-wal`), or on PostgreSQL every payload in the
 * server's schema — hold no plaintext of the body or its attributes; with
 * SqsManagedSseEnabled=false they do (which shows the check can fail). Messages stay readable
 * through a dead-letter move. Each case runs through the JS SDK (JSON) and raw query posts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PgStorage } from '../../src/storage/postgres/pg-storage.js';
import { PG_URL } from '../support/test-engine.js';
import { createQueue, PROTOCOLS, useSqsServer } from './drivers/fixture.js';

const fx = useSqsServer();

/** Every stored byte: the SQLite files as they are on disk now, or PostgreSQL's payloads. */
async function databaseBytes(): Promise<Buffer> {
  if (fx.server.engine === 'postgres') {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      const schema =
        fx.server.server.storage instanceof PgStorage ? fx.server.server.storage.schema : '';
      const result = await client.query<{ payload: Buffer }>(
        `SELECT payload FROM ${schema}.messages`,
      );
      return Buffer.concat(result.rows.map((r) => r.payload));
    } finally {
      await client.end();
    }
  }
  const base = path.join(fx.server.dataDir, 'switchyard.db');
  const files = [base, `${base}-wal`].filter((f) => existsSync(f));
  expect(files).toContain(base);
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

const marker = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;

describe.each(PROTOCOLS)('encryption at rest over %s', (protocol) => {
  const d = () => fx.driver(protocol);

  async function sendMarked(url: string) {
    const body = marker('BODY');
    const attr = marker('ATTR');
    const trace = marker('TRACE');
    await d().call('SendMessage', {
      QueueUrl: url,
      MessageBody: `secret payload ${body}`,
      MessageAttributes: { note: { DataType: 'String', StringValue: attr } },
      MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: trace } },
    });
    return { body, attr, trace };
  }

  it('a queue with SqsManagedSseEnabled (the default) keeps no plaintext on disk', async () => {
    const { url } = await createQueue(d(), 'sse');
    expect(
      (
        await d().call('GetQueueAttributes', {
          QueueUrl: url,
          AttributeNames: ['SqsManagedSseEnabled'],
        })
      ).Attributes,
    ).toEqual({
      SqsManagedSseEnabled: 'true',
    });
    const m = await sendMarked(url);
    const bytes = await databaseBytes();
    for (const secret of [m.body, m.attr, m.trace]) expect(bytes.includes(secret)).toBe(false);
    // ... and the message reads back intact.
    const got = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['AWSTraceHeader'],
      })
    ).Messages![0]!;
    expect(got.Body).toBe(`secret payload ${m.body}`);
    expect(got.MessageAttributes?.note?.StringValue).toBe(m.attr);
    expect(got.Attributes?.AWSTraceHeader).toBe(m.trace);
  });

  it('KmsMasterKeyId=alias/aws/sqs encrypts too', async () => {
    const { url } = await createQueue(d(), 'kms', { KmsMasterKeyId: 'alias/aws/sqs' });
    const m = await sendMarked(url);
    const bytes = await databaseBytes();
    for (const secret of [m.body, m.attr, m.trace]) expect(bytes.includes(secret)).toBe(false);
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages![0]!.Body).toBe(
      `secret payload ${m.body}`,
    );
  });

  it('with SqsManagedSseEnabled=false the plaintext is on disk (the check can fail)', async () => {
    const { url } = await createQueue(d(), 'plain', { SqsManagedSseEnabled: 'false' });
    const m = await sendMarked(url);
    const bytes = await databaseBytes();
    expect(bytes.includes(m.body)).toBe(true);
    expect(bytes.includes(m.attr)).toBe(true);
  });

  it('turning encryption on applies to later messages; earlier ones stay readable', async () => {
    const { url } = await createQueue(d(), 'switch', { SqsManagedSseEnabled: 'false' });
    const before = await sendMarked(url);
    await d().call('SetQueueAttributes', {
      QueueUrl: url,
      Attributes: { SqsManagedSseEnabled: 'true' },
    });
    const after = await sendMarked(url);
    const bytes = await databaseBytes();
    expect(bytes.includes(before.body)).toBe(true);
    expect(bytes.includes(after.body)).toBe(false);
    const got =
      (await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 })).Messages ?? [];
    expect(got.map((x) => x.Body).sort()).toEqual(
      [`secret payload ${after.body}`, `secret payload ${before.body}`].sort(),
    );
  });

  it('an encrypted message moved to a dead-letter queue stays readable there', async () => {
    const dlq = await createQueue(d(), 'sse-dlq', { SqsManagedSseEnabled: 'false' });
    const src = await createQueue(d(), 'sse-src', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }),
    });
    const m = await sendMarked(src.url);
    await d().call('ReceiveMessage', { QueueUrl: src.url, VisibilityTimeout: 0 });
    expect((await d().call('ReceiveMessage', { QueueUrl: src.url })).Messages).toBeUndefined();
    const got = (
      await d().call('ReceiveMessage', { QueueUrl: dlq.url, MessageAttributeNames: ['All'] })
    ).Messages![0]!;
    expect(got.Body).toBe(`secret payload ${m.body}`);
    expect(got.MessageAttributes?.note?.StringValue).toBe(m.attr);
    expect((await databaseBytes()).includes(m.body)).toBe(false);
  });
});
