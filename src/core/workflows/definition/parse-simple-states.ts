/**
 * The four states without nested structure:
 * - Pass: Result (static JSON; `.$` keys in it get PASS_RESULT_IS_STATIC), Parameters, ResultPath.
 * - Wait: exactly one of Seconds (integer 0..99999999), Timestamp (RFC 3339, uppercase T/Z),
 *   SecondsPath, TimestampPath; in JSONata only Seconds/Timestamp, either may be an expression.
 * - Succeed: input/output processing only; terminal.
 * - Fail: Error/ErrorPath and Cause/CausePath, each pair exclusive; the `...Path` forms take a
 *   path or intrinsic call. A plain Error/Cause that looks like a path gets NO_PATH.
 */
import {
  compact,
  readAssign,
  readIo,
  readResultPath,
  readTemplate,
  readTransition,
} from './common-fields.js';
import type { ObjectReader } from './object-reader.js';
import { checkStaticResult } from './payload-template.js';
import type {
  FailState,
  PassState,
  StateHeader,
  SucceedState,
  WaitDuration,
  WaitState,
} from './state-types.js';
import {
  isAslTimestamp,
  isIntrinsicCall,
  isJsonataExpression,
  isJsonPath,
  looksLikePathOrIntrinsic,
} from './value-shapes.js';

export const MAX_WAIT_SECONDS = 99_999_999;

export function parsePass(r: ObjectReader, base: StateHeader): PassState | undefined {
  const language = base.queryLanguage;
  const transition = readTransition(r);
  const result = language === 'JSONPath' ? r.raw('Result') : undefined;
  if (result !== undefined) checkStaticResult(result, r.at('Result'), r.sink);
  const jsonPath = language === 'JSONPath';
  const rest = {
    ...readIo(r, language),
    assign: readAssign(r, language),
    parameters: jsonPath ? readTemplate(r, 'Parameters') : undefined,
    resultPath: jsonPath ? readResultPath(r) : undefined,
  };
  if (transition === undefined) return undefined;
  return compact({ ...base, type: 'Pass' as const, transition, result, ...rest });
}

function readWaitDuration(r: ObjectReader, base: StateHeader): WaitDuration | undefined {
  if (base.queryLanguage === 'JSONata') {
    if (!r.exactlyOne('Seconds', 'Timestamp')) return undefined;
    const seconds = r.numberOrExpression('Seconds', {
      min: 0,
      max: MAX_WAIT_SECONDS,
      integer: true,
    });
    if (seconds !== undefined) return { kind: 'seconds', seconds };
    const timestamp = r.string('Timestamp');
    if (timestamp === undefined) return undefined;
    if (isJsonataExpression(timestamp) || isAslTimestamp(timestamp)) {
      return { kind: 'timestamp', timestamp };
    }
    r.sink.schema(timestampMessage(), r.at('Timestamp'));
    return undefined;
  }
  if (!r.exactlyOne('Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath')) return undefined;
  const seconds = r.number('Seconds', { min: 0, max: MAX_WAIT_SECONDS, integer: true });
  if (seconds !== undefined) return { kind: 'seconds', seconds };
  const timestamp = r.string('Timestamp');
  if (timestamp !== undefined) {
    if (isAslTimestamp(timestamp)) return { kind: 'timestamp', timestamp };
    r.sink.schema(timestampMessage(), r.at('Timestamp'));
    return undefined;
  }
  const secondsPath = r.path('SecondsPath');
  if (secondsPath !== undefined) return { kind: 'secondsPath', path: secondsPath };
  const timestampPath = r.path('TimestampPath');
  if (timestampPath !== undefined) return { kind: 'timestampPath', path: timestampPath };
  return undefined;
}

function timestampMessage(): string {
  return "The value for the field 'Timestamp' must be an RFC 3339 timestamp (e.g. 2016-03-14T01:59:00Z)";
}

export function parseWait(r: ObjectReader, base: StateHeader): WaitState | undefined {
  const transition = readTransition(r);
  const wait = readWaitDuration(r, base);
  const rest = { ...readIo(r, base.queryLanguage), assign: readAssign(r, base.queryLanguage) };
  if (transition === undefined || wait === undefined) return undefined;
  return compact({ ...base, type: 'Wait' as const, transition, wait, ...rest });
}

export function parseSucceed(r: ObjectReader, base: StateHeader): SucceedState {
  return compact({ ...base, type: 'Succeed' as const, ...readIo(r, base.queryLanguage) });
}

function readFailPath(r: ObjectReader, key: 'ErrorPath' | 'CausePath'): string | undefined {
  const value = r.string(key);
  if (value === undefined || isJsonPath(value) || isIntrinsicCall(value)) return value;
  r.sink.schema(
    `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`,
    r.at(key),
  );
  return undefined;
}

function readFailText(r: ObjectReader, key: 'Error' | 'Cause', base: StateHeader) {
  const value = r.string(key);
  if (value !== undefined && base.queryLanguage === 'JSONPath' && looksLikePathOrIntrinsic(value)) {
    r.sink.warn(
      'NO_PATH',
      `The value for the field '${key}' looks like a path, but the field name does not end with 'Path'`,
      r.at(key),
    );
  }
  return value;
}

export function parseFail(r: ObjectReader, base: StateHeader): FailState {
  r.atMostOne('Error', 'ErrorPath');
  r.atMostOne('Cause', 'CausePath');
  const jsonPath = base.queryLanguage === 'JSONPath';
  return compact({
    ...base,
    type: 'Fail' as const,
    error: readFailText(r, 'Error', base),
    cause: readFailText(r, 'Cause', base),
    errorPath: jsonPath ? readFailPath(r, 'ErrorPath') : undefined,
    causePath: jsonPath ? readFailPath(r, 'CausePath') : undefined,
  });
}
