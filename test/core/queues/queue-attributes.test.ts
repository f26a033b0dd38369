import { describe, expect, it } from 'vitest';
import {
  QUEUE_ATTRIBUTE_NAMES,
  assertCreateQueueCompatible,
  assertDeadLetterQueueType,
  deadLetterTargetDoesNotExist,
  defaultAttributes,
  normalizeCreateAttributes,
  normalizeSetAttributes,
  parseRedriveAllowPolicy,
  parseRedrivePolicy,
  resolveQueueType,
  selectAttributeNames,
} from '../../../src/core/queues/queue-attributes.js';
import { FIFO_NAME_MESSAGE, STANDARD_NAME_MESSAGE } from '../../../src/core/queues/queue-name.js';
import { expectDomainError } from './expect-domain-error.js';

const STD = { fifo: false };
const FIFO = { fifo: true };
const DLQ = 'arn:aws:sqs:us-east-1:123456789012:MyDLQ';
const FIFO_DLQ = 'arn:aws:sqs:us-east-1:123456789012:MyDlq.fifo';

describe('queue type at creation', () => {
  it.each([
    ['q', {}, false],
    ['q.fifo', { FifoQueue: 'true' }, true],
    ['q.fifo', { FifoQueue: 'TRUE' }, true],
  ])('%s %j → fifo=%s', (name, attrs, fifo) => {
    expect(resolveQueueType(name, attrs)).toEqual({ fifo });
  });

  it('a .fifo name without FifoQueue is an invalid standard name', () => {
    expectDomainError(
      () => resolveQueueType('example.fifo', {}),
      'InvalidParameterValue',
      STANDARD_NAME_MESSAGE,
    );
  });
  it('FifoQueue=true needs a .fifo name', () => {
    expectDomainError(
      () => resolveQueueType('example', { FifoQueue: 'true' }),
      'InvalidParameterValue',
      FIFO_NAME_MESSAGE,
    );
  });
  it('FifoQueue=false is an unknown attribute (aws-sdk-php#1331)', () => {
    expectDomainError(
      () => resolveQueueType('bar_queue', { FifoQueue: 'false' }),
      'InvalidAttributeName',
      'Unknown Attribute FifoQueue.',
    );
    expectDomainError(
      () => resolveQueueType('q.fifo', { FifoQueue: 'false' }),
      'InvalidAttributeName',
      'Unknown Attribute FifoQueue.',
    );
  });
  it('a non-boolean FifoQueue is an invalid value', () => {
    expectDomainError(
      () => resolveQueueType('q.fifo', { FifoQueue: 'yes' }),
      'InvalidAttributeValue',
      'Invalid value for the parameter FifoQueue.',
    );
  });
  it('normalizeCreateAttributes with a name resolves the type itself', () => {
    expect(
      normalizeCreateAttributes({ FifoQueue: 'true' }, { fifo: false, name: 'q.fifo' }).FifoQueue,
    ).toBe('true');
    expectDomainError(
      () => normalizeCreateAttributes({}, { fifo: false, name: 'bad name' }),
      'InvalidParameterValue',
    );
  });
});

describe('CreateQueue defaults', () => {
  it('standard', () => {
    expect(normalizeCreateAttributes({}, STD)).toEqual({
      DelaySeconds: '0',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '0',
      VisibilityTimeout: '30',
      SqsManagedSseEnabled: 'true',
    });
  });
  it('FIFO', () => {
    expect(normalizeCreateAttributes({ FifoQueue: 'true' }, FIFO)).toEqual({
      ...defaultAttributes(STD),
      FifoQueue: 'true',
      ContentBasedDeduplication: 'false',
      DeduplicationScope: 'queue',
      FifoThroughputLimit: 'perQueue',
    });
  });
});

describe('numeric attributes', () => {
  const table: [string, number, number][] = [
    ['DelaySeconds', 0, 900],
    ['MaximumMessageSize', 1024, 1_048_576],
    ['MessageRetentionPeriod', 60, 1_209_600],
    ['ReceiveMessageWaitTimeSeconds', 0, 20],
    ['VisibilityTimeout', 0, 43_200],
    ['KmsDataKeyReusePeriodSeconds', 60, 86_400],
  ];
  it.each(table)('%s accepts %i..%i', (name, min, max) => {
    expect(normalizeCreateAttributes({ [name]: String(min) }, STD)[name]).toBe(String(min));
    expect(normalizeCreateAttributes({ [name]: String(max) }, STD)[name]).toBe(String(max));
  });
  it.each(table)('%s refuses out-of-range and malformed values', (name, min, max) => {
    for (const v of [
      String(min - 1),
      String(max + 1),
      '',
      ' 6',
      '6 ',
      '544.43',
      'abc',
      '1e2',
      '+5',
      'true',
    ]) {
      expectDomainError(
        () => normalizeCreateAttributes({ [name]: v }, STD),
        'InvalidAttributeValue',
        `Invalid value for the parameter ${name}.`,
      );
    }
  });
  it('canonicalises leading zeros', () => {
    expect(normalizeCreateAttributes({ DelaySeconds: '0042' }, STD).DelaySeconds).toBe('42');
  });
});

describe('attribute names', () => {
  it.each([
    'Foo',
    'All',
    'QueueArn',
    'ApproximateNumberOfMessages',
    'CreatedTimestamp',
    'delayseconds',
  ])('%s cannot be set', (name) => {
    expectDomainError(
      () => normalizeCreateAttributes({ [name]: '1' }, STD),
      'InvalidAttributeName',
      `Unknown Attribute ${name}.`,
    );
    expectDomainError(
      () => normalizeSetAttributes(defaultAttributes(STD), { [name]: '1' }, STD),
      'InvalidAttributeName',
      `Unknown Attribute ${name}.`,
    );
  });
  it('FIFO-only attributes on a standard queue', () => {
    expectDomainError(
      () => normalizeCreateAttributes({ ContentBasedDeduplication: 'true' }, STD),
      'InvalidAttributeName',
      'Unknown Attribute ContentBasedDeduplication.',
    );
    for (const name of ['DeduplicationScope', 'FifoThroughputLimit']) {
      expectDomainError(
        () => normalizeSetAttributes(defaultAttributes(STD), { [name]: 'queue' }, STD),
        'InvalidAttributeName',
        `You can specify the ${name} only when FifoQueue is set to true.`,
      );
    }
  });
});

describe('FIFO attributes', () => {
  it('booleans are case-insensitive and canonical', () => {
    expect(
      normalizeCreateAttributes({ FifoQueue: 'true', ContentBasedDeduplication: 'True' }, FIFO)
        .ContentBasedDeduplication,
    ).toBe('true');
    expectDomainError(
      () => normalizeCreateAttributes({ ContentBasedDeduplication: 'yes' }, FIFO),
      'InvalidAttributeValue',
      'Invalid value for the parameter ContentBasedDeduplication.',
    );
  });
  it('enums', () => {
    expectDomainError(
      () => normalizeCreateAttributes({ DeduplicationScope: 'group' }, FIFO),
      'InvalidAttributeValue',
      'Invalid value for the parameter DeduplicationScope.',
    );
    expectDomainError(
      () => normalizeCreateAttributes({ FifoThroughputLimit: 'perGroup' }, FIFO),
      'InvalidAttributeValue',
      'Invalid value for the parameter FifoThroughputLimit.',
    );
  });
  it('perMessageGroupId needs DeduplicationScope messageGroup', () => {
    const message =
      'The perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup';
    expectDomainError(
      () => normalizeCreateAttributes({ FifoThroughputLimit: 'perMessageGroupId' }, FIFO),
      'InvalidAttributeValue',
      message,
    );
    const high = normalizeCreateAttributes(
      { FifoThroughputLimit: 'perMessageGroupId', DeduplicationScope: 'messageGroup' },
      FIFO,
    );
    expect(high).toMatchObject({
      FifoThroughputLimit: 'perMessageGroupId',
      DeduplicationScope: 'messageGroup',
    });
    expectDomainError(
      () => normalizeSetAttributes(high, { DeduplicationScope: 'queue' }, FIFO),
      'InvalidAttributeValue',
      message,
    );
  });
});

describe('server-side encryption', () => {
  const SSE =
    'You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.';
  it('SQS-managed SSE by default; may be turned off', () => {
    expect(normalizeCreateAttributes({}, STD).SqsManagedSseEnabled).toBe('true');
    expect(
      normalizeCreateAttributes({ SqsManagedSseEnabled: 'false' }, STD).SqsManagedSseEnabled,
    ).toBe('false');
  });
  it('the server-managed KMS key turns SQS SSE off and defaults the reuse period to 300', () => {
    expect(normalizeCreateAttributes({ KmsMasterKeyId: 'alias/aws/sqs' }, STD)).toMatchObject({
      KmsMasterKeyId: 'alias/aws/sqs',
      KmsDataKeyReusePeriodSeconds: '300',
      SqsManagedSseEnabled: 'false',
    });
    expect(
      normalizeCreateAttributes(
        { KmsMasterKeyId: 'alias/aws/sqs', KmsDataKeyReusePeriodSeconds: '860' },
        STD,
      ).KmsDataKeyReusePeriodSeconds,
    ).toBe('860');
  });
  it('both kinds at once is refused', () => {
    expectDomainError(
      () =>
        normalizeCreateAttributes(
          { SqsManagedSseEnabled: 'true', KmsMasterKeyId: 'alias/aws/sqs' },
          STD,
        ),
      'InvalidAttributeName',
      SSE,
    );
  });
  it('customer-managed keys are not available yet', () => {
    expectDomainError(
      () => normalizeCreateAttributes({ KmsMasterKeyId: 'alias/MyAlias' }, STD),
      'KmsNotFound',
    );
  });
  it('SetQueueAttributes switches between the two', () => {
    const kms = normalizeSetAttributes(
      defaultAttributes(STD),
      { KmsMasterKeyId: 'alias/aws/sqs' },
      STD,
    );
    expect(kms).toMatchObject({
      SqsManagedSseEnabled: 'false',
      KmsDataKeyReusePeriodSeconds: '300',
    });
    const sqs = normalizeSetAttributes(kms, { SqsManagedSseEnabled: 'true' }, STD);
    expect(sqs.SqsManagedSseEnabled).toBe('true');
    expect(sqs.KmsMasterKeyId).toBeUndefined();
    expect(sqs.KmsDataKeyReusePeriodSeconds).toBeUndefined();
    const none = normalizeSetAttributes(kms, { KmsMasterKeyId: '' }, STD);
    expect(none.KmsMasterKeyId).toBeUndefined();
  });
});

describe('Policy', () => {
  it.each(['badjson', '[]', '"string"', '533', 'null', ' '])('%j is refused', (policy) => {
    expectDomainError(
      () => normalizeCreateAttributes({ Policy: policy }, STD),
      'InvalidAttributeValue',
      'Invalid value for the parameter Policy.',
    );
  });
  it('a JSON object is stored as sent; empty removes it', () => {
    const policy =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}';
    const created = normalizeCreateAttributes({ Policy: policy }, STD);
    expect(created.Policy).toBe(policy);
    expect(normalizeSetAttributes(created, { Policy: '' }, STD).Policy).toBeUndefined();
    expect(normalizeCreateAttributes({ Policy: '' }, STD).Policy).toBeUndefined();
  });
});

describe('RedrivePolicy', () => {
  const reason = (raw: string, r: string) =>
    `Value ${raw} for parameter RedrivePolicy is invalid. Reason: ${r}`;
  it.each([' ', '4', '[]', 'null', '{'])('%j is not a JSON map', (raw) => {
    expectDomainError(
      () => parseRedrivePolicy(raw),
      'InvalidAttributeValue',
      'Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.',
    );
  });
  it.each([
    ['{}', 'Redrive policy does not contain mandatory attribute: maxReceiveCount.'],
    [
      '{"maxReceiveCount":5}',
      'Redrive policy does not contain mandatory attribute: deadLetterTargetArn.',
    ],
    [
      `{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":-36}`,
      'Invalid value for maxReceiveCount: -36, valid values are from 1 to 1000 both inclusive.',
    ],
    [
      `{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":0}`,
      'Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive.',
    ],
    [
      `{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":4023}`,
      'Invalid value for maxReceiveCount: 4023, valid values are from 1 to 1000 both inclusive.',
    ],
    [
      `{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":"abc"}`,
      'Invalid value for maxReceiveCount: abc, valid values are from 1 to 1000 both inclusive.',
    ],
    [
      `{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":1.5}`,
      'Invalid value for maxReceiveCount: 1.5, valid values are from 1 to 1000 both inclusive.',
    ],
    [
      '{"deadLetterTargetArn": "dummy", "maxReceiveCount": 42}',
      'Invalid value for deadLetterTargetArn.',
    ],
    [
      '{"deadLetterTargetArn":"arn:aws:sns:us-east-1:123456789012:MyTopic","maxReceiveCount":5}',
      'Only SQS queues are valid resources for deadLetterTargetArn.',
    ],
    [
      `{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":5,"dummyField":"dummy value"}`,
      'Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].',
    ],
  ])('%s', (raw, r) => {
    expectDomainError(() => parseRedrivePolicy(raw), 'InvalidParameterValue', reason(raw, r));
  });
  it('accepts 1..1000 (numbers or numeric strings) and stores a canonical form', () => {
    expect(parseRedrivePolicy(`{"maxReceiveCount":"1000","deadLetterTargetArn":"${DLQ}"}`)).toEqual(
      { deadLetterTargetArn: DLQ, maxReceiveCount: 1000 },
    );
    const attrs = normalizeCreateAttributes(
      { RedrivePolicy: `{ "maxReceiveCount": 1, "deadLetterTargetArn": "${DLQ}" }` },
      STD,
    );
    expect(attrs.RedrivePolicy).toBe(`{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":1}`);
  });
  it('the dead-letter queue must be of the same type', () => {
    const raw = `{"deadLetterTargetArn":"${FIFO_DLQ}","maxReceiveCount":5}`;
    expectDomainError(
      () => normalizeCreateAttributes({ RedrivePolicy: raw }, STD),
      'InvalidParameterValue',
      reason(raw, 'Dead-letter queue must be same type of queue as the source..'),
    );
    expect(() =>
      normalizeCreateAttributes({ FifoQueue: 'true', RedrivePolicy: raw }, FIFO),
    ).not.toThrow();
    expectDomainError(
      () => assertDeadLetterQueueType(raw, { sourceFifo: true, targetFifo: false }),
      'InvalidParameterValue',
    );
    expect(deadLetterTargetDoesNotExist(raw).message).toBe(
      reason(raw, 'Dead letter target does not exist.'),
    );
  });
  it('empty removes it', () => {
    const withPolicy = normalizeCreateAttributes(
      { RedrivePolicy: `{"deadLetterTargetArn":"${DLQ}","maxReceiveCount":5}` },
      STD,
    );
    expect(
      normalizeSetAttributes(withPolicy, { RedrivePolicy: '' }, STD).RedrivePolicy,
    ).toBeUndefined();
  });
});

describe('RedriveAllowPolicy', () => {
  const UNSUPPORTED =
    "Invalid value for the parameter RedriveAllowPolicy. Reason: Amazon SQS can't create the redrive allow policy, as it’s in an unsupported format.";
  const reason = (raw: string, r: string) =>
    `Value ${raw} for parameter RedriveAllowPolicy is invalid. Reason: Amazon SQS can't create the redrive allow policy. ${r}`;
  const arns = (n: number) =>
    Array.from({ length: n }, (_, i) => `arn:aws:sqs:us-east-1:123456789012:x${i + 1}`);

  it.each([
    'badjson',
    '444',
    'false',
    '[]',
    '{}',
    '{"redrivePermission":"dummy"}',
    '{"redrivePermission":"allowAll","dummy":"value"}',
    '{"redrivePermission":"byQueue","sourceQueueArns":"arn:aws:sqs"}',
    '{"redrivePermission":"byQueue","sourceQueueArns":[{"dummy":"value"}]}',
  ])('%s is in an unsupported format', (raw) =>
    expectDomainError(() => parseRedriveAllowPolicy(raw), 'InvalidAttributeValue', UNSUPPORTED),
  );
  it.each([
    [
      '{"redrivePermission":"byQueue"}',
      'When you specify the byQueue permission type, you must also specify one or more sourceQueueArns values.',
    ],
    [
      '{"redrivePermission":"byQueue","sourceQueueArns":[]}',
      'When you specify the byQueue permission type, you must also specify one or more sourceQueueArns values.',
    ],
    [
      JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: arns(11) }),
      'The maximum number of source queue ARNs you can specify is 10.',
    ],
    [
      JSON.stringify({ redrivePermission: 'allowAll', sourceQueueArns: arns(1) }),
      'To specify one or more source queue ARNs, you must set redrivePermission to byQueue.',
    ],
    [
      JSON.stringify({ redrivePermission: 'denyAll', sourceQueueArns: arns(1) }),
      'To specify one or more source queue ARNs, you must set redrivePermission to byQueue.',
    ],
  ])('%s', (raw, r) => {
    expectDomainError(() => parseRedriveAllowPolicy(raw), 'InvalidParameterValue', reason(raw, r));
  });
  it.each([
    JSON.stringify({ redrivePermission: 'allowAll' }),
    JSON.stringify({ redrivePermission: 'denyAll' }),
    JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: arns(10) }),
  ])('%s is accepted as is', (raw) => {
    expect(normalizeCreateAttributes({ RedriveAllowPolicy: raw }, STD).RedriveAllowPolicy).toBe(
      raw,
    );
  });
});

describe('SetQueueAttributes', () => {
  it('returns the whole new set and mutates nothing', () => {
    const existing = normalizeCreateAttributes({}, STD);
    const snapshot = { ...existing };
    const input = { DelaySeconds: '54', VisibilityTimeout: '69' };
    const next = normalizeSetAttributes(existing, input, STD);
    expect(next).toEqual({ ...existing, DelaySeconds: '54', VisibilityTimeout: '69' });
    expect(existing).toEqual(snapshot);
    expect(input).toEqual({ DelaySeconds: '54', VisibilityTimeout: '69' });
  });
  it('needs at least one attribute', () => {
    expectDomainError(
      () => normalizeSetAttributes({}, {}, STD),
      'MissingParameter',
      'The request must contain the parameter Attribute.Name.',
    );
  });
  it('the queue type cannot change', () => {
    const fifo = normalizeCreateAttributes({ FifoQueue: 'true' }, FIFO);
    expect(normalizeSetAttributes(fifo, { FifoQueue: 'true' }, FIFO)).toEqual(fifo);
    expectDomainError(
      () => normalizeSetAttributes(fifo, { FifoQueue: 'false' }, FIFO),
      'InvalidAttributeValue',
      'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.',
    );
    expectDomainError(
      () => normalizeSetAttributes(defaultAttributes(STD), { FifoQueue: 'true' }, STD),
      'InvalidAttributeName',
      'Unknown Attribute FifoQueue.',
    );
  });
  it('ContentBasedDeduplication can be changed on a FIFO queue', () => {
    const fifo = normalizeCreateAttributes(
      { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
      FIFO,
    );
    expect(
      normalizeSetAttributes(fifo, { ContentBasedDeduplication: 'false' }, FIFO)
        .ContentBasedDeduplication,
    ).toBe('false');
  });
});

describe('CreateQueue on an existing name', () => {
  // Mirrors LocalStack's AWS-validated test_create_queue_with_different_attributes_raises_exception.
  const existing = normalizeCreateAttributes(
    { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '1' },
    STD,
  );
  const conflict = (name: string) =>
    `A queue already exists with the same name and a different value for attribute ${name}`;

  it('no attributes, or only matching ones, is the same queue', () => {
    expect(() => assertCreateQueueCompatible(existing, {}, STD)).not.toThrow();
    expect(() => assertCreateQueueCompatible(existing, { DelaySeconds: '1' }, STD)).not.toThrow();
    expect(() =>
      assertCreateQueueCompatible(
        existing,
        { DelaySeconds: '01', VisibilityTimeout: '30', Policy: '' },
        STD,
      ),
    ).not.toThrow();
  });
  it('a different value names the attribute', () => {
    expectDomainError(
      () =>
        assertCreateQueueCompatible(
          existing,
          { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '2' },
          STD,
        ),
      'QueueNameExists',
      conflict('DelaySeconds'),
    );
  });
  it('compares with the current values after SetQueueAttributes', () => {
    const updated = normalizeSetAttributes(existing, { DelaySeconds: '2' }, STD);
    expect(() =>
      assertCreateQueueCompatible(
        updated,
        { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '2' },
        STD,
      ),
    ).not.toThrow();
    expectDomainError(
      () => assertCreateQueueCompatible(updated, { DelaySeconds: '1' }, STD),
      'QueueNameExists',
      conflict('DelaySeconds'),
    );
  });
  it('FIFO: same attributes match, a different ContentBasedDeduplication does not', () => {
    const fifo = normalizeCreateAttributes(
      { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
      FIFO,
    );
    expect(() =>
      assertCreateQueueCompatible(
        fifo,
        { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
        { fifo: true, name: 'q.fifo' },
      ),
    ).not.toThrow();
    expectDomainError(
      () =>
        assertCreateQueueCompatible(
          fifo,
          { FifoQueue: 'true', ContentBasedDeduplication: 'false' },
          FIFO,
        ),
      'QueueNameExists',
      conflict('ContentBasedDeduplication'),
    );
  });
  it('invalid attributes are reported as such, not as a conflict', () => {
    expectDomainError(
      () => assertCreateQueueCompatible(existing, { DelaySeconds: '901' }, STD),
      'InvalidAttributeValue',
    );
  });
});

describe('GetQueueAttributes names', () => {
  it('All expands to every attribute', () => {
    expect([...selectAttributeNames(['All'])].sort()).toEqual([...QUEUE_ATTRIBUTE_NAMES].sort());
    expect(QUEUE_ATTRIBUTE_NAMES).toHaveLength(21);
  });
  it('selects the named ones', () => {
    expect([...selectAttributeNames(['QueueArn', 'DelaySeconds', 'QueueArn'])]).toEqual([
      'QueueArn',
      'DelaySeconds',
    ]);
    expect(selectAttributeNames([]).size).toBe(0);
  });
  it('unknown names are refused', () => {
    expectDomainError(
      () => selectAttributeNames(['DelaySeconds', 'Bogus']),
      'InvalidAttributeName',
      'Unknown Attribute Bogus.',
    );
  });
});
