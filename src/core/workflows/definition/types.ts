/**
 * The typed AST of an Amazon States Language definition: shared building blocks (JSON values,
 * transitions, retriers, catchers, Choice rules, resources). The eight state shapes live in
 * `state-types.ts`. Values that are JSONPath paths, intrinsic calls or JSONata `{% %}`
 * expressions are kept as the raw strings found in the definition; `jsonpath/` and `jsonata/`
 * compile them. Every state carries its *effective* query language, so the interpreter never
 * has to look up the machine's default.
 */

import type { JsonObject, JsonValue } from '../shared/json-value.js';

export type { JsonObject, JsonValue };

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** Where a state goes after it completes. Choice, Succeed and Fail have no transition. */
export type Transition = { type: 'next'; next: string } | { type: 'end' };

export interface Retrier {
  errorEquals: string[];
  /** Defaults applied: 1 second, 3 attempts, rate 2.0, jitter NONE. */
  intervalSeconds: number;
  maxAttempts: number;
  backoffRate: number;
  maxDelaySeconds?: number;
  jitterStrategy: 'FULL' | 'NONE';
  comment?: string;
}

export interface Catcher {
  errorEquals: string[];
  next: string;
  /** JSONPath only; `null` discards the error output. Absent means `$`. */
  resultPath?: string | null;
  /** JSONata only. */
  output?: JsonValue;
  assign?: JsonObject;
  comment?: string;
}

export type StringComparison =
  | 'StringEquals'
  | 'StringLessThan'
  | 'StringGreaterThan'
  | 'StringLessThanEquals'
  | 'StringGreaterThanEquals';
export type NumericComparison =
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericGreaterThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThanEquals';
export type TimestampComparison =
  | 'TimestampEquals'
  | 'TimestampLessThan'
  | 'TimestampGreaterThan'
  | 'TimestampLessThanEquals'
  | 'TimestampGreaterThanEquals';
export type ValueComparison =
  StringComparison | NumericComparison | TimestampComparison | 'BooleanEquals' | 'StringMatches';
export type PathComparison = `${Exclude<ValueComparison, 'StringMatches'>}Path`;
export type TypeTest =
  'IsNull' | 'IsPresent' | 'IsNumeric' | 'IsString' | 'IsBoolean' | 'IsTimestamp';
export type ComparisonOperator = ValueComparison | PathComparison | TypeTest;

/** A boolean expression of a Choice rule (JSONPath) or its JSONata `Condition`. */
export type ChoiceCondition =
  | { kind: 'and'; conditions: ChoiceCondition[] }
  | { kind: 'or'; conditions: ChoiceCondition[] }
  | { kind: 'not'; condition: ChoiceCondition }
  | {
      kind: 'comparison';
      /** The `Variable` path. */
      variable: string;
      operator: ComparisonOperator;
      /** The literal to compare with, or for `...Path` operators the path string. */
      value: string | number | boolean;
    }
  | { kind: 'jsonata'; condition: boolean | string };

export interface ChoiceRule {
  condition: ChoiceCondition;
  next: string;
  assign?: JsonObject;
  output?: JsonValue;
  comment?: string;
}

/** How a Task resource is invoked (the ARN suffix). */
export type IntegrationPattern = 'requestResponse' | 'sync' | 'sync:2' | 'waitForTaskToken';

export type TaskResource =
  | {
      kind: 'activity';
      arn: string;
      partition: string;
      region: string;
      account: string;
      name: string;
    }
  | {
      kind: 'lambda';
      arn: string;
      partition: string;
      region: string;
      account: string;
      functionName: string;
      qualifier?: string;
    }
  | {
      /** `arn:<partition>:states:::<service>:<action>[.<pattern>]`, incl. `aws-sdk:<svc>:<api>`. */
      kind: 'service';
      arn: string;
      partition: string;
      service: string;
      action: string;
      pattern: IntegrationPattern;
    };
