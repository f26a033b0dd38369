/**
 * Map state, inline and distributed. Exactly one of ItemProcessor or the deprecated Iterator;
 * ItemProcessor's ProcessorConfig has Mode INLINE (default) or DISTRIBUTED, and DISTRIBUTED
 * requires ExecutionType STANDARD or EXPRESS. Items come from ItemsPath (JSONPath) or Items
 * (JSONata), or from an ItemReader. MaxConcurrency (≥ 0, 0 = unbounded), ItemSelector (or the
 * deprecated Parameters), and — distributed only — ItemReader, ResultWriter, ItemBatcher,
 * ToleratedFailureCount (≥ 0), ToleratedFailurePercentage (0..100), each with a `...Path` form,
 * and Label (≤ 40 characters, AWS name characters, unique in the machine).
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
import { readItemBatcher, readItemReader, readResultWriter } from './map-distributed-fields.js';
import { ObjectReader, typeMessage } from './object-reader.js';
import type { ParseContext } from './parse-context.js';
import type { ItemProcessor, MapState, StateHeader } from './state-types.js';
import type { QueryLanguage } from './types.js';
import { isJsonataExpression } from './value-shapes.js';
import { hasForbiddenNameCharacter } from './state-names.js';

const DISTRIBUTED_ONLY = [
  'ItemReader',
  'ResultWriter',
  'ItemBatcher',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'Label',
];
export const MAX_LABEL_LENGTH = 40;

function readProcessor(r: ObjectReader, ctx: ParseContext): ItemProcessor | undefined {
  const key = r.has('ItemProcessor') ? 'ItemProcessor' : 'Iterator';
  const obj = r.object(key);
  if (obj === undefined) return undefined;
  const p = new ObjectReader(obj, r.at(key), r.sink);
  const scope = ctx.readScope(p, key === 'ItemProcessor' ? ['ProcessorConfig'] : []);
  const config = p.object('ProcessorConfig');
  let mode: ItemProcessor['mode'] = 'INLINE';
  let executionType: ItemProcessor['executionType'];
  if (config !== undefined) {
    const c = new ObjectReader(config, p.at('ProcessorConfig'), r.sink);
    c.allowOnly(new Set(['Mode', 'ExecutionType']));
    mode = c.oneOf('Mode', ['INLINE', 'DISTRIBUTED'] as const) ?? 'INLINE';
    if (mode === 'DISTRIBUTED') c.require('ExecutionType');
    executionType = c.oneOf('ExecutionType', ['STANDARD', 'EXPRESS'] as const);
    if (mode === 'INLINE') executionType = undefined;
  }
  return scope === undefined ? undefined : compact({ ...scope, mode, executionType });
}

function readLabel(r: ObjectReader, ctx: ParseContext): string | undefined {
  const label = r.string('Label');
  if (label === undefined) return undefined;
  if (
    [...label].length > MAX_LABEL_LENGTH ||
    label.length === 0 ||
    hasForbiddenNameCharacter(label)
  ) {
    r.sink.error(
      'INVALID_LABEL_NAME',
      `Invalid Label: '${label}' must be 1 to ${MAX_LABEL_LENGTH} characters without whitespace, brackets, wildcards or special characters`,
      r.at('Label'),
    );
    return undefined;
  }
  const first = ctx.labels.get(label);
  if (first !== undefined) {
    r.sink.error(
      'DUPLICATE_LABEL_NAME',
      `Duplicate Label: '${label}' is already used at ${first}`,
      r.at('Label'),
    );
  } else {
    ctx.labels.set(label, r.at('Label'));
  }
  return label;
}

function readNumbers(r: ObjectReader, language: QueryLanguage) {
  const jsonPath = language === 'JSONPath';
  const count = { min: 0, integer: true };
  const percent = { min: 0, max: 100, integer: false };
  r.atMostOne('MaxConcurrency', 'MaxConcurrencyPath');
  r.atMostOne('ToleratedFailureCount', 'ToleratedFailureCountPath');
  r.atMostOne('ToleratedFailurePercentage', 'ToleratedFailurePercentagePath');
  const read = (key: string, range: typeof count | typeof percent) =>
    jsonPath ? r.number(key, range) : r.numberOrExpression(key, range);
  return {
    maxConcurrency: read('MaxConcurrency', count),
    maxConcurrencyPath: jsonPath ? r.path('MaxConcurrencyPath') : undefined,
    toleratedFailureCount: read('ToleratedFailureCount', count),
    toleratedFailureCountPath: jsonPath ? r.path('ToleratedFailureCountPath') : undefined,
    toleratedFailurePercentage: read('ToleratedFailurePercentage', percent),
    toleratedFailurePercentagePath: jsonPath ? r.path('ToleratedFailurePercentagePath') : undefined,
  };
}

function readItems(r: ObjectReader, language: QueryLanguage) {
  if (language === 'JSONPath') {
    r.atMostOne('ItemSelector', 'Parameters');
    return { itemsPath: r.path('ItemsPath'), itemSelector: readTemplate(r, 'ItemSelector') };
  }
  const items = r.raw('Items');
  const ok =
    items === undefined ||
    Array.isArray(items) ||
    (typeof items === 'string' && isJsonataExpression(items));
  if (!ok) r.sink.schema(typeMessage('Array or JSONata expression'), r.at('Items'));
  return { items: ok ? items : undefined, itemSelector: readObjectOrExpression(r, 'ItemSelector') };
}

export function parseMap(
  r: ObjectReader,
  base: StateHeader,
  ctx: ParseContext,
): MapState | undefined {
  const language = base.queryLanguage;
  r.exactlyOne('ItemProcessor', 'Iterator');
  const itemProcessor = readProcessor(r, ctx);
  if (itemProcessor !== undefined && itemProcessor.mode === 'INLINE') {
    for (const key of DISTRIBUTED_ONLY.filter((k) => r.has(k))) {
      r.sink.schema(
        `Field '${key}' is only supported when the ProcessorConfig Mode is DISTRIBUTED`,
        r.location,
      );
    }
  }
  const sub = (key: string) => {
    const obj = r.object(key);
    return obj === undefined ? undefined : new ObjectReader(obj, r.at(key), r.sink);
  };
  const readerReader = sub('ItemReader');
  const writerReader = sub('ResultWriter');
  const batcherReader = sub('ItemBatcher');
  const transition = readTransition(r);
  const rest = {
    ...readIo(r, language),
    ...readResult(r, language),
    ...readItems(r, language),
    ...readNumbers(r, language),
    assign: readAssign(r, language),
    retry: readRetry(r),
    catch: readCatch(r, language),
    itemReader: readerReader && readItemReader(readerReader, language),
    resultWriter: writerReader && readResultWriter(writerReader, language),
    itemBatcher: batcherReader && readItemBatcher(batcherReader, language),
    label: readLabel(r, ctx),
  };
  if (itemProcessor === undefined || transition === undefined) return undefined;
  const fromIterator = r.has('Iterator');
  return compact({
    ...base,
    type: 'Map' as const,
    transition,
    itemProcessor,
    fromIterator,
    ...rest,
  });
}
