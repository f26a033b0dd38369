import { describe, expect, it } from 'vitest';
import {
  batchPayloadSize,
  validateBatchEntries,
  validateBatchPayloadSize,
  validateFifoBatchEntries,
} from '../../../src/core/queues/batch-validation.js';
import { expectDomainError } from './expect-domain-error.js';

const ids = (...list: string[]) => list.map((id) => ({ id }));

describe('batch entries', () => {
  it.each([
    'SendMessageBatchRequestEntry',
    'DeleteMessageBatchRequestEntry',
    'ChangeMessageVisibilityBatchRequestEntry',
  ] as const)('an empty %s batch is EmptyBatchRequest', (kind) => {
    expectDomainError(
      () => validateBatchEntries([], kind),
      'EmptyBatchRequest',
      `There should be at least one ${kind} in the request.`,
    );
  });

  it('more than 10 is TooManyEntriesInBatchRequest', () => {
    const eleven = ids(...Array.from({ length: 11 }, (_, i) => String(i)));
    expectDomainError(
      () => validateBatchEntries(eleven, 'SendMessageBatchRequestEntry'),
      'TooManyEntriesInBatchRequest',
      'Maximum number of entries per request are 10. You have sent 11.',
    );
    expect(() =>
      validateBatchEntries(eleven.slice(1), 'SendMessageBatchRequestEntry'),
    ).not.toThrow();
  });

  it.each(['', ' ', 'é', 'invalid:id', 'a.b', 'testLongId'.repeat(8) + 'x'])(
    'id %j is InvalidBatchEntryId',
    (id) => {
      expectDomainError(
        () => validateBatchEntries(ids('ok', id), 'DeleteMessageBatchRequestEntry'),
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    },
  );

  it('ids must be distinct (case-sensitive)', () => {
    expectDomainError(
      () => validateBatchEntries(ids('idA', 'idA'), 'SendMessageBatchRequestEntry'),
      'BatchEntryIdsNotDistinct',
      'Id idA repeated.',
    );
    expect(() =>
      validateBatchEntries(ids('a', 'A', 'x'.repeat(80), 'a_b-c'), 'SendMessageBatchRequestEntry'),
    ).not.toThrow();
  });
});

describe('batch payload size', () => {
  it('sums bodies and attributes in bytes', () => {
    const attributes = {
      Yolo: { dataType: 'Number.customtype', stringValue: '12345678901234567890' },
    };
    expect(batchPayloadSize([{ body: 'message3', attributes }, { body: '€' }])).toBe(
      8 + 4 + 17 + 20 + 3,
    );
  });

  it('allows 1 MiB and refuses more, saying how much was sent', () => {
    const half = 'x'.repeat(524_288);
    expect(() => validateBatchPayloadSize([{ body: half }, { body: half }])).not.toThrow();
    expectDomainError(
      () => validateBatchPayloadSize([{ body: half }, { body: half + 'y' }]),
      'BatchRequestTooLong',
      'Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.',
    );
  });
});

describe('FIFO batch', () => {
  it('refuses the whole batch when an entry lacks MessageGroupId', () => {
    expectDomainError(
      () =>
        validateFifoBatchEntries([{ groupId: 'g', dedupId: '1' }, { dedupId: '2' }], {
          contentBasedDeduplication: false,
        }),
      'InvalidParameterValue',
      'The request must contain the parameter MessageGroupId.',
    );
  });
  it('refuses the whole batch when an entry lacks a deduplication id and the queue has no content-based deduplication', () => {
    expectDomainError(
      () => validateFifoBatchEntries([{ groupId: 'g' }], { contentBasedDeduplication: false }),
      'InvalidParameterValue',
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
    expect(() =>
      validateFifoBatchEntries([{ groupId: 'g' }], { contentBasedDeduplication: true }),
    ).not.toThrow();
  });
});
