/**
 * Readers for the fields several state types share: the Next/End transition, input/output
 * processing (InputPath/OutputPath for JSONPath, Output for JSONata), result handling
 * (Parameters/ResultSelector/ResultPath or Arguments), Assign, and payload templates. Each reads
 * only the fields of the state's query language; the other language's fields were already
 * reported by `field-rules.ts`.
 */
import type { ObjectReader } from './object-reader.js';
import { isJsonObject, typeMessage } from './object-reader.js';
import { checkPayloadTemplate } from './payload-template.js';
import type { JsonObject, JsonValue, QueryLanguage, Transition } from './types.js';
import { isJsonataExpression } from './value-shapes.js';

/** Drops `undefined` members so ASTs serialise and compare cleanly. */
export function compact<T extends object>(value: T): T {
  // Copy rather than `delete`: deleting turns objects into slow dictionary-mode objects.
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = member;
  }
  return out as T;
}

/** Next or End — exactly one, with End only ever `true`. */
export function readTransition(r: ObjectReader): Transition | undefined {
  const hasNext = r.has('Next');
  const end = r.boolean('End');
  const next = r.string('Next');
  if (hasNext && end === true) {
    r.atMostOne('Next', 'End');
    return undefined;
  }
  if (end === true) return { type: 'end' };
  if (next !== undefined) return { type: 'next', next };
  if (!hasNext && !r.has('End')) r.exactlyOne('Next', 'End');
  else if (!hasNext) r.require('Next');
  return undefined;
}

export interface IoFields {
  inputPath?: string | null;
  outputPath?: string | null;
  output?: JsonValue;
}

export function readIo(r: ObjectReader, language: QueryLanguage): IoFields {
  if (language === 'JSONata') return compact({ output: r.raw('Output') });
  return compact({ inputPath: r.pathOrNull('InputPath'), outputPath: r.pathOrNull('OutputPath') });
}

/** A JSONPath payload template: an object whose `.$` keys hold paths or intrinsic calls. */
export function readTemplate(r: ObjectReader, key: string): JsonObject | undefined {
  const value = r.object(key);
  if (value !== undefined) checkPayloadTemplate(value, r.at(key), r.sink);
  return value;
}

/** JSONata fields that take an object (whose strings may be expressions) or one expression. */
export function readObjectOrExpression(r: ObjectReader, key: string): JsonValue | undefined {
  const value = r.raw(key);
  if (value === undefined) return undefined;
  if (isJsonObject(value) || (typeof value === 'string' && isJsonataExpression(value))) {
    return value;
  }
  r.sink.schema(typeMessage('Object or JSONata expression'), r.at(key));
  return undefined;
}

export interface ResultFields {
  parameters?: JsonObject;
  resultSelector?: JsonObject;
  resultPath?: string | null;
  arguments?: JsonValue;
}

export function readResult(r: ObjectReader, language: QueryLanguage): ResultFields {
  if (language === 'JSONata') return compact({ arguments: readObjectOrExpression(r, 'Arguments') });
  return compact({
    parameters: readTemplate(r, 'Parameters'),
    resultSelector: readTemplate(r, 'ResultSelector'),
    resultPath: readResultPath(r),
  });
}

/** ResultPath is a reference path into the state input, so never the context object. */
export function readResultPath(r: ObjectReader): string | null | undefined {
  const value = r.pathOrNull('ResultPath');
  if (typeof value === 'string' && value.startsWith('$$')) {
    r.sink.schema(
      "The value for the field 'ResultPath' must be a reference path into the state's input, not the context object",
      r.at('ResultPath'),
    );
    return undefined;
  }
  return value;
}

/** Assign: an object of variable names; in JSONPath its `.$` keys follow template rules. */
export function readAssign(r: ObjectReader, language: QueryLanguage): JsonObject | undefined {
  return language === 'JSONPath' ? readTemplate(r, 'Assign') : r.object('Assign');
}
