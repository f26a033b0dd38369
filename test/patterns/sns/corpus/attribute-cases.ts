/**
 * MessageAttributes-scope corpus, from the AWS SNS docs' examples ("String value matching",
 * "Numeric value matching", "Key matching", "AND/OR logic", "Example filter policies") and
 * behaviour recorded against SNS: typed attributes, String.Array (any element; anything-but
 * needs every element), Number by value, Binary ignored, missing attributes, `$or`.
 */
import { arr, attrCases, bin, num, str, type SnsCase } from './sns-case-table.js';

/** The transaction message of the docs' "Example filter policies" page. */
const TRANSACTION = {
  customer_interests: arr(['soccer', 'rugby', 'hockey']),
  store: str('example_corp'),
  event: str('order_placed'),
  price_usd: num('210.75'),
};

export const ATTRIBUTE_CASES: SnsCase[] = [
  ...attrCases('exact strings', { customer_interests: ['rugby', 'tennis'] }, [
    [{ customer_interests: str('rugby') }, true],
    [{ customer_interests: str('tennis') }, true],
    [{ customer_interests: arr(['rugby', 'tennis']) }, true],
    [{ customer_interests: str('baseball') }, false],
    [{ customer_interests: arr(['baseball']) }, false],
    [{ customer_interests: str('Rugby') }, false],
    [{ customer_interests: arr([]) }, false],
    [{ store: str('rugby') }, false],
    [{ customer_interests: bin() }, false],
    [{ customer_interests: { DataType: 'String', StringValue: 'rugby' } }, true],
  ]),
  ...attrCases(
    'anything-but strings',
    { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] },
    [
      [{ customer_interests: str('baseball') }, true],
      [{ customer_interests: str('football') }, true],
      [{ customer_interests: arr(['baseball', 'football']) }, true],
      [{ customer_interests: arr(['rugby', 'baseball']) }, false],
      [{ customer_interests: str('rugby') }, false],
      [{ customer_interests: arr([]) }, false],
      [{ store: str('fans') }, false],
    ],
  ),
  ...attrCases('anything-but prefix', { event: [{ 'anything-but': { prefix: 'order-' } }] }, [
    [{ event: str('data-entry') }, true],
    [{ event: str('order_number') }, true],
    [{ event: str('order-cancelled') }, false],
    [{ event: arr(['data-entry', 'order-cancelled']) }, false],
    [{ store: str('x') }, false],
  ]),
  ...attrCases('null or anything-but value', { attr1: [null, { 'anything-but': 'whatever' }] }, [
    [{}, false],
    [{ attr1: str('something') }, true],
    [{ attr1: str('whatever') }, false],
    [{ other: str('x') }, false],
    [{ attr1: arr([null]) }, true],
  ]),
  ...attrCases('prefix', { customer_interests: [{ prefix: 'bas' }] }, [
    [{ customer_interests: str('baseball') }, true],
    [{ customer_interests: str('basketball') }, true],
    [{ customer_interests: str('rugby') }, false],
    [{ customer_interests: arr(['rugby', 'basketball']) }, true],
    [{ customer_interests: str('Baseball') }, false],
  ]),
  ...attrCases('suffix', { customer_interests: [{ suffix: 'ball' }] }, [
    [{ customer_interests: str('baseball') }, true],
    [{ customer_interests: str('rugby') }, false],
    [{ customer_interests: arr(['rugby', 'football']) }, true],
    [{ customer_interests: str('BALL') }, false],
  ]),
  ...attrCases('equals-ignore-case', { customer_interests: [{ 'equals-ignore-case': 'tennis' }] }, [
    [{ customer_interests: str('TeNNis') }, true],
    [{ customer_interests: str('tennis') }, true],
    [{ customer_interests: str('tennis2') }, false],
    [{ customer_interests: arr(['golf', 'TENNIS']) }, true],
  ]),
  ...attrCases('cidr IPv4', { source_ip: [{ cidr: '10.0.0.0/24' }] }, [
    [{ source_ip: str('10.0.0.0') }, true],
    [{ source_ip: str('10.0.0.255') }, true],
    [{ source_ip: str('10.1.1.0') }, false],
    [{ source_ip: str('not-an-ip') }, false],
  ]),
  ...attrCases('cidr IPv6', { source_ip: [{ cidr: '2001:db8::/32' }] }, [
    [{ source_ip: str('2001:db8::1') }, true],
    [{ source_ip: str('2001:db9::1') }, false],
    [{ source_ip: str('10.0.0.1') }, false],
  ]),
  ...attrCases('numeric equals', { price_usd: [{ numeric: ['=', 301.5] }] }, [
    [{ price_usd: num(301.5) }, true],
    [{ price_usd: num('3.015e2') }, true],
    [{ price_usd: num('301.50') }, true],
    [{ price_usd: num('301.6') }, false],
    [{ price_usd: str('301.5') }, false],
  ]),
  ...attrCases('numeric anything-but', { price: [{ 'anything-but': [100, 500] }] }, [
    [{ price: num('101') }, true],
    [{ price: num('100.1') }, true],
    [{ price: num('100') }, false],
    [{ price: num('5e2') }, false],
  ]),
  ...attrCases('numeric below zero', { price_usd: [{ numeric: ['<', 0] }] }, [
    [{ price_usd: num('-1') }, true],
    [{ price_usd: num('0') }, false],
    [{ price_usd: num('5') }, false],
  ]),
  ...attrCases('numeric range', { price_usd: [{ numeric: ['>', 0, '<=', 150] }] }, [
    [{ price_usd: num('150') }, true],
    [{ price_usd: num('1') }, true],
    [{ price_usd: num('0') }, false],
    [{ price_usd: num('150.001') }, false],
    [{ price_usd: str('99') }, false],
    [{ price_usd: arr([200, 99]) }, true],
  ]),
  ...attrCases('recorded numeric range', { attr1: [{ numeric: ['>', 0, '<=', 100] }] }, [
    [{ attr1: { DataType: 'Number', StringValue: '99' } }, true],
    [{ attr1: { DataType: 'Number', StringValue: '111' } }, false],
  ]),
  ...attrCases('exists true', { store: [{ exists: true }] }, [
    [{ store: str('fans'), customer_interests: arr(['baseball', 'basketball']) }, true],
    [{ customer_interests: arr(['baseball', 'basketball']) }, false],
    [{ store: num('99'), def: num('99') }, true],
    [{ attr1: num('111') }, false],
    [{ store: bin() }, false],
  ]),
  ...attrCases('exists false', { store: [{ exists: false }] }, [
    [{ store: str('fans'), customer_interests: arr(['baseball', 'basketball']) }, false],
    [{ customer_interests: arr(['baseball', 'basketball']) }, true],
    [{ def: num('99') }, true],
    [{}, false],
    [{ store: num('99'), def: num('99') }, false],
  ]),
  ...attrCases(
    'AND of two keys',
    { customer_interests: ['rugby'], price_usd: [{ numeric: ['>', 100] }] },
    [
      [{ customer_interests: str('rugby'), price_usd: num('150') }, true],
      [{ customer_interests: str('rugby'), price_usd: num('50') }, false],
      [{ customer_interests: str('soccer'), price_usd: num('150') }, false],
      [{ customer_interests: str('rugby') }, false],
    ],
  ),
  ...attrCases('OR of values', { customer_interests: ['rugby', 'football', 'baseball'] }, [
    [{ customer_interests: str('football') }, true],
    [{ customer_interests: str('hockey') }, false],
  ]),
  ...attrCases(
    '$or across keys',
    {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { namespace: ['AWS/EC2', 'AWS/ES'] },
      ],
    },
    [
      [{ source: str('aws.cloudwatch'), metricName: str('CPUUtilization') }, true],
      [{ source: str('aws.cloudwatch'), namespace: str('AWS/ES') }, true],
      [{ source: str('aws.cloudwatch'), metricName: str('DiskUsage') }, false],
      [{ source: str('aws.other'), namespace: str('AWS/EC2') }, false],
      [{ metricName: str('CPUUtilization') }, false],
    ],
  ),
  ...attrCases(
    '$or with exists false',
    { $or: [{ tier: [{ exists: false }] }, { tier: ['gold'] }] },
    [
      [{ region: str('eu') }, true],
      [{ tier: str('gold') }, true],
      [{ tier: str('silver') }, false],
      [{}, false],
    ],
  ),
  ...attrCases('$or with a reserved key is an ordinary key', { $or: ['a', 'b'] }, [
    [{ $or: str('a') }, true],
    [{ a: str('a') }, false],
  ]),
  ...attrCases(
    'docs example: accepted policy',
    {
      store: ['example_corp'],
      event: [{ 'anything-but': 'order_cancelled' }],
      customer_interests: ['rugby', 'football', 'baseball'],
      price_usd: [{ numeric: ['>=', 100] }],
    },
    [
      [TRANSACTION, true],
      [{ ...TRANSACTION, event: str('order_cancelled') }, false],
      [{ ...TRANSACTION, price_usd: num('99.99') }, false],
      [{ ...TRANSACTION, customer_interests: arr(['golf']) }, false],
    ],
  ),
  ...attrCases('docs example: store only', { store: ['example_corp'] }, [[TRANSACTION, true]]),
  ...attrCases('docs example: other store', { store: ['other_corp'] }, [[TRANSACTION, false]]),
  ...attrCases('docs example: event prefix', { event: [{ prefix: 'order-' }] }, [
    [TRANSACTION, false],
  ]),
  ...attrCases('docs example: price strictly above', { price_usd: [{ numeric: ['>', 210.75] }] }, [
    [TRANSACTION, false],
  ]),
  ...attrCases('docs example: price at least', { price_usd: [{ numeric: ['>=', 210.75] }] }, [
    [TRANSACTION, true],
  ]),
  ...attrCases('docs example: interests prefix', { customer_interests: [{ prefix: 'hock' }] }, [
    [TRANSACTION, true],
  ]),
  ...attrCases(
    'docs example: anything-but on the array',
    { customer_interests: [{ 'anything-but': ['rugby'] }] },
    [[TRANSACTION, false]],
  ),
  ...attrCases('docs example: missing key', { encrypted: [false] }, [[TRANSACTION, false]]),
  ...attrCases('String.Array of mixed scalars', { flags: [1, true, null] }, [
    [{ flags: arr(['a', 1]) }, true],
    [{ flags: arr([false, true]) }, true],
    [{ flags: arr([null]) }, true],
    [{ flags: arr(['1', 'true', 'null']) }, false],
    [{ flags: str('1') }, false],
  ]),
  ...attrCases('numeric inside String.Array', { sizes: [{ numeric: ['>=', 10] }] }, [
    [{ sizes: arr([1, 12]) }, true],
    [{ sizes: arr([1, '12']) }, false],
  ]),
  ...attrCases('unreadable String.Array', { tags: [{ exists: true }] }, [
    [{ tags: { Type: 'String.Array', Value: 'not json' } }, false],
    [{ tags: { Type: 'String.Array', Value: '{"a":1}' } }, false],
  ]),
  ...attrCases('unreadable String.Array is still present', { tags: [{ exists: false }] }, [
    [{ tags: { Type: 'String.Array', Value: 'not json' } }, false],
    [{ other: str('x') }, true],
  ]),
  ...attrCases('custom data types', { kind: ['x'], weight: [{ numeric: ['=', 2.5] }] }, [
    [
      {
        kind: { DataType: 'String.custom', StringValue: 'x' },
        weight: { DataType: 'Number.float', StringValue: '2.5' },
      },
      true,
    ],
    [
      {
        kind: { DataType: 'String.custom', StringValue: 'x' },
        weight: { DataType: 'Number.float', StringValue: '2.6' },
      },
      false,
    ],
  ]),
  ...attrCases(
    'several conditions on one key',
    { code: [{ prefix: 'E' }, { numeric: ['>', 500] }, 'ok'] },
    [
      [{ code: str('E42') }, true],
      [{ code: num('503') }, true],
      [{ code: str('ok') }, true],
      [{ code: num('404') }, false],
      [{ code: str('fine') }, false],
    ],
  ),
  ...attrCases('dotted attribute names', { 'order.type': ['retail'] }, [
    [{ 'order.type': str('retail') }, true],
    [{ order: str('retail') }, false],
  ]),
  ...attrCases('empty policy filters nothing', {}, [
    [{}, true],
    [{ any: str('thing') }, true],
  ]),
];
