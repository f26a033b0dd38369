/**
 * MessageBody-scope corpus, from the AWS SNS docs' examples (the same pages as the attribute
 * corpus, in their message-body form), the payload-based filtering launch examples (S3 event
 * records) and behaviour recorded against SNS: nested keys, dotted keys, arrays (any element,
 * including arrays of objects and arrays of arrays), `$or` at any level, exists on leaves
 * only, and bodies that are not JSON objects (never matched).
 */
import { bodyCases, type SnsCase } from './sns-case-table.js';

const S3_CREATED = {
  Records: [
    {
      eventSource: 'aws:s3',
      eventTime: '2022-11-21T03:41:29.743Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: 'insurance-bucket-demo', arn: 'arn:aws:s3:::insurance-bucket-demo' },
        object: { key: 'auto-insurance-2314.xml', size: 17 },
      },
    },
  ],
};

function s3Event(eventName: string, key: string): unknown {
  const record = S3_CREATED.Records[0]!;
  return { Records: [{ ...record, eventName, s3: { ...record.s3, object: { key, size: 17 } } }] };
}

const TRANSACTION = {
  customer_interests: ['soccer', 'rugby', 'hockey'],
  store: 'example_corp',
  event: 'order_placed',
  price_usd: 210.75,
};

export const BODY_CASES: SnsCase[] = [
  ...bodyCases('exact strings', { customer_interests: ['rugby', 'tennis'] }, [
    [{ customer_interests: 'rugby' }, true],
    [{ customer_interests: 'tennis' }, true],
    [{ customer_interests: 'baseball' }, false],
    [{ customer_interests: ['baseball', 'rugby'] }, true],
    ['rugby', false],
    ['"rugby"', false],
    ['["rugby"]', false],
    ['', false],
    ['{"customer_interests": "rugby"', false],
  ]),
  ...bodyCases(
    'anything-but strings',
    { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] },
    [
      [{ customer_interests: 'baseball' }, true],
      [{ customer_interests: 'football' }, true],
      [{ customer_interests: ['rugby', 'baseball'] }, true],
      [{ customer_interests: 'rugby' }, false],
      [{ store: 'fans' }, false],
    ],
  ),
  ...bodyCases('numeric anything-but', { price: [{ 'anything-but': [100, 500] }] }, [
    [{ price: 101 }, true],
    [{ price: 100.1 }, true],
    [{ price: [100, 50] }, true],
    [{ price: 100 }, false],
    [{ price: 500 }, false],
  ]),
  ...bodyCases('numeric equals', { price_usd: [{ numeric: ['=', 301.5] }] }, [
    ['{"price_usd": 301.5}', true],
    ['{"price_usd": 3.015e2}', true],
    [{ price_usd: '301.5' }, false],
    [{ price_usd: 301.51 }, false],
  ]),
  ...bodyCases('numeric range', { price_usd: [{ numeric: ['>', 0, '<=', 150] }] }, [
    [{ price_usd: 150 }, true],
    [{ price_usd: 0 }, false],
    [{ price_usd: -5 }, false],
    [{ price_usd: [200, 3] }, true],
  ]),
  ...bodyCases('exists true', { store: [{ exists: true }] }, [
    [{ store: 'fans', customer_interests: ['baseball', 'basketball'] }, true],
    [{ customer_interests: ['baseball', 'basketball'] }, false],
  ]),
  ...bodyCases('exists false', { store: [{ exists: false }] }, [
    [{ store: 'fans', customer_interests: ['baseball', 'basketball'] }, false],
    [{ customer_interests: ['baseball', 'basketball'] }, true],
    ['not json at all', false],
  ]),
  ...bodyCases('exists works on leaves only', { object: [{ exists: true }] }, [
    [{ object: { key: 'x' } }, false],
    [{ object: 'x' }, true],
  ]),
  ...bodyCases(
    'recorded nested policy',
    {
      object: { key: [{ prefix: 'auto-' }, 'hardcodedvalue'], nested_key: [{ exists: false }] },
      test: [{ exists: false }],
    },
    [
      [{ object: { key: 'auto-test' } }, true],
      [{ object: { key: 'hardcodedvalue' } }, true],
      [{ object: { key: 'test-auto' } }, false],
      [{ object: { key: 'auto-test' }, test: 'just-exists' }, false],
      [{ object: { key: 'auto-test', nested_key: 'just-exists' } }, false],
      [{ object: { test: 'auto-test' } }, false],
      [{ test: 'auto-test' }, false],
      ['Regular string message', false],
      ['"Regular string message"', false],
    ],
  ),
  ...bodyCases('recorded dotted key', { 'object.nested': ['string.value'] }, [
    [{ object: { nested: 'string.value' } }, true],
    [{ 'object.nested': 'string.value' }, true],
    [{ object: { nested: 'string.other' } }, false],
  ]),
  ...bodyCases('recorded deep dotted key', { 'object.nested.test': ['string.value'] }, [
    [{ object: { nested: { test: 'string.value' } } }, true],
    [{ 'object.nested.test': 'string.value' }, true],
    [{ 'object.nested': { test: 'string.value' } }, true],
    [{ object: { 'nested.test': 'string.value' } }, true],
    [{ object: { nested: { test: 'string.notvalue' } } }, false],
  ]),
  ...bodyCases('recorded array values', { headers: { 'route-to': ['queue1'] } }, [
    [{ headers: { 'route-to': ['queue3'] } }, false],
    [{ headers: { 'route-to': ['queue1'] } }, true],
    [{ headers: { 'route-to': ['queue2'] } }, false],
    [{ headers: { 'route-to': ['queue1', 'queue2'] } }, true],
  ]),
  ...bodyCases(
    'S3 records (payload filtering launch example)',
    {
      Records: {
        s3: { object: { key: [{ prefix: 'auto-' }] } },
        eventName: [{ prefix: 'ObjectCreated:' }],
      },
    },
    [
      [S3_CREATED, true],
      [s3Event('ObjectRemoved:Delete', 'auto-insurance-2314.xml'), false],
      [s3Event('ObjectCreated:Put', 'home-insurance-2314.xml'), false],
      [
        {
          Records: [
            {
              eventSource: 'aws:s3',
              eventName: 'ObjectCreated:Put',
              s3: { object: [[{ key: 'auto-insurance-2314.xml', size: 17 }]] },
            },
            {
              eventSource: 'aws:s3',
              eventName: 'ObjectRemoved:Delete',
              s3: { object: { key: 'home-insurance-2314.xml', size: 17 } },
            },
          ],
        },
        true,
      ],
      [
        {
          Records: [
            { eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'auto-1.xml' } } },
            { eventName: 'ObjectCreated:Put', s3: { object: { key: 'home-1.xml' } } },
          ],
        },
        false,
      ],
    ],
  ),
  ...bodyCases(
    'recorded $or at two levels',
    {
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { namespace: ['AWS/EC2', 'AWS/ES'] },
      ],
      detail: {
        scope: ['Service'],
        $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change'] }],
      },
    },
    [
      [
        {
          metricName: 'CPUUtilization',
          detail: { scope: 'aws.cloudwatch', type: 'CloudWatch Alarm State Change' },
        },
        false,
      ],
      [
        { metricName: 'CPUUtilization', detail: { scope: 'Service', type: 'CPUUtilization' } },
        false,
      ],
      [{ metricName: 'CPUUtilization', detail: { type: 'CloudWatch Alarm State Change' } }, false],
      [{ metricName: 'CPUUtilization', detail: { scope: 'Service' } }, false],
      [{ metricName: 'CPUUtilization', scope: 'Service' }, false],
      [
        { metricName: 'CPUUtilization', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
        true,
      ],
      [{ metricName: 'ReadLatency', detail: { scope: 'Service', source: 'aws.cloudwatch' } }, true],
      [{ namespace: 'AWS/EC2', detail: { scope: 'Service', source: 'aws.cloudwatch' } }, true],
      [{ namespace: 'AWS/ES', detail: { scope: 'Service', source: 'aws.cloudwatch' } }, true],
      [
        {
          metricName: 'CPUUtilization',
          detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' },
        },
        true,
      ],
      [
        {
          metricName: 'AWS/EC2',
          detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' },
        },
        false,
      ],
    ],
  ),
  ...bodyCases(
    'docs $or nested in $or',
    {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          $or: [{ metricId: [1234, 4321] }, { spaceId: [1000, 2000, 3000] }],
        },
      ],
    },
    [
      [{ source: 'aws.cloudwatch', metricName: 'CPUUtilization' }, true],
      [{ source: 'aws.cloudwatch', metricType: 'MetricType', metricId: 1234 }, true],
      [{ source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 3000 }, true],
      [{ source: 'aws.cloudwatch', metricType: 'MetricType' }, false],
      [{ source: 'aws.cloudwatch', metricType: 'MetricType', metricId: '1234' }, false],
      [{ source: 'aws.ec2', metricName: 'CPUUtilization' }, false],
    ],
  ),
  ...bodyCases('prefix', { customer_interests: [{ prefix: 'bas' }] }, [
    [{ customer_interests: 'basketball' }, true],
    [{ customer_interests: 'rugby' }, false],
    [{ customer_interests: 42 }, false],
  ]),
  ...bodyCases('suffix', { file: [{ suffix: '.png' }] }, [
    [{ file: 'photo.png' }, true],
    [{ file: 'photo.PNG' }, false],
  ]),
  ...bodyCases('equals-ignore-case', { name: [{ 'equals-ignore-case': 'alice' }] }, [
    [{ name: 'ALICE' }, true],
    [{ name: 'alicia' }, false],
  ]),
  ...bodyCases('anything-but prefix', { event: [{ 'anything-but': { prefix: 'order-' } }] }, [
    [{ event: 'data-entry' }, true],
    [{ event: 'order-cancelled' }, false],
  ]),
  ...bodyCases('cidr', { client: { ip: [{ cidr: '192.168.0.0/16' }] } }, [
    [{ client: { ip: '192.168.10.20' } }, true],
    [{ client: { ip: '192.169.0.1' } }, false],
  ]),
  ...bodyCases('null and booleans', { flag: [true], note: [null] }, [
    [{ flag: true, note: null }, true],
    [{ flag: 'true', note: null }, false],
    [{ flag: true }, false],
  ]),
  ...bodyCases(
    'docs example: accepted policy',
    {
      store: ['example_corp'],
      event: [{ 'anything-but': 'order_cancelled' }],
      customer_interests: ['rugby', 'football', 'baseball'],
      price_usd: [{ numeric: ['>=', 100] }],
    },
    [
      [TRANSACTION, true],
      [{ ...TRANSACTION, event: 'order_cancelled' }, false],
      [{ ...TRANSACTION, price_usd: 99 }, false],
    ],
  ),
  ...bodyCases('empty policy filters nothing', {}, [
    ['not json', true],
    [{ a: 1 }, true],
  ]),
];
