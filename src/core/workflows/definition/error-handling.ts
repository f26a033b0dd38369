/**
 * Retry and Catch of Task, Parallel and Map states. Rules (States Language spec "Error names",
 * "Retrying after error", "Fallback states"; AWS developer guide "Handling errors"):
 * ErrorEquals is a non-empty array of strings; `States.ALL` must appear alone and only in the
 * last Retrier/Catcher. IntervalSeconds ≥ 1 and MaxAttempts ≥ 0 (both ≤ 99999999, defaults 1
 * and 3), BackoffRate ≥ 1.0 (default 2.0), MaxDelaySeconds 1..31622400, JitterStrategy FULL or
 * NONE (default NONE). A Catcher needs Next; it may shape the error with ResultPath (JSONPath) or
 * Output (JSONata), and Assign.
 */
import { readAssign, readResultPath, compact } from './common-fields.js';
import { itemLocation } from './diagnostics.js';
import { checkFields } from './field-rules.js';
import { isJsonObject, ObjectReader, typeMessage } from './object-reader.js';
import type { Catcher, QueryLanguage, Retrier } from './types.js';

export const MAX_RETRY_SECONDS_OR_ATTEMPTS = 99_999_999;
export const MAX_DELAY_SECONDS = 31_622_400;

const RETRIER_FIELDS = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
]);
const CATCHER_FIELDS = new Set([
  'ErrorEquals',
  'Next',
  'ResultPath',
  'Output',
  'Assign',
  'Comment',
]);

function readErrorEquals(r: ObjectReader, kind: 'Retrier' | 'Catcher', last: boolean): string[] {
  const list = r.array('ErrorEquals');
  if (list === undefined) return [];
  if (list.length === 0) {
    r.sink.schema(
      "The field 'ErrorEquals' must contain at least one error name",
      r.at('ErrorEquals'),
    );
    return [];
  }
  const names: string[] = [];
  list.forEach((item, i) => {
    if (typeof item === 'string') names.push(item);
    else r.sink.schema(typeMessage('String'), `${r.at('ErrorEquals')}[${i}]`);
  });
  if (names.includes('States.ALL')) {
    if (list.length > 1) {
      r.sink.schema(
        "'States.ALL' must appear alone in the 'ErrorEquals' array",
        r.at('ErrorEquals'),
      );
    }
    if (!last) {
      r.sink.schema(`A ${kind} with 'States.ALL' must be the last ${kind}`, r.at('ErrorEquals'));
    }
  }
  return names;
}

function readRetrier(r: ObjectReader, last: boolean): Retrier | undefined {
  r.allowOnly(RETRIER_FIELDS);
  r.require('ErrorEquals');
  const before = r.sink.errorCount;
  const errorEquals = readErrorEquals(r, 'Retrier', last);
  const max = MAX_RETRY_SECONDS_OR_ATTEMPTS;
  const retrier: Retrier = compact({
    errorEquals,
    intervalSeconds: r.number('IntervalSeconds', { min: 1, max, integer: true }) ?? 1,
    maxAttempts: r.number('MaxAttempts', { min: 0, max, integer: true }) ?? 3,
    backoffRate: r.number('BackoffRate', { min: 1, integer: false }) ?? 2,
    maxDelaySeconds: r.number('MaxDelaySeconds', { min: 1, max: MAX_DELAY_SECONDS, integer: true }),
    jitterStrategy: r.oneOf('JitterStrategy', ['FULL', 'NONE'] as const) ?? 'NONE',
    comment: r.string('Comment'),
  });
  return r.sink.errorCount === before ? retrier : undefined;
}

function readCatcher(r: ObjectReader, last: boolean, language: QueryLanguage): Catcher | undefined {
  checkFields(r, CATCHER_FIELDS, language);
  r.require('ErrorEquals', 'Next');
  const before = r.sink.errorCount;
  const errorEquals = readErrorEquals(r, 'Catcher', last);
  const next = r.string('Next');
  const catcher: Catcher = compact({
    errorEquals,
    next: next ?? '',
    resultPath: language === 'JSONPath' ? readResultPath(r) : undefined,
    output: language === 'JSONata' ? r.raw('Output') : undefined,
    assign: readAssign(r, language),
    comment: r.string('Comment'),
  });
  return r.sink.errorCount === before ? catcher : undefined;
}

function readList<T>(
  state: ObjectReader,
  key: 'Retry' | 'Catch',
  readOne: (r: ObjectReader, last: boolean) => T | undefined,
): T[] {
  const list = state.array(key);
  if (list === undefined) return [];
  const out: T[] = [];
  list.forEach((item, i) => {
    const at = itemLocation(state.location, key, i);
    if (!isJsonObject(item)) {
      state.sink.schema(typeMessage('Object'), at);
      return;
    }
    const parsed = readOne(new ObjectReader(item, at, state.sink), i === list.length - 1);
    if (parsed !== undefined) out.push(parsed);
  });
  return out;
}

export function readRetry(state: ObjectReader): Retrier[] {
  return readList(state, 'Retry', readRetrier);
}

export function readCatch(state: ObjectReader, language: QueryLanguage): Catcher[] {
  return readList(state, 'Catch', (r, last) => readCatcher(r, last, language));
}
