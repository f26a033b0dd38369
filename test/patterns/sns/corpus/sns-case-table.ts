/**
 * Shape of the SNS filter-policy corpus: one policy (with its scope) and the messages it must
 * and must not accept. Helpers build typed message attributes the way the AWS docs write them.
 */
import type {
  FilterPolicyScope,
  SnsMessage,
  SnsMessageAttributes,
  SnsMessageAttributeValue,
} from '../../../../src/core/patterns/index.js';

export interface SnsCase {
  readonly name: string;
  readonly scope: FilterPolicyScope;
  readonly policy: unknown;
  readonly message: SnsMessage;
  readonly matches: boolean;
}

export const str = (Value: string): SnsMessageAttributeValue => ({ Type: 'String', Value });
export const num = (Value: string | number): SnsMessageAttributeValue => ({
  Type: 'Number',
  Value,
});
export const arr = (values: readonly unknown[]): SnsMessageAttributeValue => ({
  Type: 'String.Array',
  Value: JSON.stringify(values),
});
export const bin = (): SnsMessageAttributeValue => ({ DataType: 'Binary', BinaryValue: 'AQID' });

/** `[attributes, expected]` rows for one MessageAttributes-scope policy. */
export function attrCases(
  name: string,
  policy: unknown,
  rows: readonly (readonly [SnsMessageAttributes, boolean])[],
): SnsCase[] {
  return rows.map(([attributes, matches], i) => ({
    name: `attributes: ${name} #${i + 1}`,
    scope: 'MessageAttributes',
    policy,
    message: { body: 'message-body-with-transaction-details', attributes },
    matches,
  }));
}

/** `[body, expected]` rows for one MessageBody-scope policy; non-strings are JSON-encoded. */
export function bodyCases(
  name: string,
  policy: unknown,
  rows: readonly (readonly [unknown, boolean])[],
): SnsCase[] {
  return rows.map(([body, matches], i) => ({
    name: `body: ${name} #${i + 1}`,
    scope: 'MessageBody',
    policy,
    message: { body: typeof body === 'string' ? body : JSON.stringify(body) },
    matches,
  }));
}
