/**
 * Choice rules. JSONPath: a top-level rule has Next plus exactly one of a comparison (with
 * Variable), And, Or or Not; rules nested in And/Or/Not have no Next (or Assign). Comparisons
 * check their operand's type: String* take strings, Numeric* numbers, BooleanEquals a boolean,
 * Timestamp* an RFC 3339 timestamp, Is* a boolean, every `...Path` variant a path.
 * JSONata: a rule is Condition (boolean or `{% %}`) plus Next, optionally Assign and Output.
 */
import { compact } from './common-fields.js';
import { itemLocation } from './diagnostics.js';
import { checkFields } from './field-rules.js';
import { isJsonObject, ObjectReader, typeMessage } from './object-reader.js';
import { checkPayloadTemplate } from './payload-template.js';
import type {
  ChoiceCondition,
  ChoiceRule,
  ComparisonOperator,
  JsonValue,
  QueryLanguage,
} from './types.js';
import { isAslTimestamp, isJsonataExpression, isJsonPath } from './value-shapes.js';

type Operand = 'string' | 'number' | 'boolean' | 'timestamp' | 'path';

const OPERATORS = new Map<ComparisonOperator, Operand>();
for (const [prefix, operand] of [
  ['String', 'string'],
  ['Numeric', 'number'],
  ['Timestamp', 'timestamp'],
] as const) {
  for (const suffix of [
    'Equals',
    'LessThan',
    'GreaterThan',
    'LessThanEquals',
    'GreaterThanEquals',
  ]) {
    OPERATORS.set(`${prefix}${suffix}` as ComparisonOperator, operand);
    OPERATORS.set(`${prefix}${suffix}Path` as ComparisonOperator, 'path');
  }
}
OPERATORS.set('BooleanEquals', 'boolean');
OPERATORS.set('BooleanEqualsPath', 'path');
OPERATORS.set('StringMatches', 'string');
for (const test of ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']) {
  OPERATORS.set(test as ComparisonOperator, 'boolean');
}

/** Every comparison operator name, for tests and tooling. */
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [...OPERATORS.keys()];

const COMBINATORS = ['And', 'Or', 'Not'];
const TOP_LEVEL_EXTRA = ['Next', 'Assign', 'Comment', 'Condition', 'Output'];
const JSONPATH_RULE_FIELDS = new Set(['Variable', ...COMBINATORS, ...OPERATORS.keys()]);
const JSONATA_RULE_FIELDS = new Set(['Condition', 'Next', 'Assign', 'Output', 'Comment']);

function operandOk(operand: Operand, value: JsonValue | undefined): boolean {
  switch (operand) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
      return typeof value === 'string' && isAslTimestamp(value);
    case 'path':
      return typeof value === 'string' && isJsonPath(value);
  }
}

const OPERAND_NAMES: Record<Operand, string> = {
  string: 'String',
  number: 'Number',
  boolean: 'Boolean',
  timestamp: 'Timestamp (RFC 3339)',
  path: 'JSONPath',
};

function readCondition(r: ObjectReader): ChoiceCondition | undefined {
  const present = Object.keys(r.obj).filter(
    (k) => COMBINATORS.includes(k) || OPERATORS.has(k as ComparisonOperator),
  );
  if (present.length !== 1) {
    r.sink.schema(
      present.length === 0
        ? 'A Choice rule must contain a comparison operator, And, Or or Not'
        : `A Choice rule must contain exactly one comparison operator, And, Or or Not; found [${present.join(', ')}]`,
      r.location,
    );
    return undefined;
  }
  const key = present[0] ?? '';
  if (key === 'And' || key === 'Or') {
    if (r.has('Variable')) r.sink.schema("Field 'Variable' is not supported", r.location);
    const list = r.array(key);
    if (list === undefined) return undefined;
    if (list.length === 0) {
      r.sink.schema(`The field '${key}' must contain at least one Choice rule`, r.at(key));
      return undefined;
    }
    const conditions = list.map((item, i) => readNested(r, itemLocation(r.location, key, i), item));
    if (conditions.some((c) => c === undefined)) return undefined;
    return { kind: key === 'And' ? 'and' : 'or', conditions: conditions as ChoiceCondition[] };
  }
  if (key === 'Not') {
    if (r.has('Variable')) r.sink.schema("Field 'Variable' is not supported", r.location);
    const condition = readNested(r, r.at('Not'), r.raw('Not'));
    return condition === undefined ? undefined : { kind: 'not', condition };
  }
  const operator = key as ComparisonOperator;
  if (!r.require('Variable')) return undefined;
  const variable = r.path('Variable');
  const value = r.raw(operator);
  const operand = OPERATORS.get(operator) ?? 'path';
  if (!operandOk(operand, value)) {
    r.sink.schema(typeMessage(OPERAND_NAMES[operand]), r.at(operator));
    return undefined;
  }
  if (variable === undefined) return undefined;
  return { kind: 'comparison', variable, operator, value: value as string | number | boolean };
}

function readNested(
  parent: ObjectReader,
  at: string,
  value: JsonValue | undefined,
): ChoiceCondition | undefined {
  if (!isJsonObject(value)) {
    parent.sink.schema(typeMessage('Object'), at);
    return undefined;
  }
  const r = new ObjectReader(value, at, parent.sink);
  r.allowOnly(new Set([...JSONPATH_RULE_FIELDS, 'Comment']));
  return readCondition(r);
}

function readJsonataRule(r: ObjectReader): ChoiceRule | undefined {
  checkFields(r, JSONATA_RULE_FIELDS, 'JSONata');
  r.require('Condition', 'Next');
  const next = r.string('Next');
  const raw = r.raw('Condition');
  const ok = typeof raw === 'boolean' || (typeof raw === 'string' && isJsonataExpression(raw));
  if (raw !== undefined && !ok) {
    r.sink.schema(typeMessage('Boolean or JSONata expression'), r.at('Condition'));
  }
  const rest = {
    assign: r.object('Assign'),
    output: r.raw('Output'),
    comment: r.string('Comment'),
  };
  if (next === undefined || !ok) return undefined;
  return compact({ condition: { kind: 'jsonata' as const, condition: raw }, next, ...rest });
}

/** One element of `Choices`. */
export function readChoiceRule(r: ObjectReader, language: QueryLanguage): ChoiceRule | undefined {
  if (language === 'JSONata') return readJsonataRule(r);
  checkFields(r, new Set([...JSONPATH_RULE_FIELDS, ...TOP_LEVEL_EXTRA]), 'JSONPath');
  r.require('Next');
  const next = r.string('Next');
  const assign = r.object('Assign');
  if (assign !== undefined) checkPayloadTemplate(assign, r.at('Assign'), r.sink);
  const condition = readCondition(r);
  if (next === undefined || condition === undefined) return undefined;
  return compact({ condition, next, assign, comment: r.string('Comment') });
}
