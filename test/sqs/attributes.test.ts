/**
 * SQS behaviour, queue configuration: GetQueueAttributes (defaults, `All`, counts) and
 * SetQueueAttributes validation, tags with their limits, AddPermission/RemovePermission as
 * reflected in the Policy attribute, and PurgeQueue (one per 60 s). Each case runs through the
 * JS SDK (JSON) and through raw signed query posts.
 */
import { describe, expect, it } from 'vitest';
import { expectSqsError } from './drivers/driver.js';
import { ACCOUNT, createQueue, PROTOCOLS, useSqsServer } from './drivers/fixture.js';

const fx = useSqsServer();

describe.each(PROTOCOLS)('queue attributes, tags, permissions, purge over %s', (protocol) => {
  const d = () => fx.driver(protocol);

  const get = async (
    url: string,
    names: string[] = ['All'],
  ): Promise<Record<string, string | undefined>> =>
    (await d().call('GetQueueAttributes', { QueueUrl: url, AttributeNames: names as never }))
      .Attributes ?? {};
  const set = (url: string, Attributes: Record<string, string>) =>
    d().call('SetQueueAttributes', { QueueUrl: url, Attributes });

  it('GetQueueAttributes All: the defaults of a new standard queue', async () => {
    const { url, arn } = await createQueue(d(), 'defaults');
    const a = await get(url);
    expect(a).toMatchObject({
      QueueArn: arn,
      VisibilityTimeout: '30',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      SqsManagedSseEnabled: 'true',
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
    });
    expect(a.CreatedTimestamp).toMatch(/^\d{10}$/);
    for (const absent of [
      'FifoQueue',
      'ContentBasedDeduplication',
      'RedrivePolicy',
      'Policy',
      'KmsMasterKeyId',
    ]) {
      expect(a[absent]).toBeUndefined();
    }
    // No AttributeNames: no attributes.
    expect(await get(url, [])).toEqual({});
    expect((await d().call('GetQueueAttributes', { QueueUrl: url })).Attributes).toBeUndefined();
  });

  it('GetQueueAttributes returns just the names asked for; unknown names: InvalidAttributeName', async () => {
    const { url } = await createQueue(d(), 'names', { DelaySeconds: '5' });
    expect(await get(url, ['DelaySeconds', 'VisibilityTimeout'])).toEqual({
      DelaySeconds: '5',
      VisibilityTimeout: '30',
    });
    await expectSqsError(
      d(),
      d().call('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['Bogus' as never] }),
      'InvalidAttributeName',
      400,
    );
  });

  it('approximate counts follow visible, in-flight and delayed messages', async () => {
    const { url } = await createQueue(d(), 'counts');
    for (let i = 0; i < 3; i++)
      await d().call('SendMessage', { QueueUrl: url, MessageBody: `v${i}` });
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'delayed', DelaySeconds: 60 });
    await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 60 });
    expect(
      await get(url, [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ]),
    ).toEqual({
      ApproximateNumberOfMessages: '2',
      ApproximateNumberOfMessagesNotVisible: '1',
      ApproximateNumberOfMessagesDelayed: '1',
    });
  });

  it('SetQueueAttributes: changes apply, bad values are refused with the AWS codes', async () => {
    const { url } = await createQueue(d(), 'set');
    await set(url, {
      VisibilityTimeout: '0',
      DelaySeconds: '900',
      ReceiveMessageWaitTimeSeconds: '20',
      MaximumMessageSize: '1024',
      Policy: '',
    });
    expect(
      await get(url, [
        'VisibilityTimeout',
        'DelaySeconds',
        'ReceiveMessageWaitTimeSeconds',
        'MaximumMessageSize',
      ]),
    ).toEqual({
      VisibilityTimeout: '0',
      DelaySeconds: '900',
      ReceiveMessageWaitTimeSeconds: '20',
      MaximumMessageSize: '1024',
    });
    const invalidValues: Record<string, string[]> = {
      VisibilityTimeout: ['43201', '-1', 'abc', '1.5'],
      DelaySeconds: ['901'],
      ReceiveMessageWaitTimeSeconds: ['21'],
      MaximumMessageSize: ['1023', '1048577'],
      MessageRetentionPeriod: ['59'],
      SqsManagedSseEnabled: ['yes'],
      KmsDataKeyReusePeriodSeconds: ['59', '86401'],
      Policy: ['not json', '"a string"'],
    };
    for (const [name, values] of Object.entries(invalidValues)) {
      for (const value of values) {
        await expectSqsError(d(), set(url, { [name]: value }), 'InvalidAttributeValue', 400);
      }
    }
    await expectSqsError(d(), set(url, { NoSuchAttribute: '1' }), 'InvalidAttributeName', 400);
    await expectSqsError(d(), set(url, { FifoQueue: 'true' }), 'InvalidAttributeName', 400);
    await expectSqsError(
      d(),
      set(url, { QueueArn: 'arn:aws:sqs:us-east-1:000000000000:x' }),
      'InvalidAttributeName',
      400,
    );
    // Customer-managed KMS keys arrive with the keys service.
    await expectSqsError(
      d(),
      set(url, { KmsMasterKeyId: 'alias/my-key' }),
      { json: 'KmsNotFound', query: 'KMS.NotFoundException' },
      400,
    );
    // A refused change leaves everything as it was.
    expect(await get(url, ['VisibilityTimeout'])).toEqual({ VisibilityTimeout: '0' });
  });

  it('SSE settings: SqsManagedSseEnabled and KmsMasterKeyId alias/aws/sqs', async () => {
    const { url } = await createQueue(d(), 'sse');
    await set(url, { KmsMasterKeyId: 'alias/aws/sqs' });
    expect(
      await get(url, ['KmsMasterKeyId', 'SqsManagedSseEnabled', 'KmsDataKeyReusePeriodSeconds']),
    ).toEqual({
      KmsMasterKeyId: 'alias/aws/sqs',
      SqsManagedSseEnabled: 'false',
      KmsDataKeyReusePeriodSeconds: '300',
    });
    await set(url, { SqsManagedSseEnabled: 'true' });
    expect(await get(url, ['KmsMasterKeyId', 'SqsManagedSseEnabled'])).toEqual({
      SqsManagedSseEnabled: 'true',
    });
    await expectSqsError(
      d(),
      set(url, { SqsManagedSseEnabled: 'true', KmsMasterKeyId: 'alias/aws/sqs' }),
      'InvalidAttributeName',
      400,
    );
    await set(url, { SqsManagedSseEnabled: 'false' });
    expect(await get(url, ['SqsManagedSseEnabled'])).toEqual({ SqsManagedSseEnabled: 'false' });
  });

  it('tags: CreateQueue tags, TagQueue overwrites and adds, UntagQueue removes', async () => {
    const name = `tags-${protocol}-${Date.now()}`;
    const { QueueUrl } = await d().call('CreateQueue', {
      QueueName: name,
      tags: { team: 'core', 'cost-center': '42' },
    });
    const url = QueueUrl!;
    expect((await d().call('ListQueueTags', { QueueUrl: url })).Tags).toEqual({
      team: 'core',
      'cost-center': '42',
    });
    await d().call('TagQueue', {
      QueueUrl: url,
      Tags: { team: 'platform', 'empty-value': '', 'Ünïcode key': 'värde' },
    });
    expect((await d().call('ListQueueTags', { QueueUrl: url })).Tags).toEqual({
      team: 'platform',
      'cost-center': '42',
      'empty-value': '',
      'Ünïcode key': 'värde',
    });
    await d().call('UntagQueue', { QueueUrl: url, TagKeys: ['team', 'not-there'] });
    await d().call('UntagQueue', {
      QueueUrl: url,
      TagKeys: ['cost-center', 'empty-value', 'Ünïcode key'],
    });
    expect((await d().call('ListQueueTags', { QueueUrl: url })).Tags).toBeUndefined();
  });

  it('tag limits: 50 per queue, key 1..128, value ..256, no aws: prefix', async () => {
    const { url } = await createQueue(d(), 'tag-limits');
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, `v${i}`]));
    await d().call('TagQueue', { QueueUrl: url, Tags: fifty });
    await expectSqsError(
      d(),
      d().call('TagQueue', { QueueUrl: url, Tags: { k50: 'one too many' } }),
      'InvalidParameterValue',
      400,
    );
    await d().call('TagQueue', { QueueUrl: url, Tags: { k0: 'overwriting is fine at 50' } });
    const tags = (await d().call('ListQueueTags', { QueueUrl: url })).Tags!;
    expect(Object.keys(tags)).toHaveLength(50);
    expect(tags.k0).toBe('overwriting is fine at 50');

    const other = await createQueue(d(), 'tag-limits');
    const tag = (Tags: Record<string, string>) =>
      d().call('TagQueue', { QueueUrl: other.url, Tags });
    await tag({ ['k'.repeat(128)]: 'v'.repeat(256) });
    await expectSqsError(d(), tag({ ['k'.repeat(129)]: 'v' }), 'InvalidParameterValue', 400);
    await expectSqsError(d(), tag({ k: 'v'.repeat(257) }), 'InvalidParameterValue', 400);
    await expectSqsError(d(), tag({ 'aws:reserved': 'v' }), 'InvalidParameterValue', 400);
    await expectSqsError(d(), tag({ '': 'v' }), 'InvalidParameterValue', 400);
    await expectSqsError(
      d(),
      d().call('CreateQueue', {
        QueueName: `${other.name}-x`,
        tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
      }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('UntagQueue', { QueueUrl: other.url, TagKeys: ['k'.repeat(129)] }),
      'InvalidParameterValue',
      400,
    );
  });

  it('AddPermission/RemovePermission edit the Policy attribute', async () => {
    const { url, arn } = await createQueue(d(), 'perm');
    await d().call('AddPermission', {
      QueueUrl: url,
      Label: 'allow-send',
      AWSAccountIds: ['111122223333', '444455556666'],
      Actions: ['SendMessage', 'ReceiveMessage'],
    });
    await d().call('AddPermission', {
      QueueUrl: url,
      Label: 'allow-all',
      AWSAccountIds: [ACCOUNT],
      Actions: ['*'],
    });
    const policy = JSON.parse((await get(url, ['Policy'])).Policy!);
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toEqual([
      {
        Sid: 'allow-send',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] },
        Action: ['SQS:SendMessage', 'SQS:ReceiveMessage'],
        Resource: arn,
      },
      {
        Sid: 'allow-all',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'SQS:*',
        Resource: arn,
      },
    ]);
    await expectSqsError(
      d(),
      d().call('AddPermission', {
        QueueUrl: url,
        Label: 'allow-send',
        AWSAccountIds: [ACCOUNT],
        Actions: ['SendMessage'],
      }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('AddPermission', {
        QueueUrl: url,
        Label: 'bad action',
        AWSAccountIds: [ACCOUNT],
        Actions: ['SendMessage'],
      }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('AddPermission', {
        QueueUrl: url,
        Label: 'x',
        AWSAccountIds: [ACCOUNT],
        Actions: ['DeleteQueue'],
      }),
      'InvalidParameterValue',
      400,
    );
    await d().call('RemovePermission', { QueueUrl: url, Label: 'allow-send' });
    expect(
      JSON.parse((await get(url, ['Policy'])).Policy!).Statement.map((s: { Sid: string }) => s.Sid),
    ).toEqual(['allow-all']);
    await expectSqsError(
      d(),
      d().call('RemovePermission', { QueueUrl: url, Label: 'allow-send' }),
      'InvalidParameterValue',
      400,
    );
    await d().call('RemovePermission', { QueueUrl: url, Label: 'allow-all' });
    expect((await get(url, ['Policy'])).Policy).toBeUndefined();
  });

  it('a Policy set directly is stored and returned as given', async () => {
    const { url, arn } = await createQueue(d(), 'policy');
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sqs:SendMessage',
          Resource: arn,
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:000000000000:t' } },
        },
      ],
    });
    await set(url, { Policy: doc });
    expect((await get(url, ['Policy'])).Policy).toBe(doc);
  });

  it('PurgeQueue empties the queue; a second purge within 60 s is PurgeQueueInProgress', async () => {
    const { url } = await createQueue(d(), 'purge');
    for (let i = 0; i < 3; i++)
      await d().call('SendMessage', { QueueUrl: url, MessageBody: `p${i}` });
    await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 60 });
    await d().call('PurgeQueue', { QueueUrl: url });
    expect(
      await get(url, ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible']),
    ).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
    expect(
      (await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 })).Messages,
    ).toBeUndefined();
    await expectSqsError(
      d(),
      d().call('PurgeQueue', { QueueUrl: url }),
      { json: 'PurgeQueueInProgress', query: 'AWS.SimpleQueueService.PurgeQueueInProgress' },
      403,
    );
    // Messages sent after the purge are kept.
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'after' });
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages?.[0]?.Body).toBe('after');
  });
});
