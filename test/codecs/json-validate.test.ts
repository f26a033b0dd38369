/**
 * AWS JSON input validation (types, Coral's error wording, required members, depth) and JSON
 * output encoding (timestamps as epoch seconds, blobs as base64, model order).
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors/domain-error.js';
import { loadServiceModel, type ServiceModel } from '../../src/protocols/aws/codecs/model.js';
import {
  encodeJsonOutput,
  validateJsonInput,
} from '../../src/protocols/aws/codecs/json-validate.js';
import { synthetic } from './synthetic-model.js';

const sqs = loadServiceModel('sqs');

function failure(op: string, body: unknown, m: ServiceModel = sqs): DomainError {
  try {
    validateJsonInput(m, op, body);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('validateJsonInput', () => {
  it('returns the modelled members, converting blobs and dropping unknowns and nulls', () => {
    const out = validateJsonInput(sqs, 'SendMessage', {
      QueueUrl: 'u',
      MessageBody: 'b',
      DelaySeconds: 0,
      MessageGroupId: null,
      Unknown: { deep: [1, 2] },
      MessageAttributes: {
        bin: { DataType: 'Binary', BinaryValue: 'AQL/' },
        s: { DataType: 'String', StringValue: 'v', StringListValues: ['a', null] },
        gone: null,
      },
    });
    expect(out).toEqual({
      QueueUrl: 'u',
      MessageBody: 'b',
      DelaySeconds: 0,
      MessageAttributes: {
        bin: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 255]) },
        s: { DataType: 'String', StringValue: 'v', StringListValues: ['a'] },
      },
    });
  });

  it('requires an object body', () => {
    expect(failure('ListQueues', [])).toMatchObject({
      id: 'SerializationException',
      message: 'Start of list found where not expected',
    });
    for (const body of [null, 'x', 1, true, undefined]) {
      expect(failure('ListQueues', body).id).toBe('SerializationException');
    }
    expect(validateJsonInput(sqs, 'ListQueues', {})).toEqual({});
  });

  it.each([
    [
      { QueueUrl: 'u', MaxNumberOfMessages: '1' },
      'STRING_VALUE can not be converted to an Integer',
    ],
    [{ QueueUrl: 'u', MaxNumberOfMessages: true }, 'TRUE_VALUE can not be converted to an Integer'],
    [
      { QueueUrl: 'u', MaxNumberOfMessages: false },
      'FALSE_VALUE can not be converted to an Integer',
    ],
    [
      { QueueUrl: 'u', MaxNumberOfMessages: 1.5 },
      'NUMBER_VALUE can not be converted to an Integer',
    ],
    [
      { QueueUrl: 'u', MaxNumberOfMessages: 2 ** 31 },
      'NUMBER_VALUE can not be converted to an Integer',
    ],
    [{ QueueUrl: 'u', MaxNumberOfMessages: [1] }, 'Start of list found where not expected'],
    [
      { QueueUrl: 'u', MaxNumberOfMessages: { a: 1 } },
      'Start of structure or map found where not expected.',
    ],
    [{ QueueUrl: 1 }, 'NUMBER_VALUE can not be converted to a String'],
    [{ QueueUrl: false }, 'FALSE_VALUE can not be converted to a String'],
    [{ QueueUrl: 'u', AttributeNames: 'All' }, 'Expected list or null'],
    [{ QueueUrl: 'u', AttributeNames: {} }, 'Start of structure or map found where not expected.'],
    [{ QueueUrl: 'u', AttributeNames: [1] }, 'NUMBER_VALUE can not be converted to a String'],
    [{ QueueUrl: 'u', AttributeNames: [['All']] }, 'Start of list found where not expected'],
  ])('ReceiveMessage %j → %s', (body, message) => {
    const e = failure('ReceiveMessage', body);
    expect(e.id).toBe('SerializationException');
    expect(e.message).toBe(message);
  });

  it('reports structure and map mismatches', () => {
    expect(failure('SetQueueAttributes', { QueueUrl: 'u', Attributes: 'x' }).message).toBe(
      'Expected map or null',
    );
    expect(failure('SetQueueAttributes', { QueueUrl: 'u', Attributes: [] }).message).toBe(
      'Start of list found where not expected',
    );
    expect(
      failure('SendMessage', { QueueUrl: 'u', MessageBody: 'b', MessageAttributes: { a: 'x' } })
        .message,
    ).toBe('Expected null');
    expect(
      failure('SendMessage', {
        QueueUrl: 'u',
        MessageBody: 'b',
        MessageAttributes: { a: { DataType: 'Binary', BinaryValue: '!!' } },
      }).message,
    ).toBe('Value !! at MessageAttributes.a.BinaryValue is not valid base64.');
  });

  it('MissingParameter for absent or null required members, named by path', () => {
    expect(failure('SendMessage', { MessageBody: 'x' })).toMatchObject({
      id: 'MissingParameter',
      message: 'The request must contain the parameter QueueUrl.',
    });
    expect(failure('SendMessage', { QueueUrl: null, MessageBody: 'x' }).id).toBe(
      'MissingParameter',
    );
    expect(
      failure('SendMessageBatch', {
        QueueUrl: 'u',
        Entries: [{ Id: 'a', MessageBody: 'b' }, { Id: 'c' }],
      }).message,
    ).toBe('The request must contain the parameter Entries.2.MessageBody.');
  });

  it('reads timestamps, doubles and longs (synthetic model)', () => {
    expect(
      validateJsonInput(synthetic, 'Do', {
        Name: 'n',
        When: 1700000000.25,
        Ratio: 'Infinity',
        Big: 2 ** 53 - 1,
        Flag: true,
        Data: '',
      }),
    ).toEqual({
      Name: 'n',
      When: new Date(1700000000250),
      Ratio: Infinity,
      Big: 2 ** 53 - 1,
      Flag: true,
      Data: Buffer.alloc(0),
    });
    expect(
      validateJsonInput(synthetic, 'Do', { Name: 'n', When: '2024-01-01T00:00:00Z' }).When,
    ).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(failure('Do', { Name: 'n', When: 'yesterday' }, synthetic).message).toBe(
      'STRING_VALUE can not be converted to a Timestamp',
    );
    expect(failure('Do', { Name: 'n', Flag: 'true' }, synthetic).message).toBe(
      'STRING_VALUE can not be converted to an Boolean',
    );
    expect(failure('Do', { Name: 'n', Big: 2 ** 53 }, synthetic).message).toBe(
      'NUMBER_VALUE can not be converted to a Long',
    );
  });

  it('bounds nesting depth without recursion errors', () => {
    let tree: unknown = { Label: 'leaf' };
    for (let i = 0; i < 10_000; i++) tree = { Child: tree };
    expect(failure('Do', { Name: 'n', Tree: tree }, synthetic)).toMatchObject({
      id: 'SerializationException',
      message: 'The request is nested too deeply.',
    });
    let shallow: unknown = { Label: 'leaf' };
    for (let i = 0; i < 60; i++) shallow = { Child: shallow };
    expect(validateJsonInput(synthetic, 'Do', { Name: 'n', Tree: shallow }).Tree).toEqual(shallow);
  });

  it('keeps map keys as data', () => {
    const body = JSON.parse('{"QueueUrl":"u","Tags":{"__proto__":"x","a":"b"}}') as unknown;
    const out = validateJsonInput(sqs, 'TagQueue', body);
    const tags = out.Tags as Record<string, unknown>;
    expect(Object.keys(tags)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });
});

describe('encodeJsonOutput', () => {
  it('writes members in model order, skipping absent ones and unknown keys', () => {
    expect(
      encodeJsonOutput(sqs, 'SendMessage', {
        SequenceNumber: undefined,
        MessageId: 'm',
        MD5OfMessageBody: 'h',
        Extra: 1,
      }),
    ).toBe('{"MD5OfMessageBody":"h","MessageId":"m"}');
    expect(encodeJsonOutput(sqs, 'DeleteQueue', undefined)).toBe('{}');
    expect(encodeJsonOutput(sqs, 'ReceiveMessage', undefined)).toBe('{}');
  });

  it('encodes blobs as base64 and nested maps/lists', () => {
    const json = encodeJsonOutput(sqs, 'ReceiveMessage', {
      Messages: [
        {
          MessageId: 'm',
          Body: 'b\r\n',
          Attributes: { SentTimestamp: '1' },
          MessageAttributes: { bin: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 255]) } },
        },
      ],
    });
    expect(JSON.parse(json)).toEqual({
      Messages: [
        {
          MessageId: 'm',
          Body: 'b\r\n',
          Attributes: { SentTimestamp: '1' },
          MessageAttributes: { bin: { BinaryValue: 'AQL/', DataType: 'Binary' } },
        },
      ],
    });
  });

  it('encodes timestamps as epoch seconds with milliseconds, non-finite doubles as strings', () => {
    expect(
      encodeJsonOutput(synthetic, 'Do', {
        When: new Date(1700000000123),
        Ratio: -Infinity,
        Data: new Uint8Array([104, 105]),
      }),
    ).toBe('{"When":1700000000.123,"Data":"aGk=","Ratio":"-Infinity"}');
  });
});
