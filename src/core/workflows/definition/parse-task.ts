/**
 * Task state. Resource is required and must be an activity, Lambda or service-integration ARN
 * (INVALID_RESOURCE otherwise). TimeoutSeconds/TimeoutSecondsPath and HeartbeatSeconds/
 * HeartbeatSecondsPath are each mutually exclusive; both are positive integers ≤ 99999999 (or
 * JSONata expressions), and a literal HeartbeatSeconds must be smaller than a literal
 * TimeoutSeconds. Credentials is a payload template (JSONPath) or object (JSONata).
 */
import {
  compact,
  readAssign,
  readIo,
  readObjectOrExpression,
  readResult,
  readTemplate,
  readTransition,
} from './common-fields.js';
import { readCatch, readRetry } from './error-handling.js';
import type { ObjectReader } from './object-reader.js';
import type { StateHeader, TaskState } from './state-types.js';
import { parseTaskResource } from './task-resource.js';
import type { QueryLanguage } from './types.js';

export const MAX_TASK_SECONDS = 99_999_999;

function readSeconds(
  r: ObjectReader,
  key: 'TimeoutSeconds' | 'HeartbeatSeconds',
  language: QueryLanguage,
): number | string | undefined {
  const range = { min: 1, max: MAX_TASK_SECONDS, integer: true };
  return language === 'JSONata' ? r.numberOrExpression(key, range) : r.number(key, range);
}

export function parseTask(r: ObjectReader, base: StateHeader): TaskState | undefined {
  const language = base.queryLanguage;
  r.require('Resource');
  const arn = r.string('Resource');
  const resource = arn === undefined ? undefined : parseTaskResource(arn);
  if (arn !== undefined && resource === undefined) {
    r.sink.error('INVALID_RESOURCE', `Resource '${arn}' is not a valid ARN`, r.at('Resource'));
  }
  r.atMostOne('TimeoutSeconds', 'TimeoutSecondsPath');
  r.atMostOne('HeartbeatSeconds', 'HeartbeatSecondsPath');
  const timeoutSeconds = readSeconds(r, 'TimeoutSeconds', language);
  const heartbeatSeconds = readSeconds(r, 'HeartbeatSeconds', language);
  if (
    typeof timeoutSeconds === 'number' &&
    typeof heartbeatSeconds === 'number' &&
    heartbeatSeconds >= timeoutSeconds
  ) {
    r.sink.schema(
      "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds'",
      r.at('HeartbeatSeconds'),
    );
  }
  const jsonPath = language === 'JSONPath';
  const transition = readTransition(r);
  const rest = {
    ...readIo(r, language),
    ...readResult(r, language),
    assign: readAssign(r, language),
    retry: readRetry(r),
    catch: readCatch(r, language),
    timeoutSecondsPath: jsonPath ? r.path('TimeoutSecondsPath') : undefined,
    heartbeatSecondsPath: jsonPath ? r.path('HeartbeatSecondsPath') : undefined,
    credentials: jsonPath
      ? readTemplate(r, 'Credentials')
      : readObjectOrExpression(r, 'Credentials'),
  };
  if (resource === undefined || transition === undefined) return undefined;
  return compact({
    ...base,
    type: 'Task' as const,
    resource,
    transition,
    timeoutSeconds,
    heartbeatSeconds,
    ...rest,
  });
}
