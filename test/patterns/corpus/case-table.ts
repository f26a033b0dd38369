/**
 * Shape of the pattern-matching corpus: one pattern with the events it must and must not
 * match. `cases()` spreads a table into individual named cases.
 */
export interface MatchCase {
  readonly name: string;
  readonly pattern: unknown;
  readonly event: unknown;
  readonly matches: boolean;
}

/** `[event, expected]` rows for one pattern. */
export type Rows = readonly (readonly [unknown, boolean])[];

export function cases(name: string, pattern: unknown, rows: Rows): MatchCase[] {
  return rows.map(([event, matches], i) => ({
    name: `${name} #${i + 1}`,
    pattern,
    event,
    matches,
  }));
}

/** The EC2 state-change event used throughout the AWS docs. */
export const EC2_EVENT = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** `{ detail: { [field]: value } }` — the shape most content-filtering examples use. */
export function detail(field: string, value: unknown): unknown {
  return { source: 'test', detail: { [field]: value } };
}
