/**
 * Outer-shape validation of JSONPath payload templates (Parameters, ResultSelector, ItemSelector,
 * Assign, Credentials, ItemReader/ResultWriter Parameters, ItemBatcher BatchInput). In a template,
 * a key ending in `.$` takes a path or intrinsic call as its value; anything else is an error
 * (AWS: "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function
 * call"). A plain key whose string value looks like a path gets the NO_DOLLAR warning. The
 * strings themselves are compiled by `jsonpath/`; nothing is evaluated here. Recursion is
 * bounded by the JSON reader's depth limit.
 */
import { childLocation, type DiagnosticSink } from './diagnostics.js';
import { isJsonObject } from './object-reader.js';
import type { JsonValue } from './types.js';
import { isIntrinsicCall, isJsonPath, looksLikePathOrIntrinsic } from './value-shapes.js';

/** Validates the template rooted at `location`; nested objects and arrays are walked too. */
export function checkPayloadTemplate(
  value: JsonValue,
  location: string,
  sink: DiagnosticSink,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'object' && item !== null) {
        checkPayloadTemplate(item, `${location}[${i}]`, sink);
      }
    });
    return;
  }
  if (!isJsonObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = childLocation(location, key);
    if (key.endsWith('.$')) {
      const ok = typeof child === 'string' && (isJsonPath(child) || isIntrinsicCall(child));
      if (!ok) {
        sink.schema(
          `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`,
          at,
        );
      }
    } else if (typeof child === 'string') {
      if (looksLikePathOrIntrinsic(child)) {
        sink.warn(
          'NO_DOLLAR',
          `The value for the field '${key}' looks like a JSONPath or an intrinsic function, but the field name does not end with '.$'`,
          at,
        );
      }
    } else {
      checkPayloadTemplate(child, at, sink);
    }
  }
}

/** PASS_RESULT_IS_STATIC: a Pass `Result` is never evaluated, so `.$` keys in it are literal. */
export function checkStaticResult(value: JsonValue, location: string, sink: DiagnosticSink): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkStaticResult(item, `${location}[${i}]`, sink));
    return;
  }
  if (!isJsonObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = childLocation(location, key);
    if (key.endsWith('.$')) {
      sink.warn(
        'PASS_RESULT_IS_STATIC',
        `The field '${key}' of a Pass state's Result is static; paths in it are not evaluated (use Parameters)`,
        at,
      );
    } else {
      checkStaticResult(child, at, sink);
    }
  }
}
