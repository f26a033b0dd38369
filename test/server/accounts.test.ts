/**
 * Accounts and regions: configured credentials map to accounts, resources are scoped by account
 * and region, unknown keys are refused, and the documented auth-off mode names the account by a
 * 12-digit access key id.
 */
import {
  CreateQueueCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

describe('credentials, accounts and regions (auth on)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      SWITCHYARD_CREDENTIALS: 'AKIDALICE:alice-secret:111111111111,AKIDBOB:bob-secret:222222222222',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const alice = (region = 'us-east-1') =>
    t.sqs({ accessKeyId: 'AKIDALICE', secretAccessKey: 'alice-secret', region });
  const bob = () => t.sqs({ accessKeyId: 'AKIDBOB', secretAccessKey: 'bob-secret' });

  it('places queues in the caller’s account and region', async () => {
    const { QueueUrl } = await alice().send(new CreateQueueCommand({ QueueName: 'shared-name' }));
    expect(QueueUrl).toBe(`${t.url}/111111111111/shared-name`);
    const other = await bob().send(new CreateQueueCommand({ QueueName: 'shared-name' }));
    expect(other.QueueUrl).toBe(`${t.url}/222222222222/shared-name`);
    const inEu = await alice('eu-west-1').send(new ListQueuesCommand({}));
    expect(inEu.QueueUrls ?? []).toEqual([]);
    const inUs = await alice().send(new ListQueuesCommand({}));
    expect(inUs.QueueUrls).toEqual([QueueUrl]);
  });

  it('does not let one account use another account’s queue URL (policies are not enforced yet)', async () => {
    const { QueueUrl } = await alice().send(new CreateQueueCommand({ QueueName: 'private' }));
    await expect(
      bob().send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await expect(
      bob().send(new GetQueueUrlCommand({ QueueName: 'private' })),
    ).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
  });

  it('refuses an unknown key and a wrong secret', async () => {
    await expect(
      t.sqs({ accessKeyId: 'AKIDNOBODY', secretAccessKey: 'x' }).send(new ListQueuesCommand({})),
    ).rejects.toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    await expect(
      t.sqs({ accessKeyId: 'AKIDALICE', secretAccessKey: 'wrong' }).send(new ListQueuesCommand({})),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
  });

  it('still accepts the dev credentials on loopback', async () => {
    const { QueueUrl } = await t.sqs().send(new CreateQueueCommand({ QueueName: 'dev' }));
    expect(QueueUrl).toBe(`${t.url}/000000000000/dev`);
  });
});

describe('auth off (drop-in mode for dummy keys)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ SWITCHYARD_AUTH: 'off' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a 12-digit access key id names the account; any other key the default account', async () => {
    const named = t.sqs({ accessKeyId: '123456789012', secretAccessKey: 'whatever' });
    const { QueueUrl } = await named.send(new CreateQueueCommand({ QueueName: 'q' }));
    expect(QueueUrl).toBe(`${t.url}/123456789012/q`);
    const dummy = t.sqs({ accessKeyId: 'anything', secretAccessKey: 'at-all' });
    const other = await dummy.send(new CreateQueueCommand({ QueueName: 'q' }));
    expect(other.QueueUrl).toBe(`${t.url}/000000000000/q`);
  });

  it('takes the region from the credential scope', async () => {
    const eu = t.sqs({ accessKeyId: '123456789012', secretAccessKey: 'x', region: 'eu-west-1' });
    expect((await eu.send(new ListQueuesCommand({}))).QueueUrls ?? []).toEqual([]);
  });
});
