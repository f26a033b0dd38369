/**
 * Corpus: numeric comparisons and ranges (JSON numbers only, ±5e9, six decimals), CIDR
 * (IPv4 and IPv6, strings only), and exists (true needs a leaf value — null counts, an empty
 * array or an object does not; false needs the path to have no leaf value anywhere).
 */
import { cases, detail, type MatchCase } from './case-table.js';

export const NUMERIC_CIDR_EXISTS_CASES: MatchCase[] = [
  ...cases(
    'numeric docs (all fields)',
    {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    },
    [
      [{ detail: { 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 } }, true],
      [{ detail: { 'c-count': 0, 'd-count': 3, 'x-limit': 301.8 } }, false],
      [{ detail: { 'c-count': 6, 'd-count': 3, 'x-limit': 301.8 } }, false],
      [{ detail: { 'c-count': 1, 'd-count': 10, 'x-limit': 301.8 } }, false],
      [{ detail: { 'c-count': 1, 'd-count': 9.999, 'x-limit': 301.8 } }, true],
      [{ detail: { 'c-count': 1, 'd-count': 3, 'x-limit': 301.81 } }, false],
      [{ detail: { 'c-count': '5', 'd-count': 3, 'x-limit': 301.8 } }, false],
      [{ detail: { 'c-count': 5, 'd-count': 3 } }, false],
    ],
  ),
  ...cases('numeric >=', { n: [{ numeric: ['>=', 10] }] }, [
    [{ n: 10 }, true],
    [{ n: 9.9999 }, false],
    [{ n: 1e9 }, true],
    [{ n: '11' }, false],
    [{ n: null }, false],
    [{ n: true }, false],
    [{ n: [1, 2, 30] }, true],
  ]),
  ...cases('numeric < negative', { n: [{ numeric: ['<', -1.5] }] }, [
    [{ n: -2 }, true],
    [{ n: -1.5 }, false],
    [{ n: -1.4 }, false],
  ]),
  ...cases('numeric range >= <', { n: [{ numeric: ['>=', 1, '<', 2] }] }, [
    [{ n: 1 }, true],
    [{ n: 1.999999 }, true],
    [{ n: 2 }, false],
    [{ n: 0.999999 }, false],
  ]),
  ...cases('numeric six-decimal precision', { n: [{ numeric: ['>', 0] }] }, [
    [{ n: 0.000001 }, true],
    [{ n: 0.0000001 }, false],
    [{ n: 0 }, false],
  ]),
  ...cases('numeric out-of-range event values never match', { n: [{ numeric: ['>', 0] }] }, [
    [{ n: 5e9 }, true],
    [{ n: 5.1e9 }, false],
    [{ n: 1e300 }, false],
  ]),
  ...cases('numeric equals integer vs float', { n: [{ numeric: ['=', 5] }] }, [
    [{ n: 5.0 }, true],
    [{ n: 5 }, true],
    [{ n: 5.0000001 }, true],
    [{ n: 5.00001 }, false],
  ]),
  ...cases('cidr IPv4 /24', { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } }, [
    [detail('sourceIPAddress', '10.0.0.0'), true],
    [detail('sourceIPAddress', '10.0.0.255'), true],
    [detail('sourceIPAddress', '10.0.1.0'), false],
    [detail('sourceIPAddress', '10.0.0'), false],
    [detail('sourceIPAddress', 'not-an-ip'), false],
    [detail('sourceIPAddress', 167772161), false],
    [detail('sourceIPAddress', '::ffff:10.0.0.1'), false],
    [detail('sourceIPAddress', ['1.1.1.1', '10.0.0.7']), true],
  ]),
  ...cases('cidr IPv4 /8 and host bits', { ip: [{ cidr: '10.1.2.3/8' }] }, [
    [{ ip: '10.255.255.255' }, true],
    [{ ip: '11.0.0.0' }, false],
    [{ ip: '010.0.0.1' }, false],
  ]),
  ...cases('cidr /32 and /0', { a: [{ cidr: '192.168.1.1/32' }], b: [{ cidr: '0.0.0.0/0' }] }, [
    [{ a: '192.168.1.1', b: '8.8.8.8' }, true],
    [{ a: '192.168.1.2', b: '8.8.8.8' }, false],
    [{ a: '192.168.1.1', b: 'x' }, false],
  ]),
  ...cases('cidr IPv6', { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] }, [
    [{ ip: '2001:db8:1234:1a00::1' }, true],
    [{ ip: '2001:0db8:1234:1a00:ffff:ffff:ffff:ffff' }, true],
    [{ ip: '2001:DB8:1234:1A00::abcd' }, true],
    [{ ip: '2001:db8:1234:1a01::' }, false],
    [{ ip: '10.0.0.1' }, false],
    [{ ip: '2001:db8::1::2' }, false],
  ]),
  ...cases('cidr IPv6 with embedded IPv4', { ip: [{ cidr: '::ffff:0:0/96' }] }, [
    [{ ip: '::ffff:10.0.0.1' }, true],
    [{ ip: '::1' }, false],
  ]),
  ...cases('exists true', { detail: { state: [{ exists: true }] } }, [
    [detail('state', 'pending'), true],
    [detail('state', ''), true],
    [detail('state', null), true],
    [detail('state', 0), true],
    [detail('state', false), true],
    [detail('state', [1]), true],
    [detail('state', []), false],
    [detail('state', { a: 1 }), false],
    [{ detail: {} }, false],
    [{}, false],
  ]),
  ...cases('exists false (docs c-count)', { detail: { 'c-count': [{ exists: false }] } }, [
    [{ detail: { state: ['initializing', 'running'] } }, true],
    [{ detail: { state: 'x', 'c-count': { c1: 100 } } }, true],
    [{ detail: { 'c-count': 5 } }, false],
    [{ detail: { 'c-count': null } }, false],
    [{ detail: { 'c-count': [] } }, true],
    [{}, true],
    [{ detail: 'c-count' }, true],
  ]),
  ...cases('exists on resources', { resources: [{ exists: true }] }, [
    [{ resources: [] }, false],
    [{ resources: ['arn:x'] }, true],
  ]),
  ...cases(
    'exists false with other fields',
    { source: ['aws.ec2'], detail: { error: [{ exists: false }] } },
    [
      [{ source: 'aws.ec2', detail: {} }, true],
      [{ source: 'aws.ec2', detail: { error: 'boom' } }, false],
      [{ source: 'aws.s3', detail: {} }, false],
    ],
  ),
  ...cases(
    'exists false inside array of objects is global',
    { a: { b: [{ exists: false }], c: ['1'] } },
    [
      [{ a: [{ b: 1, c: '1' }, { c: '1' }] }, false],
      [{ a: [{ c: '1' }, { c: '2' }] }, true],
    ],
  ),
  ...cases(
    'docs complex example',
    {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    },
    [
      [
        {
          time: '2017-10-02T16:24:49Z',
          detail: {
            state: 'running',
            'c-count': 5,
            'd-count': 3,
            'x-limit': 301.8,
            'source-ip': '10.0.0.33',
          },
        },
        true,
      ],
      [
        {
          time: '2017-10-02T16:24:49Z',
          detail: {
            state: 'initializing',
            'c-count': 5,
            'd-count': 3,
            'x-limit': 301.8,
            'source-ip': '10.0.0.33',
          },
        },
        false,
      ],
      [
        {
          time: '2017-10-02T16:24:49Z',
          detail: {
            state: 'running',
            'c-count': 5,
            'd-count': 3,
            'x-limit': 200,
            'source-ip': '10.0.0.33',
          },
        },
        false,
      ],
      [
        {
          time: '2017-10-02T16:24:49Z',
          detail: {
            state: 'running',
            'c-count': 5,
            'd-count': 3,
            'x-limit': 301.8,
            'source-ip': '11.0.0.33',
          },
        },
        false,
      ],
      [
        {
          time: '2017-10-03T16:24:49Z',
          detail: {
            state: 'running',
            'c-count': 5,
            'd-count': 3,
            'x-limit': 301.8,
            'source-ip': '10.0.0.33',
          },
        },
        false,
      ],
    ],
  ),
];
