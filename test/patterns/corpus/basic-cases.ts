/**
 * Corpus: exact values, arrays (OR in the pattern, any-element in the event), nesting, null
 * and empty strings, booleans, numbers (by value; never as strings), dotted keys, and
 * array-consistent matching of arrays of objects — from the AWS event-pattern docs and Ruler's.
 */
import { cases, detail, EC2_EVENT, type MatchCase } from './case-table.js';

const EC2_TERMINATED = {
  source: ['aws.ec2'],
  'detail-type': ['EC2 Instance State-change Notification'],
  detail: { state: ['terminated'] },
};

export const BASIC_CASES: MatchCase[] = [
  ...cases('docs EC2 termination', EC2_TERMINATED, [
    [EC2_EVENT, true],
    [{ ...EC2_EVENT, detail: { state: 'running' } }, false],
    [{ ...EC2_EVENT, source: 'aws.s3' }, false],
    [{ ...EC2_EVENT, detail: { state: ['stopped', 'terminated'] } }, true],
    [{ ...EC2_EVENT, detail: undefined }, false],
    [{ ...EC2_EVENT, detail: 'terminated' }, false],
    [{ source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification' }, false],
    [{ ...EC2_EVENT, 'detail-type': 'ec2 instance state-change notification' }, false],
  ]),
  ...cases('value OR list', { detail: { state: ['initializing', 'running'] } }, [
    [detail('state', 'running'), true],
    [detail('state', 'initializing'), true],
    [detail('state', 'stopped'), false],
    [detail('state', ['stopped', 'running']), true],
    [detail('state', []), false],
    [detail('state', null), false],
    [detail('Running', 'running'), false],
  ]),
  ...cases(
    'resources intersection',
    {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
      ],
    },
    [
      [
        {
          resources: [
            'arn:aws:autoscaling:x',
            'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
          ],
        },
        true,
      ],
      [{ resources: ['arn:aws:autoscaling:x'] }, false],
      [{ resources: [] }, false],
      [{ resources: 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f' }, true],
      [{ resources: [['arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f']] }, true],
      [{}, false],
    ],
  ),
  ...cases('empty string', { detail: { eventVersion: [''] } }, [
    [detail('eventVersion', ''), true],
    [detail('eventVersion', null), false],
    [detail('eventVersion', ' '), false],
    [{ detail: {} }, false],
    [detail('eventVersion', ['x', '']), true],
  ]),
  ...cases('null value', { detail: { responseElements: [null] } }, [
    [detail('responseElements', null), true],
    [detail('responseElements', ''), false],
    [detail('responseElements', 'null'), false],
    [detail('responseElements', {}), false],
    [{ detail: {} }, false],
    [detail('responseElements', [null, 1]), true],
    [detail('responseElements', []), false],
  ]),
  ...cases('empty event array never matches null', { resources: [null] }, [
    [{ resources: [] }, false],
    [{ resources: [null] }, true],
  ]),
  ...cases('booleans', { detail: { enabled: [true] } }, [
    [detail('enabled', true), true],
    [detail('enabled', false), false],
    [detail('enabled', 'true'), false],
    [detail('enabled', 1), false],
    [detail('enabled', [false, true]), true],
  ]),
  ...cases('false and null together', { detail: { v: [false, null] } }, [
    [detail('v', false), true],
    [detail('v', null), true],
    [detail('v', 0), false],
    [detail('v', ''), false],
  ]),
  ...cases('numbers by value', { detail: { 'x-limit': [301.8, 5] } }, [
    [detail('x-limit', 301.8), true],
    [detail('x-limit', 3.018e2), true],
    [detail('x-limit', 5), true],
    [detail('x-limit', 5.0), true],
    [detail('x-limit', '5'), false],
    [detail('x-limit', '301.8'), false],
    [detail('x-limit', 301.80001), false],
    [detail('x-limit', -5), false],
  ]),
  ...cases('string that looks like a number', { detail: { code: ['42'] } }, [
    [detail('code', '42'), true],
    [detail('code', 42), false],
  ]),
  ...cases('zero and negative zero', { n: [0] }, [
    [{ n: 0 }, true],
    [{ n: -0 }, true],
    [{ n: '0' }, false],
    [{ n: false }, false],
  ]),
  ...cases('case-sensitive keys and values', { source: ['aws.ec2'] }, [
    [{ source: 'aws.ec2' }, true],
    [{ Source: 'aws.ec2' }, false],
    [{ source: 'AWS.EC2' }, false],
  ]),
  ...cases('deep nesting', { a: { b: { c: { d: ['x'] } } } }, [
    [{ a: { b: { c: { d: 'x' } } } }, true],
    [{ a: { b: { c: { d: 'y' } } } }, false],
    [{ a: { b: { c: 'x' } } }, false],
    [{ a: { b: { c: { d: { e: 'x' } } } } }, false],
    [{ a: { b: [{ c: { d: 'x' } }] } }, true],
  ]),
  ...cases('AND across fields', { a: ['1'], b: ['2'] }, [
    [{ a: '1', b: '2' }, true],
    [{ a: '1' }, false],
    [{ b: '2' }, false],
    [{ a: '1', b: '3' }, false],
    [{ a: ['0', '1'], b: ['2'] }, true],
  ]),
  ...cases('dotted pattern key joins like nesting', { 'detail.state': ['running'] }, [
    [{ detail: { state: 'running' } }, true],
    [{ 'detail.state': 'running' }, true],
    [{ detail: { state: 'stopped' } }, false],
  ]),
  ...cases('dotted event key joins like nesting', { detail: { state: { status: ['ok'] } } }, [
    [{ detail: { 'state.status': 'ok' } }, true],
    [{ 'detail.state': { status: 'ok' } }, true],
    [{ detail: { state: { status: 'ko' } } }, false],
  ]),
  ...cases('array of objects (Ruler employees)', { employees: { firstName: ['Anna'] } }, [
    [{ employees: [{ firstName: 'John' }, { firstName: 'Anna' }] }, true],
    [{ employees: [[{ firstName: 'John' }], [{ firstName: 'Anna' }]] }, true],
    [{ employees: [{ firstName: 'John' }] }, false],
    [{ employees: [] }, false],
    [{ employees: { firstName: 'Anna' } }, true],
  ]),
  ...cases('array consistency', { employees: { firstName: ['Anna'], lastName: ['Jones'] } }, [
    [
      {
        employees: [
          { firstName: 'Anna', lastName: 'Smith' },
          { firstName: 'Peter', lastName: 'Jones' },
        ],
      },
      false,
    ],
    [{ employees: [{ firstName: 'Anna', lastName: 'Jones' }] }, true],
    [
      {
        employees: [
          { firstName: 'Peter', lastName: 'Jones' },
          { firstName: 'Anna', lastName: 'Jones' },
        ],
      },
      true,
    ],
    [{ employees: [[{ firstName: 'Anna' }, { lastName: 'Jones' }]] }, false],
    [{ employees: [{ firstName: ['Bob', 'Anna'], lastName: 'Jones' }] }, true],
  ]),
  ...cases('array consistency across nested arrays', { a: { b: { c: ['1'], d: ['2'] } } }, [
    [{ a: [{ b: [{ c: '1', d: '2' }] }] }, true],
    [{ a: [{ b: [{ c: '1' }, { d: '2' }] }] }, false],
    [{ a: [{ b: [{ c: '1' }] }, { b: [{ d: '2' }] }] }, false],
    [{ a: [{ b: { c: '1', d: ['0', '2'] } }] }, true],
  ]),
  ...cases('consistency does not bind unrelated arrays', { x: { p: ['1'] }, y: { q: ['2'] } }, [
    [{ x: [{ p: '0' }, { p: '1' }], y: [{ q: '2' }, { q: '3' }] }, true],
    [{ x: [{ p: '0' }], y: [{ q: '2' }] }, false],
  ]),
  ...cases('one path twice may pick different scalar elements', { a: { b: ['1'] }, 'a.b': ['2'] }, [
    [{ a: { b: ['1', '2'] } }, true],
    [{ a: { b: ['1'] } }, false],
  ]),
  ...cases('unicode and escapes', { msg: ['héllo ✓', 'a"b\\c'] }, [
    [{ msg: 'héllo ✓' }, true],
    [{ msg: 'a"b\\c' }, true],
    [{ msg: 'hello ✓' }, false],
  ]),
  ...cases('non-object events', { a: ['1'] }, [
    [null, false],
    ['a', false],
    [[{ a: '1' }], false],
    [42, false],
  ]),
];
