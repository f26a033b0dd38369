/**
 * Table-driven rendering cases built from the AWS documentation's input-transformer
 * examples (the EC2 state-change event, JSON and string templates, predefined variables,
 * missing paths, values needing escaping) plus Input and InputPath.
 */
import { describe, expect, it } from 'vitest';
import {
  compileTargetInput,
  renderTargetInput,
  type TargetInputSpec,
} from '../../src/core/targets/index.js';

const EC2_EVENT = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: {
    'instance-id': 'i-0123456789',
    state: 'RUNNING',
    count: 3,
    ratio: 0.5,
    flag: true,
    nothing: null,
    tags: { env: 'prod', team: 'core' },
    list: ['a', 'b'],
    nested: { 'a/b': { deep: 'x' } },
    quote: 'say "hi"',
    backslash: 'C:\\temp',
    newline: 'line1\nline2',
    angle: '<b>',
    unicode: 'héllo ✓',
    empty: '',
  },
};

const CTX = {
  ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
  ruleName: 'example',
  ingestionTime: new Date('2015-11-11T21:29:55.123Z'),
};

const EC2_MAP = { instance: '$.detail.instance-id', state: '$.detail.state' };

const EVENT_NO_DETAIL = Object.fromEntries(
  Object.entries(EC2_EVENT).filter(([k]) => k !== 'detail'),
);

interface Case {
  readonly name: string;
  readonly spec: TargetInputSpec;
  readonly expected: string;
  readonly event?: unknown;
}

function tx(template: string, map: Record<string, string> = EC2_MAP): TargetInputSpec {
  return { inputTransformer: { inputPathsMap: map, inputTemplate: template } };
}

function one(path: string, template: string): TargetInputSpec {
  return tx(template, { v: path });
}

const CASES: Case[] = [
  // No input settings: the whole event.
  { name: 'no settings → whole event', spec: {}, expected: JSON.stringify(EC2_EVENT) },
  // Input: constant JSON text, sent as is.
  { name: 'Input object', spec: { input: '{"a": 1}' }, expected: '{"a": 1}' },
  {
    name: 'Input keeps whitespace',
    spec: { input: ' { "a" : [1, 2] } ' },
    expected: ' { "a" : [1, 2] } ',
  },
  { name: 'Input string', spec: { input: '"hello"' }, expected: '"hello"' },
  { name: 'Input number', spec: { input: '42' }, expected: '42' },
  { name: 'Input null', spec: { input: 'null' }, expected: 'null' },
  { name: 'Input ignores event', spec: { input: '{"x":"<y>"}' }, expected: '{"x":"<y>"}' },
  // InputPath.
  { name: 'InputPath $', spec: { inputPath: '$' }, expected: JSON.stringify(EC2_EVENT) },
  {
    name: 'InputPath $.detail',
    spec: { inputPath: '$.detail' },
    expected: JSON.stringify(EC2_EVENT.detail),
  },
  { name: 'InputPath string leaf', spec: { inputPath: '$.detail.state' }, expected: '"RUNNING"' },
  {
    name: 'InputPath dashed name',
    spec: { inputPath: '$.detail-type' },
    expected: '"EC2 Instance State-change Notification"',
  },
  { name: 'InputPath number leaf', spec: { inputPath: '$.detail.count' }, expected: '3' },
  {
    name: 'InputPath array index',
    spec: { inputPath: '$.resources[0]' },
    expected: '"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"',
  },
  {
    name: 'InputPath bracket notation',
    spec: { inputPath: "$['detail']['state']" },
    expected: '"RUNNING"',
  },
  {
    name: 'InputPath slash in name',
    spec: { inputPath: '$.detail.nested.a/b.deep' },
    expected: '"x"',
  },
  { name: 'InputPath wildcard', spec: { inputPath: '$.detail.list[*]' }, expected: '["a","b"]' },
  {
    name: 'InputPath object wildcard',
    spec: { inputPath: '$.detail.tags.*' },
    expected: '["prod","core"]',
  },
  { name: 'InputPath missing → null', spec: { inputPath: '$.detail.nope' }, expected: 'null' },
  { name: 'InputPath index out of range', spec: { inputPath: '$.resources[5]' }, expected: 'null' },
  { name: 'InputPath null leaf', spec: { inputPath: '$.detail.nothing' }, expected: 'null' },
  // Documentation: string templates (sent with their quotes, as the docs' outputs show).
  {
    name: 'doc: simple string',
    spec: tx('"instance <instance> is in <state>"'),
    expected: '"instance i-0123456789 is in RUNNING"',
  },
  {
    name: 'doc: string with escaped quotes',
    spec: tx('"instance \\"<instance>\\" is in <state>"'),
    expected: '"instance \\"i-0123456789\\" is in RUNNING"',
  },
  {
    name: 'doc: unquoted text template',
    spec: tx('<instance> is in state <state>'),
    expected: 'i-0123456789 is in state RUNNING',
  },
  {
    name: 'doc: text with quoted status',
    spec: tx('<instance> is in state "<state>"'),
    expected: 'i-0123456789 is in state "RUNNING"',
  },
  {
    name: 'doc: rule name in a string',
    spec: tx('"<aws.events.rule-name> triggered"'),
    expected: '"example triggered"',
  },
  {
    name: 'doc: tutorial sentence',
    spec: tx('"This event was of <type> type."', { type: '$.detail-type' }),
    expected: '"This event was of EC2 Instance State-change Notification type."',
  },
  // Documentation: JSON templates — strings at value positions gain quotes.
  {
    name: 'doc: simple JSON',
    spec: tx('{"instance" : <instance>, "state": <state>}'),
    expected: '{"instance" : "i-0123456789", "state": "RUNNING"}',
  },
  {
    name: 'doc: JSON mix of variables and static',
    spec: tx('{"instance" : <instance>, "state": [ 9, <state>, true ], "Transformed" : "Yes"}'),
    expected:
      '{"instance" : "i-0123456789", "state": [ 9, "RUNNING", true ], "Transformed" : "Yes"}',
  },
  {
    name: 'doc: variables in quotes or out',
    spec: tx('{"myInstance": <instance>,"myStatus": "<instance> is in state \\"<state>\\""}'),
    expected: '{"myInstance": "i-0123456789","myStatus": "i-0123456789 is in state \\"RUNNING\\""}',
  },
  {
    name: 'quoted placeholder in JSON not doubled',
    spec: tx('{"instance": "<instance>"}'),
    expected: '{"instance": "i-0123456789"}',
  },
  {
    name: 'doc: reserved variables in JSON',
    spec: tx('{"ruleArn" : <aws.events.rule-arn>, "ruleName" : <aws.events.rule-name>}'),
    expected:
      '{"ruleArn" : "arn:aws:events:us-east-2:123456789012:rule/example", "ruleName" : "example"}',
  },
  {
    name: 'doc: originalEvent via aws.events.event.json',
    spec: tx('{"originalEvent" : <aws.events.event.json>}'),
    expected: `{"originalEvent" : ${JSON.stringify(EC2_EVENT)}}`,
  },
  {
    name: 'aws.events.event omits detail',
    spec: tx('{"e": <aws.events.event>}'),
    expected: `{"e": ${JSON.stringify(EVENT_NO_DETAIL)}}`,
  },
  {
    name: 'ingestion time ISO 8601',
    spec: tx('{"t": <aws.events.event.ingestion-time>}'),
    expected: '{"t": "2015-11-11T21:29:55.123Z"}',
  },
  {
    name: 'ingestion time in text',
    spec: tx('received at <aws.events.event.ingestion-time>'),
    expected: 'received at 2015-11-11T21:29:55.123Z',
  },
  {
    name: 'rule arn in text',
    spec: tx('<aws.events.rule-arn>'),
    expected: 'arn:aws:events:us-east-2:123456789012:rule/example',
  },
  {
    name: 'whole event as text template',
    spec: tx('<aws.events.event.json>'),
    expected: JSON.stringify(EC2_EVENT),
  },
  {
    name: 'JSON array template',
    spec: tx('[<instance>, <state>]'),
    expected: '["i-0123456789", "RUNNING"]',
  },
  {
    name: 'JSON template with leading blank',
    spec: tx('  {"s": <state>}'),
    expected: '  {"s": "RUNNING"}',
  },
  // Value types at JSON value positions.
  { name: 'number at value', spec: one('$.detail.count', '{"n": <v>}'), expected: '{"n": 3}' },
  { name: 'fraction at value', spec: one('$.detail.ratio', '{"n": <v>}'), expected: '{"n": 0.5}' },
  { name: 'boolean at value', spec: one('$.detail.flag', '{"b": <v>}'), expected: '{"b": true}' },
  { name: 'null at value', spec: one('$.detail.nothing', '{"z": <v>}'), expected: '{"z": null}' },
  {
    name: 'object at value',
    spec: one('$.detail.tags', '{"tags": <v>}'),
    expected: '{"tags": {"env":"prod","team":"core"}}',
  },
  {
    name: 'array at value',
    spec: one('$.detail.list', '{"l": <v>}'),
    expected: '{"l": ["a","b"]}',
  },
  {
    name: 'array element via index',
    spec: one('$.detail.list[1]', '{"l": <v>}'),
    expected: '{"l": "b"}',
  },
  {
    name: 'wildcard yields array',
    spec: one('$.detail.list[*]', '{"l": <v>}'),
    expected: '{"l": ["a","b"]}',
  },
  {
    name: 'wildcard over nothing yields []',
    spec: one('$.detail.state.*', '{"l": <v>}'),
    expected: '{"l": []}',
  },
  {
    name: 'empty string at value',
    spec: one('$.detail.empty', '{"e": <v>}'),
    expected: '{"e": ""}',
  },
  // Value types inside strings: raw, objects lose their quotes.
  { name: 'number in string', spec: one('$.detail.count', '"count=<v>"'), expected: '"count=3"' },
  {
    name: 'boolean in string',
    spec: one('$.detail.flag', '{"m": "flag is <v>"}'),
    expected: '{"m": "flag is true"}',
  },
  {
    name: 'null in string',
    spec: one('$.detail.nothing', '{"m": "is <v>"}'),
    expected: '{"m": "is null"}',
  },
  {
    name: 'object in string loses quotes',
    spec: one('$.detail.tags', '"Detail is <v>"'),
    expected: '"Detail is {env:prod,team:core}"',
  },
  {
    name: 'array in string loses quotes',
    spec: one('$.detail.list', '{"m": "items <v>"}'),
    expected: '{"m": "items [a,b]"}',
  },
  {
    name: 'object in bare text keeps JSON',
    spec: one('$.detail.tags', 'tags: <v>'),
    expected: 'tags: {"env":"prod","team":"core"}',
  },
  { name: 'number in bare text', spec: one('$.detail.count', 'n=<v>'), expected: 'n=3' },
  // Special characters: escaped at value positions, raw (unescaped, as AWS) inside strings.
  {
    name: 'quote escaped at value',
    spec: one('$.detail.quote', '{"q": <v>}'),
    expected: '{"q": "say \\"hi\\""}',
  },
  {
    name: 'quote raw inside string',
    spec: one('$.detail.quote', '{"q": "<v>"}'),
    expected: '{"q": "say "hi""}',
  },
  {
    name: 'backslash escaped at value',
    spec: one('$.detail.backslash', '{"p": <v>}'),
    expected: '{"p": "C:\\\\temp"}',
  },
  {
    name: 'backslash raw inside string',
    spec: one('$.detail.backslash', '"<v>"'),
    expected: '"C:\\temp"',
  },
  {
    name: 'newline escaped at value',
    spec: one('$.detail.newline', '{"n": <v>}'),
    expected: '{"n": "line1\\nline2"}',
  },
  { name: 'newline raw in text', spec: one('$.detail.newline', '<v>'), expected: 'line1\nline2' },
  {
    name: 'angle brackets in value not re-expanded',
    spec: one('$.detail.angle', '{"h": <v>}'),
    expected: '{"h": "<b>"}',
  },
  {
    name: 'unicode at value',
    spec: one('$.detail.unicode', '{"u": <v>}'),
    expected: '{"u": "héllo ✓"}',
  },
  { name: 'unicode in text', spec: one('$.detail.unicode', 'say <v>'), expected: 'say héllo ✓' },
  // Missing paths: the variable is not created and nothing appears in its place.
  {
    name: 'missing in string',
    spec: one('$.detail.nope', '{"m": "x<v>y"}'),
    expected: '{"m": "xy"}',
  },
  {
    name: 'missing quoted placeholder',
    spec: one('$.detail.nope', '{"m": "<v>"}'),
    expected: '{"m": ""}',
  },
  {
    name: 'missing in text',
    spec: one('$.detail.nope', 'before <v> after'),
    expected: 'before  after',
  },
  {
    name: 'missing at value (not valid JSON)',
    spec: one('$.nope.deeper', '{"m": <v>}'),
    expected: '{"m": }',
  },
  { name: 'missing when parent is scalar', spec: one('$.detail.state.x', '"<v>"'), expected: '""' },
  // Template mechanics.
  { name: 'placeholder used twice', spec: tx('<state>/<state>'), expected: 'RUNNING/RUNNING' },
  { name: 'unused map key is fine', spec: tx('"only <state>"'), expected: '"only RUNNING"' },
  {
    name: 'template without placeholders',
    spec: tx('{"static": true}', {}),
    expected: '{"static": true}',
  },
  {
    name: 'no paths map',
    spec: { inputTransformer: { inputTemplate: '"<aws.events.rule-name>"' } },
    expected: '"example"',
  },
  { name: 'trailing unclosed < is literal', spec: tx('<state> <'), expected: 'RUNNING <' },
  { name: 'lone > is literal', spec: tx('<state> > 1'), expected: 'RUNNING > 1' },
  { name: '< across lines is literal', spec: tx('a <\n b <state>'), expected: 'a <\n b RUNNING' },
  {
    name: 'backslash before placeholder does not escape it',
    spec: tx('"\\<state>"'),
    expected: '"\\RUNNING"',
  },
  {
    name: 'key with dash and underscore',
    spec: tx('{"v": <my-key_1>}', { 'my-key_1': '$.detail.state' }),
    expected: '{"v": "RUNNING"}',
  },
  {
    name: 'path into array of objects',
    spec: one('$.items[1].id', '{"id": <v>}'),
    expected: '{"id": "b"}',
    event: { items: [{ id: 'a' }, { id: 'b' }] },
  },
  { name: 'non-object event', spec: one('$.a', '"<v>"'), expected: '""', event: 'just text' },
  {
    name: 'escaped quote outside placeholder keeps string state',
    spec: one('$.detail.state', '{"a": "x\\"y", "b": <v>}'),
    expected: '{"a": "x\\"y", "b": "RUNNING"}',
  },
];

describe('renderTargetInput — documented cases', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('$name', ({ spec, expected, event }) => {
    const compiled = compileTargetInput({ targetId: 't1', ...spec });
    expect(renderTargetInput(compiled, event ?? EC2_EVENT, CTX)).toBe(expected);
  });

  it('accepts ingestion time as epoch millis or preformatted text', () => {
    const compiled = compileTargetInput(tx('<aws.events.event.ingestion-time>'));
    expect(renderTargetInput(compiled, EC2_EVENT, { ...CTX, ingestionTime: 0 })).toBe(
      '1970-01-01T00:00:00.000Z',
    );
    expect(
      renderTargetInput(compiled, EC2_EVENT, { ...CTX, ingestionTime: '2015-11-11T21:29:54Z' }),
    ).toBe('2015-11-11T21:29:54Z');
  });

  it('flags templates whose every rendering is JSON', () => {
    const flag = (t: string) => {
      const c = compileTargetInput(tx(t));
      return c.kind === 'transformer' && c.producesJson;
    };
    expect(flag('{"instance": <instance>, "s": [<state>]}')).toBe(true);
    expect(flag('{"instance": "<instance>"}')).toBe(false);
    expect(flag('"<instance>"')).toBe(false);
    expect(flag('{"instance": <instance>')).toBe(false);
  });
});
