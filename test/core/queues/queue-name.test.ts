import { describe, expect, it } from 'vitest';
import {
  FIFO_NAME_MESSAGE,
  STANDARD_NAME_MESSAGE,
  arnService,
  isFifoQueueName,
  parseQueueArn,
  queueArn,
  validateQueueName,
} from '../../../src/core/queues/queue-name.js';
import { expectDomainError } from './expect-domain-error.js';

describe('queue names', () => {
  it('standard: 1–80 of [A-Za-z0-9_-]', () => {
    for (const name of ['a', 'My_Queue-1', 'x'.repeat(80)]) {
      expect(() => validateQueueName(name, { fifo: false })).not.toThrow();
    }
    for (const name of ['x'.repeat(81), 'in.fo', 'invalid/name', 'ééwwà)', 'example.fifo', 'a b']) {
      expectDomainError(
        () => validateQueueName(name, { fifo: false }),
        'InvalidParameterValue',
        STANDARD_NAME_MESSAGE,
      );
    }
  });

  it('FIFO: must end in .fifo, which counts toward the 80', () => {
    for (const name of ['a.fifo', `${'x'.repeat(75)}.fifo`]) {
      expect(() => validateQueueName(name, { fifo: true })).not.toThrow();
    }
    for (const name of [
      'example',
      'example.ifo',
      '.fifo',
      `${'x'.repeat(76)}.fifo`,
      'a.b.fifo',
      'x.FIFO',
    ]) {
      expectDomainError(
        () => validateQueueName(name, { fifo: true }),
        'InvalidParameterValue',
        FIFO_NAME_MESSAGE,
      );
    }
  });

  it('empty name', () => {
    expectDomainError(
      () => validateQueueName('', { fifo: false }),
      'InvalidParameterValue',
      'Queue name cannot be empty',
    );
  });

  it('isFifoQueueName', () => {
    expect(isFifoQueueName('q.fifo')).toBe(true);
    expect(isFifoQueueName('q')).toBe(false);
  });
});

describe('queue ARNs', () => {
  it('builds and parses', () => {
    const arn = queueArn('eu-west-1', '123456789012', 'orders.fifo');
    expect(arn).toBe('arn:aws:sqs:eu-west-1:123456789012:orders.fifo');
    expect(parseQueueArn(arn)).toEqual({
      partition: 'aws',
      region: 'eu-west-1',
      account: '123456789012',
      name: 'orders.fifo',
    });
    expect(parseQueueArn(queueArn('cn-north-1', '123456789012', 'q', 'aws-cn'))?.partition).toBe(
      'aws-cn',
    );
  });

  it.each([
    'dummy',
    'arn:aws:sns:us-east-1:123456789012:topic',
    'arn:aws:sqs:us-east-1:1234:q',
    'arn:aws:sqs:us-east-1:123456789012:',
    'arn:aws:sqs:us-east-1:123456789012:a:b',
  ])('%j is not a queue ARN', (arn) => expect(parseQueueArn(arn)).toBeUndefined());

  it('arnService', () => {
    expect(arnService('arn:aws:sns:us-east-1:123456789012:MyTopic')).toBe('sns');
    expect(arnService('dummy')).toBeUndefined();
  });
});
