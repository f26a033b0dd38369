/**
 * Corpus: `$or` at the top level, nested in objects, nested in each other, with AND inside
 * alternatives, and the cases where AWS reads `$or` as an ordinary field name (fewer than two
 * alternatives, or an alternative keyed by an operator).
 */
import { cases, type MatchCase } from './case-table.js';

export const OR_CASES: MatchCase[] = [
  ...cases(
    'normal $or',
    {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { namespace: ['AWS/EC2', 'AWS/ES'] },
      ],
    },
    [
      [{ source: 'aws.cloudwatch', metricName: 'CPUUtilization' }, true],
      [{ source: 'aws.cloudwatch', namespace: 'AWS/ES' }, true],
      [{ source: 'aws.cloudwatch', metricName: 'x', namespace: 'AWS/EC2' }, true],
      [{ source: 'aws.cloudwatch', metricName: 'x', namespace: 'y' }, false],
      [{ source: 'aws.ec2', metricName: 'CPUUtilization' }, false],
      [{ source: 'aws.cloudwatch' }, false],
    ],
  ),
  ...cases(
    'parallel $or',
    {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: {
        $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }],
      },
    },
    [
      [{ metricName: 'CPUUtilization', detail: { source: 'aws.cloudwatch' } }, true],
      [{ namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } }, true],
      [{ namespace: 'AWS/EC2', detail: { source: 'x' } }, false],
      [{ detail: { source: 'aws.cloudwatch' } }, false],
    ],
  ),
  ...cases(
    '$or with AND inside',
    {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2'] },
        { scope: ['Service'] },
      ],
    },
    [
      [{ source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' }, true],
      [{ source: 'aws.cloudwatch', metricType: 'MetricType' }, false],
      [{ source: 'aws.cloudwatch', scope: 'Service' }, true],
    ],
  ),
  ...cases(
    'nested $or',
    {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    },
    [
      [{ source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 1000 }, true],
      [{ source: 'aws.cloudwatch', metricType: 'MetricType', metricId: 1234 }, true],
      [{ source: 'aws.cloudwatch', metricType: 'MetricType', metricId: '1234' }, false],
      [{ source: 'aws.cloudwatch', metricId: 1234 }, false],
    ],
  ),
  ...cases('$or with exists', { $or: [{ a: [{ exists: true }] }, { b: [{ exists: false }] }] }, [
    [{ a: 1, b: 1 }, true],
    [{ c: 1 }, true],
    [{ b: 1 }, false],
  ]),
  ...cases(
    '$or with numeric and anything-but',
    {
      $or: [{ n: [{ numeric: ['>', 10] }] }, { s: [{ 'anything-but': 'x' }] }],
    },
    [
      [{ n: 11 }, true],
      [{ n: 5, s: 'x' }, false],
      [{ n: 5, s: 'y' }, true],
      [{}, false],
    ],
  ),
  ...cases(
    '$or alternatives in array elements keep consistency',
    {
      items: { $or: [{ a: ['1'], b: ['2'] }, { c: ['3'] }] },
    },
    [
      [{ items: [{ a: '1' }, { b: '2' }] }, false],
      [{ items: [{ a: '1', b: '2' }] }, true],
      [{ items: [{ a: '1' }, { c: '3' }] }, true],
    ],
  ),
  ...cases('$or holding plain values is a field name', { $or: ['x', 'y'] }, [
    [{ $or: 'x' }, true],
    [{ $or: ['z', 'y'] }, true],
    [{ a: 'x' }, false],
  ]),
  ...cases('$or as an object is a field name', { $or: { metricType: ['MetricType'] } }, [
    [{ $or: { metricType: 'MetricType' } }, true],
    [{ metricType: 'MetricType' }, false],
  ]),
];
