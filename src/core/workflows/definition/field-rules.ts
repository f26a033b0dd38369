/**
 * Which fields each state type accepts, and which of them belong to only one query language.
 * A field a type does not know is "Field 'X' is not supported" (AWS refuses e.g. TimeoutSeconds
 * on anything but Task, Retry/Catch on Pass/Wait/Choice/Succeed/Fail). A known field of the other
 * language gets AWS's query-language message, e.g. "The QueryLanguage is set to 'JSONPath', but
 * field 'Output' is only supported for the 'JSONata' QueryLanguage" — both reported at the state.
 */
import type { ObjectReader } from './object-reader.js';
import type { StateType } from './state-types.js';
import type { QueryLanguage } from './types.js';

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const TRANSITION = ['Next', 'End'];
const IO = ['InputPath', 'OutputPath', 'Output'];
const RESULT = ['Parameters', 'ResultSelector', 'ResultPath', 'Arguments'];
const ERRORS = ['Retry', 'Catch'];

export const STATE_FIELDS: Readonly<Record<StateType, ReadonlySet<string>>> = {
  Task: new Set([
    ...COMMON,
    ...TRANSITION,
    ...IO,
    ...RESULT,
    ...ERRORS,
    'Assign',
    'Resource',
    'TimeoutSeconds',
    'TimeoutSecondsPath',
    'HeartbeatSeconds',
    'HeartbeatSecondsPath',
    'Credentials',
  ]),
  Pass: new Set([...COMMON, ...TRANSITION, ...IO, 'Assign', 'Parameters', 'ResultPath', 'Result']),
  Choice: new Set([...COMMON, ...IO, 'Assign', 'Choices', 'Default']),
  Wait: new Set([
    ...COMMON,
    ...TRANSITION,
    ...IO,
    'Assign',
    'Seconds',
    'Timestamp',
    'SecondsPath',
    'TimestampPath',
  ]),
  Succeed: new Set([...COMMON, ...IO]),
  Fail: new Set([...COMMON, 'Error', 'Cause', 'ErrorPath', 'CausePath']),
  Parallel: new Set([...COMMON, ...TRANSITION, ...IO, ...RESULT, ...ERRORS, 'Assign', 'Branches']),
  Map: new Set([
    ...COMMON,
    ...TRANSITION,
    ...IO,
    ...ERRORS,
    'Assign',
    'Parameters',
    'ResultSelector',
    'ResultPath',
    'ItemProcessor',
    'Iterator',
    'ItemsPath',
    'Items',
    'ItemSelector',
    'ItemReader',
    'ResultWriter',
    'ItemBatcher',
    'MaxConcurrency',
    'MaxConcurrencyPath',
    'ToleratedFailureCount',
    'ToleratedFailureCountPath',
    'ToleratedFailurePercentage',
    'ToleratedFailurePercentagePath',
    'Label',
  ]),
};

/** Fields that only a JSONPath state may use. */
export const JSONPATH_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'InputPath',
  'OutputPath',
  'Parameters',
  'ResultSelector',
  'ResultPath',
  'Result',
  'ItemsPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'SecondsPath',
  'TimestampPath',
  'ErrorPath',
  'CausePath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
]);

/** Fields that only a JSONata state may use. */
export const JSONATA_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'Arguments',
  'Output',
  'Items',
  'Condition',
]);

/** The message AWS gives for a field of the other query language. */
export function wrongLanguageMessage(language: QueryLanguage, field: string): string {
  const other: QueryLanguage = language === 'JSONPath' ? 'JSONata' : 'JSONPath';
  return `The QueryLanguage is set to '${language}', but field '${field}' is only supported for the '${other}' QueryLanguage`;
}

/**
 * Reports unsupported and wrong-language fields of a state (or of a Catcher/Choice rule, given
 * its own allowed set).
 */
export function checkFields(
  reader: ObjectReader,
  allowed: ReadonlySet<string>,
  language: QueryLanguage,
): void {
  reader.allowOnly(allowed);
  const foreign = language === 'JSONPath' ? JSONATA_ONLY_FIELDS : JSONPATH_ONLY_FIELDS;
  for (const key of Object.keys(reader.obj)) {
    if (allowed.has(key) && foreign.has(key)) {
      reader.sink.schema(wrongLanguageMessage(language, key), reader.location);
    }
  }
}
