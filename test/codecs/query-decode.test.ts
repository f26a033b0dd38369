/**
 * Query decoding: SQS form bodies as the AWS API reference shows them, the flattened and
 * non-flattened list/map forms (a small synthetic model), scalar conversions and the errors.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors/domain-error.js';
import { loadServiceModel, type ServiceModel } from '../../src/protocols/aws/codecs/model.js';
import { decodeQueryInput } from '../../src/protocols/aws/codecs/query-decode.js';
import { synthetic } from './synthetic-model.js';

const sqs = loadServiceModel('sqs');
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/MyQueue';
const AUTH = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T000000Z&X-Amz-Signature=abc';

function decode(op: string, body: string, m: ServiceModel = sqs): Record<string, unknown> {
  return decodeQueryInput(m, op, new URLSearchParams(body));
}

function failure(op: string, body: string, m: ServiceModel = sqs): DomainError {
  try {
    decode(op, body, m);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('SQS query requests', () => {
  it('SendMessage with message attributes', () => {
    const body =
      `Action=SendMessage&Version=2012-11-05&QueueUrl=${encodeURIComponent(QUEUE)}` +
      '&MessageBody=This+is+a+test+message&DelaySeconds=5' +
      '&MessageAttribute.1.Name=my_attribute_name_1' +
      '&MessageAttribute.1.Value.StringValue=my_attribute_value_1' +
      '&MessageAttribute.1.Value.DataType=String' +
      '&MessageAttribute.2.Name=bin&MessageAttribute.2.Value.BinaryValue=AAEC%2F%2F8%3D' +
      '&MessageAttribute.2.Value.DataType=Binary' +
      '&MessageSystemAttribute.1.Name=AWSTraceHeader' +
      '&MessageSystemAttribute.1.Value.StringValue=Root%3D1-abc&MessageSystemAttribute.1.Value.DataType=String' +
      `&Expires=2020-05-05T22%3A52%3A43PST&${AUTH}`;
    expect(decode('SendMessage', body)).toEqual({
      QueueUrl: QUEUE,
      MessageBody: 'This is a test message',
      DelaySeconds: 5,
      MessageAttributes: {
        my_attribute_name_1: { StringValue: 'my_attribute_value_1', DataType: 'String' },
        bin: { BinaryValue: Buffer.from([0, 1, 2, 255, 255]), DataType: 'Binary' },
      },
      MessageSystemAttributes: {
        AWSTraceHeader: { StringValue: 'Root=1-abc', DataType: 'String' },
      },
    });
  });

  it('SendMessageBatch with entries and attributes', () => {
    const body =
      `Action=SendMessageBatch&QueueUrl=${encodeURIComponent(QUEUE)}` +
      '&SendMessageBatchRequestEntry.1.Id=test_msg_001' +
      '&SendMessageBatchRequestEntry.1.MessageBody=test%20message%20body%201' +
      '&SendMessageBatchRequestEntry.2.Id=test_msg_002' +
      '&SendMessageBatchRequestEntry.2.MessageBody=test%20message%20body%202' +
      '&SendMessageBatchRequestEntry.2.DelaySeconds=60' +
      '&SendMessageBatchRequestEntry.2.MessageGroupId=g1' +
      '&SendMessageBatchRequestEntry.2.MessageAttribute.1.Name=test_attribute_name_1' +
      '&SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue=test_attribute_value_1' +
      '&SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType=String';
    expect(decode('SendMessageBatch', body)).toEqual({
      QueueUrl: QUEUE,
      Entries: [
        { Id: 'test_msg_001', MessageBody: 'test message body 1' },
        {
          Id: 'test_msg_002',
          MessageBody: 'test message body 2',
          DelaySeconds: 60,
          MessageGroupId: 'g1',
          MessageAttributes: {
            test_attribute_name_1: { StringValue: 'test_attribute_value_1', DataType: 'String' },
          },
        },
      ],
    });
  });

  it('ReceiveMessage: AttributeName.N feeds both attribute-name members', () => {
    const body =
      `Action=ReceiveMessage&QueueUrl=${encodeURIComponent(QUEUE)}` +
      '&AttributeName.1=All&MessageAttributeName.1=color&MessageAttributeName.2=size' +
      '&MaxNumberOfMessages=5&VisibilityTimeout=15&WaitTimeSeconds=10&ReceiveRequestAttemptId=r1';
    expect(decode('ReceiveMessage', body)).toEqual({
      QueueUrl: QUEUE,
      AttributeNames: ['All'],
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['color', 'size'],
      MaxNumberOfMessages: 5,
      VisibilityTimeout: 15,
      WaitTimeSeconds: 10,
      ReceiveRequestAttemptId: 'r1',
    });
  });

  it('CreateQueue with attributes and tags', () => {
    const body =
      'Action=CreateQueue&QueueName=MyQueue' +
      '&Attribute.1.Name=DelaySeconds&Attribute.1.Value=45' +
      '&Attribute.2.Name=VisibilityTimeout&Attribute.2.Value=30' +
      '&Tag.1.Key=QueueType&Tag.1.Value=Production';
    expect(decode('CreateQueue', body)).toEqual({
      QueueName: 'MyQueue',
      Attributes: { DelaySeconds: '45', VisibilityTimeout: '30' },
      tags: { QueueType: 'Production' },
    });
  });

  it('SetQueueAttributes, TagQueue, UntagQueue, AddPermission', () => {
    const q = `QueueUrl=${encodeURIComponent(QUEUE)}`;
    expect(
      decode('SetQueueAttributes', `${q}&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=35`),
    ).toEqual({ QueueUrl: QUEUE, Attributes: { VisibilityTimeout: '35' } });
    expect(
      decode(
        'TagQueue',
        `${q}&Tag.1.Key=QueueType&Tag.1.Value=Production&Tag.2.Key=Owner&Tag.2.Value=Developer123`,
      ),
    ).toEqual({ QueueUrl: QUEUE, Tags: { QueueType: 'Production', Owner: 'Developer123' } });
    expect(decode('UntagQueue', `${q}&TagKey.1=QueueType&TagKey.2=Owner`)).toEqual({
      QueueUrl: QUEUE,
      TagKeys: ['QueueType', 'Owner'],
    });
    expect(
      decode(
        'AddPermission',
        `${q}&Label=L&AWSAccountId.1=111122223333&ActionName.1=SendMessage&ActionName.2=ReceiveMessage`,
      ),
    ).toEqual({
      QueueUrl: QUEUE,
      Label: 'L',
      AWSAccountIds: ['111122223333'],
      Actions: ['SendMessage', 'ReceiveMessage'],
    });
  });

  it('accepts sparse indices and orders them numerically', () => {
    const body =
      'QueueName=q&Attribute.10.Name=C&Attribute.10.Value=3' +
      '&Attribute.2.Name=B&Attribute.2.Value=2&Attribute.1.Name=A&Attribute.1.Value=1';
    expect(Object.keys(decode('CreateQueue', body).Attributes as object)).toEqual(['A', 'B', 'C']);
    const entries = decode(
      'DeleteMessageBatch',
      'QueueUrl=u&DeleteMessageBatchRequestEntry.7.Id=b&DeleteMessageBatchRequestEntry.7.ReceiptHandle=y' +
        '&DeleteMessageBatchRequestEntry.3.Id=a&DeleteMessageBatchRequestEntry.3.ReceiptHandle=x',
    ).Entries;
    expect(entries).toEqual([
      { Id: 'a', ReceiptHandle: 'x' },
      { Id: 'b', ReceiptHandle: 'y' },
    ]);
  });

  it('reads `Name=` as an empty list (botocore sends empty lists that way)', () => {
    expect(decode('GetQueueAttributes', 'QueueUrl=u&AttributeName=')).toEqual({
      QueueUrl: 'u',
      AttributeNames: [],
    });
  });

  it('ignores unknown parameters, including unknown nested members', () => {
    const body =
      'Action=GetQueueUrl&Version=2012-11-05&QueueName=q&Foo=bar&Foo.1.Bar=x' +
      '&AWSAccessKeyId=AKID&SignatureVersion=2&SignatureMethod=HmacSHA256&Signature=s' +
      '&Timestamp=2024-01-01T00%3A00%3A00Z&SecurityToken=t';
    expect(decode('GetQueueUrl', body)).toEqual({ QueueName: 'q' });
    expect(
      decode(
        'SetQueueAttributes',
        'QueueUrl=u&Attribute.1.Name=A&Attribute.1.Value=1&Attribute.1.Extra=z',
      ),
    ).toEqual({ QueueUrl: 'u', Attributes: { A: '1' } });
  });

  it('keeps map keys as data (no prototype pollution)', () => {
    const out = decode(
      'TagQueue',
      'QueueUrl=u&Tag.1.Key=__proto__&Tag.1.Value=x&Tag.2.Key=constructor&Tag.2.Value=y',
    );
    const tags = out.Tags as Record<string, unknown>;
    expect(Object.keys(tags)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('accepts Map input too', () => {
    const params = new Map([
      ['QueueUrl', 'u'],
      ['ReceiptHandle', 'rh'],
      ['VisibilityTimeout', '+30'],
    ]);
    expect(decodeQueryInput(sqs, 'ChangeMessageVisibility', params)).toEqual({
      QueueUrl: 'u',
      ReceiptHandle: 'rh',
      VisibilityTimeout: 30,
    });
  });
});

describe('query decoding errors', () => {
  it('InvalidParameterValue for unreadable scalars, with AWS wording', () => {
    const e = failure('ReceiveMessage', 'QueueUrl=u&MaxNumberOfMessages=abc');
    expect(e.id).toBe('InvalidParameterValue');
    expect(e.message).toBe(
      'Value abc for parameter MaxNumberOfMessages is invalid. Reason: Must be an integer.',
    );
    expect(failure('ReceiveMessage', 'QueueUrl=u&WaitTimeSeconds=1.5').id).toBe(
      'InvalidParameterValue',
    );
    expect(failure('ReceiveMessage', 'QueueUrl=u&WaitTimeSeconds=99999999999').id).toBe(
      'InvalidParameterValue',
    );
    expect(failure('ReceiveMessage', 'QueueUrl=u&WaitTimeSeconds=').id).toBe(
      'InvalidParameterValue',
    );
    const bin = failure(
      'SendMessage',
      'QueueUrl=u&MessageBody=b&MessageAttribute.1.Name=n&MessageAttribute.1.Value.DataType=Binary' +
        '&MessageAttribute.1.Value.BinaryValue=%21%21',
    );
    expect(bin.message).toBe(
      'Value !! for parameter MessageAttribute.1.Value.BinaryValue is invalid. Reason: Must be base64-encoded.',
    );
  });

  it('MissingParameter for missing required members, named as on the wire', () => {
    expect(failure('SendMessage', 'MessageBody=x').message).toBe(
      'The request must contain the parameter QueueUrl.',
    );
    expect(
      failure('SendMessageBatch', 'QueueUrl=u&SendMessageBatchRequestEntry.1.Id=a').message,
    ).toBe('The request must contain the parameter SendMessageBatchRequestEntry.1.MessageBody.');
    expect(
      failure(
        'SendMessage',
        'QueueUrl=u&MessageBody=b&MessageAttribute.1.Name=n&MessageAttribute.1.Value.StringValue=v',
      ).message,
    ).toBe('The request must contain the parameter MessageAttribute.1.Value.DataType.');
    expect(failure('SetQueueAttributes', 'QueueUrl=u&Attribute.1.Value=1').message).toBe(
      'The request must contain the parameter Attribute.Name.',
    );
    expect(failure('SetQueueAttributes', 'QueueUrl=u&Attribute.1.Name=A').message).toBe(
      'The request must contain the parameter Attribute.Value.',
    );
  });

  it('InvalidQueryParameter for malformed indices of known members', () => {
    for (const body of [
      'QueueUrl=u&Attribute.0.Name=A&Attribute.0.Value=1',
      'QueueUrl=u&Attribute.01.Name=A&Attribute.01.Value=1',
      'QueueUrl=u&Attribute.x.Name=A',
      'QueueUrl=u&Attribute=oops',
    ]) {
      const e = failure('SetQueueAttributes', body);
      expect(e.id, body).toBe('InvalidQueryParameter');
    }
    expect(failure('SetQueueAttributes', 'QueueUrl=u&Attribute.0.Name=A').message).toBe(
      'The parameter Attribute.0 is not valid: list and map indices are positive integers starting at 1.',
    );
  });

  it('InvalidAction for an operation the model lacks', () => {
    expect(failure('NoSuchAction', 'QueueUrl=u').id).toBe('InvalidAction');
  });
});

describe('non-flattened query forms (synthetic model)', () => {
  it('decodes .member.N, renamed members, .entry.N and nested structures', () => {
    const body =
      'Name=n&Names.member.2=b&Names.member.1=a&Items.item.1.Key=k&Items.item.1.Size=9007199254740991' +
      '&Attrs.entry.1.key=x&Attrs.entry.1.value=1&Attrs.entry.2.key=y&Attrs.entry.2.value=' +
      '&MessageAttributes.entry.1.Name=color&MessageAttributes.entry.1.Value.DataType=String' +
      '&MessageAttributes.entry.1.Value.StringValue=red&Config.Inner.Flag=True' +
      '&When=2024-02-29T12%3A30%3A00.123456%2B02%3A00&Ratio=-1.5e3&Big=-42&Flag=false' +
      '&Data=aGk&OtherName=r&Nested.member.1.member.1=deep&Nested.member.2=';
    expect(decode('Do', body, synthetic)).toEqual({
      Name: 'n',
      Names: ['a', 'b'],
      Items: [{ Key: 'k', Size: 9007199254740991 }],
      Attrs: { x: '1', y: '' },
      MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } },
      Config: { Inner: { Flag: true } },
      When: new Date('2024-02-29T10:30:00.123Z'),
      Ratio: -1500,
      Big: -42,
      Flag: false,
      Data: Buffer.from('hi'),
      Renamed: 'r',
      Nested: [['deep'], []],
    });
  });

  it('reads epoch-second timestamps and rejects impossible dates', () => {
    expect(decode('Do', 'Name=n&When=1700000000.5', synthetic).When).toEqual(
      new Date(1700000000500),
    );
    expect(failure('Do', 'Name=n&When=2023-02-29T00%3A00%3A00Z', synthetic).id).toBe(
      'InvalidParameterValue',
    );
    expect(failure('Do', 'Name=n&Big=9007199254740993', synthetic).id).toBe(
      'InvalidParameterValue',
    );
    expect(failure('Do', 'Name=n&Ratio=NaN', synthetic).id).toBe('InvalidParameterValue');
    expect(failure('Do', 'Name=n&Flag=yes', synthetic).message).toBe(
      'Value yes for parameter Flag is invalid. Reason: Must be true or false.',
    );
  });

  it('bounds nesting depth', () => {
    const deep = `Name=n&Tree${'.Child'.repeat(5000)}.Label=x`;
    expect(failure('Do', deep, synthetic).id).toBe('InvalidQueryParameter');
    const ok = decode('Do', `Name=n&Tree${'.Child'.repeat(10)}.Label=x`, synthetic);
    expect(JSON.stringify(ok.Tree)).toContain('"Label":"x"');
  });

  it('rejects list children other than the member wrapper', () => {
    expect(failure('Do', 'Name=n&Names.1=a', synthetic).message).toBe(
      'The parameter Names.1 is not valid: expected Names.member.N.',
    );
    expect(failure('Do', 'Name=n&Attrs.1.key=a', synthetic).id).toBe('InvalidQueryParameter');
  });
});
