/**
 * Corpus: prefix, suffix, equals-ignore-case, their ignore-case forms and wildcard — strings
 * only (numbers, booleans and null never match), with the AWS documentation's examples.
 */
import { cases, detail, type MatchCase } from './case-table.js';

export const STRING_OPERATOR_CASES: MatchCase[] = [
  ...cases('prefix (docs time)', { time: [{ prefix: '2017-10-02' }] }, [
    [{ time: '2017-10-02T18:43:48Z' }, true],
    [{ time: '2017-10-03T18:43:48Z' }, false],
    [{ time: '2017-10-0' }, false],
    [{ time: '2017-10-02' }, true],
    [{ time: ['x', '2017-10-02T00:00:00Z'] }, true],
    [{ time: 20171002 }, false],
    [{ time: null }, false],
    [{}, false],
  ]),
  ...cases('prefix region eu-', { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] }, [
    [{ source: 'aws.autoscaling', region: 'eu-west-1' }, true],
    [{ source: 'aws.autoscaling', region: 'us-east-1' }, false],
    [{ source: 'aws.autoscaling', region: 'EU-west-1' }, false],
    [{ source: 'aws.ec2', region: 'eu-west-1' }, false],
  ]),
  ...cases('empty prefix matches any string', { k: [{ prefix: '' }] }, [
    [{ k: '' }, true],
    [{ k: 'anything' }, true],
    [{ k: 5 }, false],
    [{ k: null }, false],
  ]),
  ...cases(
    'prefix ignore case',
    { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    [
      [detail('service', 'EventBridge'), true],
      [detail('service', 'eventbridge'), true],
      [detail('service', 'EVENTBUS'), true],
      [detail('service', 'Event'), false],
      [detail('service', 'xEventB'), false],
    ],
  ),
  ...cases('suffix (docs png)', { FileName: [{ suffix: '.png' }] }, [
    [{ FileName: 'image.png' }, true],
    [{ FileName: 'image.PNG' }, false],
    [{ FileName: 'image.png.txt' }, false],
    [{ FileName: '.png' }, true],
    [{ FileName: 'png' }, false],
  ]),
  ...cases(
    'suffix ignore case',
    { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    [
      [detail('FileName', 'a.PNG'), true],
      [detail('FileName', 'a.pNg'), true],
      [detail('FileName', 'a.jpg'), false],
      [detail('FileName', 1), false],
    ],
  ),
  ...cases(
    'equals-ignore-case',
    { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    [
      [{ 'detail-type': 'EC2 Instance State-change Notification' }, true],
      [{ 'detail-type': 'ec2 instance state-change notification' }, true],
      [{ 'detail-type': 'EC2 Instance State-change' }, false],
      [{ 'detail-type': ['x', 'EC2 INSTANCE STATE-CHANGE NOTIFICATION'] }, true],
    ],
  ),
  ...cases('equals-ignore-case empty', { k: [{ 'equals-ignore-case': '' }] }, [
    [{ k: '' }, true],
    [{ k: ' ' }, false],
    [{ k: null }, false],
  ]),
  ...cases('equals-ignore-case non-ASCII', { k: [{ 'equals-ignore-case': 'ÉTÉ' }] }, [
    [{ k: 'été' }, true],
    [{ k: 'ete' }, false],
  ]),
  ...cases('wildcard middle (Simple*Service)', { source: [{ wildcard: 'Simple*Service' }] }, [
    [{ source: 'SimpleQueueService' }, true],
    [{ source: 'SimpleService' }, true],
    [{ source: 'SimpleNotificationService' }, true],
    [{ source: 'SimpleServices' }, false],
    [{ source: 'simpleQueueService' }, false],
    [{ source: 'Simple' }, false],
  ]),
  ...cases('wildcard dir/*.png', { FileName: [{ wildcard: 'dir/*.png' }] }, [
    [{ FileName: 'dir/a.png' }, true],
    [{ FileName: 'dir/sub/a.png' }, true],
    [{ FileName: 'dir/.png' }, true],
    [{ FileName: 'other/a.png' }, false],
    [{ FileName: 'dir/a.jpg' }, false],
  ]),
  ...cases('wildcard both ends', { title: [{ wildcard: '*Title*' }] }, [
    [{ title: 'Title' }, true],
    [{ title: 'A Title here' }, true],
    [{ title: 'title' }, false],
  ]),
  ...cases(
    'wildcard ARN',
    { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    [
      [{ EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/myBus' }, true],
      [{ EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/myBus' }, false],
      [{ EventBusArn: 'arn:aws:events:us-east-1:123:rule/x' }, false],
    ],
  ),
  ...cases(
    'wildcard repeating after star',
    { f: [{ wildcard: '/Users/*/dir/dir/dir/dir/dir/doc.txt' }] },
    [
      [{ f: '/Users/ls_user/dir/dir/dir/dir/dir/doc.txt' }, true],
      [{ f: '/Users/a/dir/dir/dir/dir/dir/dir/doc.txt' }, true],
      [{ f: '/Users/a/dir/dir/dir/dir/doc.txt' }, false],
    ],
  ),
  ...cases('wildcard overlapping segments', { k: [{ wildcard: 'ab*ba*ab' }] }, [
    [{ k: 'abbaab' }, true],
    [{ k: 'abab' }, false],
    [{ k: 'abba' }, false],
    [{ k: 'ab-ba-ab' }, true],
  ]),
  ...cases('wildcard escapes', { k: [{ wildcard: 'a\\*b*\\\\' }] }, [
    [{ k: 'a*b\\' }, true],
    [{ k: 'a*bxyz\\' }, true],
    [{ k: 'axb\\' }, false],
    [{ k: 'a*b' }, false],
  ]),
  ...cases('wildcard without star is equality', { k: [{ wildcard: 'exact' }] }, [
    [{ k: 'exact' }, true],
    [{ k: 'exactly' }, false],
  ]),
  ...cases('lone star matches any string', { k: [{ wildcard: '*' }] }, [
    [{ k: '' }, true],
    [{ k: 'x' }, true],
    [{ k: 1 }, false],
    [{ k: null }, false],
    [{}, false],
  ]),
  ...cases('mixed operators in one list', { k: ['exact', { prefix: 'pre' }, { suffix: 'suf' }] }, [
    [{ k: 'exact' }, true],
    [{ k: 'prefix' }, true],
    [{ k: 'the suf' }, true],
    [{ k: 'none' }, false],
  ]),
];
