/**
 * Corpus: anything-but with a string, a number, lists, and the prefix / suffix /
 * equals-ignore-case / wildcard forms. anything-but needs the field to be present; a null value
 * is present (and is not any excluded string or number); string-only forms let numbers through.
 */
import { cases, detail, type MatchCase } from './case-table.js';

export const ANYTHING_BUT_CASES: MatchCase[] = [
  ...cases('anything-but string', { detail: { state: [{ 'anything-but': 'initializing' }] } }, [
    [detail('state', 'running'), true],
    [detail('state', 'initializing'), false],
    [detail('state', 'INITIALIZING'), true],
    [detail('state', null), true],
    [{ detail: {} }, false],
    [detail('state', 5), true],
    [detail('state', ['initializing', 'running']), true],
    [detail('state', ['initializing']), false],
    [detail('state', []), false],
  ]),
  ...cases('anything-but number', { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, [
    [detail('x-limit', 123), false],
    [detail('x-limit', 123.0), false],
    [detail('x-limit', 124), true],
    [detail('x-limit', '123'), true],
    [detail('x-limit', null), true],
  ]),
  ...cases(
    'anything-but string list',
    { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    [
      [detail('state', 'running'), true],
      [detail('state', 'stopped'), false],
      [detail('state', 'overloaded'), false],
      [detail('state', ['stopped', 'overloaded']), false],
      [detail('state', ['stopped', 'ok']), true],
    ],
  ),
  ...cases(
    'anything-but number list (also as in SNS docs)',
    { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    [
      [detail('x-limit', 100), false],
      [detail('x-limit', 101), true],
      [detail('x-limit', 100.1), true],
      [detail('x-limit', [100, 50]), true],
      [detail('x-limit', 3e2), false],
    ],
  ),
  ...cases('anything-but source list', { source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] }, [
    [{ source: 'aws.ec2' }, false],
    [{ source: 'aws.s3' }, false],
    [{ source: 'aws.sns' }, true],
    [{ source: 'my.app' }, true],
  ]),
  ...cases('anything-but prefix', { source: [{ 'anything-but': { prefix: 'aws.' } }] }, [
    [{ source: 'aws.ec2' }, false],
    [{ source: 'my.app' }, true],
    [{ source: 'AWS.ec2' }, true],
    [{ source: 5 }, true],
    [{ source: null }, true],
    [{}, false],
  ]),
  ...cases(
    'anything-but prefix list',
    { state: [{ 'anything-but': { prefix: ['init', 'stop'] } }] },
    [
      [{ state: 'initializing' }, false],
      [{ state: 'stopping' }, false],
      [{ state: 'running' }, true],
    ],
  ),
  ...cases('anything-but suffix', { FileName: [{ 'anything-but': { suffix: '.png' } }] }, [
    [{ FileName: 'a.png' }, false],
    [{ FileName: 'a.jpg' }, true],
    [{ FileName: 'a.PNG' }, true],
  ]),
  ...cases(
    'anything-but suffix list',
    { FileName: [{ 'anything-but': { suffix: ['.png', '.txt'] } }] },
    [
      [{ FileName: 'a.png' }, false],
      [{ FileName: 'a.txt' }, false],
      [{ FileName: 'a.jpg' }, true],
    ],
  ),
  ...cases(
    'anything-but equals-ignore-case',
    { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] },
    [
      [{ state: 'INITIALIZING' }, false],
      [{ state: 'Initializing' }, false],
      [{ state: 'running' }, true],
      [{ state: null }, true],
    ],
  ),
  ...cases(
    'anything-but equals-ignore-case list',
    { state: [{ 'anything-but': { 'equals-ignore-case': ['A', 'b'] } }] },
    [
      [{ state: 'a' }, false],
      [{ state: 'B' }, false],
      [{ state: 'c' }, true],
    ],
  ),
  ...cases('anything-but wildcard', { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, [
    [{ FilePath: '/usr/lib/x.so' }, false],
    [{ FilePath: '/usr/bin/x' }, true],
    [{ FilePath: 7 }, true],
  ]),
  ...cases(
    'anything-but wildcard list',
    { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*.tmp'] } }] },
    [
      [{ FilePath: '/usr/lib/x.so' }, false],
      [{ FilePath: 'x.tmp' }, false],
      [{ FilePath: '/usr/bin/x' }, true],
    ],
  ),
  ...cases('anything-but empty wildcard', { FilePath: [{ 'anything-but': { wildcard: '' } }] }, [
    [{ FilePath: 'dir/init/file' }, true],
    [{ FilePath: '' }, false],
  ]),
  ...cases(
    'anything-but OR exists:false (DynamoDB docs)',
    {
      dynamodb: {
        NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } },
      },
    },
    [
      [{ dynamodb: { NewImage: { purchased: { N: '789' } } } }, true],
      [{ dynamodb: { NewImage: { homemade: { S: 'roses' } } } }, false],
      [{ dynamodb: { NewImage: { homemade: { S: 'tulips' } } } }, true],
    ],
  ),
];
