/**
 * Query/XML response encoding: exact documents for SQS outputs and errors, parse-backs with
 * fast-xml-parser, escaping, and the non-flattened forms of the synthetic model.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../src/protocols/aws/codecs/model.js';
import {
  encodeQueryError,
  encodeQueryResponse,
  escapeXmlText,
} from '../../src/protocols/aws/codecs/xml-encode.js';
import { synthetic } from './synthetic-model.js';

const sqs = loadServiceModel('sqs');
const NS = 'http://queue.amazonaws.com/doc/2012-11-05/';
const RID = 'b5bf2332-e983-5fdc-b2ea-5cd1a6e7bf11';
const META = `<ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata>`;

const parser = new XMLParser({
  trimValues: false,
  parseTagValue: false,
  htmlEntities: true,
  ignoreAttributes: false,
  isArray: (name) =>
    [
      'Message',
      'Attribute',
      'MessageAttribute',
      'QueueUrl',
      'Tag',
      'member',
      'entry',
      'SendMessageBatchResultEntry',
      'BatchResultErrorEntry',
    ].includes(name),
});

describe('SQS query responses', () => {
  it('ReceiveMessage: flattened messages, attributes and message attributes', () => {
    const xml = encodeQueryResponse(
      sqs,
      'ReceiveMessage',
      {
        Messages: [
          {
            MessageId: 'm1',
            ReceiptHandle: 'rh+/=',
            MD5OfBody: 'd41d8cd98f00b204e9800998ecf8427e',
            Body: 'a<b>&c\r\n\t"\'',
            Attributes: { SentTimestamp: '1700000000000', ApproximateReceiveCount: '1' },
            MD5OfMessageAttributes: 'x',
            MessageAttributes: {
              color: { StringValue: 'red', DataType: 'String' },
              bin: { BinaryValue: Buffer.from([1, 2, 255]), DataType: 'Binary' },
            },
          },
        ],
      },
      RID,
    );
    expect(xml).toBe(
      `<?xml version="1.0"?><ReceiveMessageResponse xmlns="${NS}"><ReceiveMessageResult>` +
        '<Message><MessageId>m1</MessageId><ReceiptHandle>rh+/=</ReceiptHandle>' +
        '<MD5OfBody>d41d8cd98f00b204e9800998ecf8427e</MD5OfBody>' +
        '<Body>a&lt;b&gt;&amp;c&#xD;\n\t"\'</Body>' +
        '<Attribute><Name>SentTimestamp</Name><Value>1700000000000</Value></Attribute>' +
        '<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>' +
        '<MD5OfMessageAttributes>x</MD5OfMessageAttributes>' +
        '<MessageAttribute><Name>color</Name><Value><StringValue>red</StringValue><DataType>String</DataType></Value></MessageAttribute>' +
        '<MessageAttribute><Name>bin</Name><Value><BinaryValue>AQL/</BinaryValue><DataType>Binary</DataType></Value></MessageAttribute>' +
        `</Message></ReceiveMessageResult>${META}</ReceiveMessageResponse>`,
    );
    const doc = parser.parse(xml).ReceiveMessageResponse;
    expect(doc['@_xmlns']).toBe(NS);
    expect(doc.ReceiveMessageResult.Message[0].Body).toBe('a<b>&c\r\n\t"\'');
    expect(doc.ResponseMetadata.RequestId).toBe(RID);
  });

  it('ReceiveMessage with no messages has an empty result element', () => {
    expect(encodeQueryResponse(sqs, 'ReceiveMessage', { Messages: [] }, RID)).toBe(
      `<?xml version="1.0"?><ReceiveMessageResponse xmlns="${NS}"><ReceiveMessageResult/>${META}</ReceiveMessageResponse>`,
    );
    expect(encodeQueryResponse(sqs, 'ReceiveMessage', undefined, RID)).toContain(
      '<ReceiveMessageResult/>',
    );
  });

  it('operations without output carry only ResponseMetadata', () => {
    expect(encodeQueryResponse(sqs, 'DeleteQueue', undefined, RID)).toBe(
      `<?xml version="1.0"?><DeleteQueueResponse xmlns="${NS}">${META}</DeleteQueueResponse>`,
    );
  });

  it('SendMessageBatch: successful and failed entries, booleans', () => {
    const xml = encodeQueryResponse(
      sqs,
      'SendMessageBatch',
      {
        Successful: [
          { Id: 'a', MessageId: 'm-a', MD5OfMessageBody: 'h1' },
          { Id: 'b', MessageId: 'm-b', MD5OfMessageBody: 'h2', SequenceNumber: '1' },
        ],
        Failed: [{ Id: 'c', SenderFault: true, Code: 'InvalidParameterValue', Message: 'bad' }],
      },
      RID,
    );
    expect(xml).toContain(
      '<SendMessageBatchResult><SendMessageBatchResultEntry><Id>a</Id><MessageId>m-a</MessageId>' +
        '<MD5OfMessageBody>h1</MD5OfMessageBody></SendMessageBatchResultEntry>',
    );
    expect(xml).toContain(
      '<BatchResultErrorEntry><Id>c</Id><SenderFault>true</SenderFault><Code>InvalidParameterValue</Code>' +
        '<Message>bad</Message></BatchResultErrorEntry></SendMessageBatchResult>',
    );
    const result = parser.parse(xml).SendMessageBatchResponse.SendMessageBatchResult;
    expect(result.SendMessageBatchResultEntry).toHaveLength(2);
    expect(result.BatchResultErrorEntry[0].SenderFault).toBe('true');
  });

  it('GetQueueAttributes, ListQueues, ListQueueTags, CreateQueue', () => {
    const attrs = encodeQueryResponse(
      sqs,
      'GetQueueAttributes',
      { Attributes: { VisibilityTimeout: '30', Policy: '{"a":"<&>"}' } },
      RID,
    );
    expect(attrs).toContain(
      '<GetQueueAttributesResult><Attribute><Name>VisibilityTimeout</Name><Value>30</Value></Attribute>' +
        '<Attribute><Name>Policy</Name><Value>{"a":"&lt;&amp;&gt;"}</Value></Attribute></GetQueueAttributesResult>',
    );
    const list = encodeQueryResponse(
      sqs,
      'ListQueues',
      { QueueUrls: ['http://h/1/a', 'http://h/1/b'], NextToken: 't' },
      RID,
    );
    expect(list).toContain(
      '<ListQueuesResult><QueueUrl>http://h/1/a</QueueUrl><QueueUrl>http://h/1/b</QueueUrl>' +
        '<NextToken>t</NextToken></ListQueuesResult>',
    );
    expect(parser.parse(list).ListQueuesResponse.ListQueuesResult.QueueUrl).toEqual([
      'http://h/1/a',
      'http://h/1/b',
    ]);
    const tags = encodeQueryResponse(sqs, 'ListQueueTags', { Tags: { env: 'prod', t: '' } }, RID);
    expect(tags).toContain(
      '<ListQueueTagsResult><Tag><Key>env</Key><Value>prod</Value></Tag><Tag><Key>t</Key><Value></Value></Tag></ListQueueTagsResult>',
    );
    expect(encodeQueryResponse(sqs, 'CreateQueue', { QueueUrl: 'http://h/1/q' }, RID)).toContain(
      '<CreateQueueResult><QueueUrl>http://h/1/q</QueueUrl></CreateQueueResult>',
    );
  });

  it('leaves out undefined and null members and unmodelled keys', () => {
    const xml = encodeQueryResponse(
      sqs,
      'SendMessage',
      { MessageId: 'm', MD5OfMessageBody: undefined, SequenceNumber: null, Extra: 'no' },
      RID,
    );
    expect(xml).toContain('<SendMessageResult><MessageId>m</MessageId></SendMessageResult>');
  });
});

describe('query errors', () => {
  it('renders AWS ErrorResponse', () => {
    expect(
      encodeQueryError(
        {
          code: 'AWS.SimpleQueueService.NonExistentQueue',
          message: 'The specified queue does not exist.',
          fault: 'Sender',
        },
        RID,
        NS,
      ),
    ).toBe(
      `<?xml version="1.0"?><ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type>` +
        '<Code>AWS.SimpleQueueService.NonExistentQueue</Code>' +
        '<Message>The specified queue does not exist.</Message><Detail/></Error>' +
        `<RequestId>${RID}</RequestId></ErrorResponse>`,
    );
    expect(
      encodeQueryError({ code: 'X', message: 'a < b & "c"', fault: 'Receiver' }, RID, 'n"s'),
    ).toContain(
      '<ErrorResponse xmlns="n&quot;s"><Error><Type>Receiver</Type><Code>X</Code><Message>a &lt; b &amp; "c"</Message>',
    );
  });
});

describe('escaping', () => {
  it('escapes markup and CR, keeps tab/LF and astral characters literal', () => {
    expect(escapeXmlText('<a href="x">&amp;</a>\r\n\t😀\u{10FFFF}')).toBe(
      '&lt;a href="x"&gt;&amp;amp;&lt;/a&gt;&#xD;\n\t😀\u{10FFFF}',
    );
  });

  it('replaces characters XML 1.0 cannot carry', () => {
    expect(escapeXmlText('a\u0000b\u001Fc\uFFFEd\uD800e\uDC00')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD',
    );
  });
});

describe('non-flattened forms (synthetic model)', () => {
  it('wraps lists in member/renamed elements, maps in entry, formats scalars', () => {
    const xml = encodeQueryResponse(
      synthetic,
      'Do',
      {
        Names: ['a', 'b'],
        Items: [{ Key: 'k', Size: 3 }],
        Attrs: { x: '1' },
        MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } },
        When: new Date('2024-01-02T03:04:05Z'),
        Stamp: new Date(1700000000123),
        Flag: false,
        Data: Buffer.from('hi'),
        Ratio: 0.25,
        Renamed: 'r',
      },
      RID,
    );
    expect(xml).toBe(
      '<?xml version="1.0"?><DoResponse xmlns="https://synthetic.example/doc/2020-01-01/"><DoResult>' +
        '<Names><member>a</member><member>b</member></Names>' +
        '<Items><item><Key>k</Key><Size>3</Size></item></Items>' +
        '<Attrs><entry><key>x</key><value>1</value></entry></Attrs>' +
        '<MessageAttributes><entry><Name>color</Name><Value><DataType>String</DataType>' +
        '<StringValue>red</StringValue></Value></entry></MessageAttributes>' +
        '<When>2024-01-02T03:04:05Z</When><Stamp>1700000000.123</Stamp><Flag>false</Flag>' +
        '<Data>aGk=</Data><Ratio>0.25</Ratio><OtherName>r</OtherName>' +
        `</DoResult>${META}</DoResponse>`,
    );
  });

  it('writes millisecond timestamps with their fraction', () => {
    expect(
      encodeQueryResponse(synthetic, 'Do', { When: new Date('2024-01-02T03:04:05.678Z') }, RID),
    ).toContain('<When>2024-01-02T03:04:05.678Z</When>');
  });
});
