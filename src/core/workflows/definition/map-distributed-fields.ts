/**
 * The distributed-Map-only sub-objects: ItemReader (S3 getObject/listObjectsV2 with ReaderConfig),
 * ResultWriter (S3 putObject with WriterConfig) and ItemBatcher. They are parsed and kept as
 * validated raw JSON; the engine decides whether it can honour them (the lead rejects S3-backed
 * readers/writers with a documented error). ReaderConfig/WriterConfig keys other than the ones
 * checked here are passed through unvalidated.
 */
import { compact, readObjectOrExpression, readTemplate } from './common-fields.js';
import { ObjectReader } from './object-reader.js';
import type { ItemBatcher, ItemReader, ResultWriter } from './state-types.js';
import type { QueryLanguage } from './types.js';

/** Largest batch payload a distributed Map accepts (256 KiB). */
export const MAX_INPUT_BYTES_PER_BATCH = 262_144;

const S3_RESOURCE = /^arn:aws(?:-[a-z]+)*:states:::s3:(getObject|listObjectsV2|putObject)$/;

function readS3Resource(r: ObjectReader, actions: readonly string[]): string | undefined {
  const arn = r.string('Resource');
  if (arn === undefined) return undefined;
  const action = S3_RESOURCE.exec(arn)?.[1];
  if (action !== undefined && actions.includes(action)) return arn;
  r.sink.error(
    'INVALID_RESOURCE',
    `Resource '${arn}' is not supported here; expected one of [${actions.map((a) => `arn:aws:states:::s3:${a}`).join(', ')}]`,
    r.at('Resource'),
  );
  return undefined;
}

function readArgs(r: ObjectReader, language: QueryLanguage) {
  return language === 'JSONPath'
    ? { parameters: readTemplate(r, 'Parameters') }
    : { arguments: readObjectOrExpression(r, 'Arguments') };
}

export function readItemReader(r: ObjectReader, language: QueryLanguage): ItemReader | undefined {
  r.allowOnly(
    new Set(['Resource', 'ReaderConfig', language === 'JSONPath' ? 'Parameters' : 'Arguments']),
  );
  r.require('Resource');
  const resource = readS3Resource(r, ['getObject', 'listObjectsV2']);
  const readerConfig = r.object('ReaderConfig');
  if (readerConfig !== undefined) {
    const c = new ObjectReader(readerConfig, r.at('ReaderConfig'), r.sink);
    c.oneOf('InputType', ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'] as const);
    c.oneOf('CSVHeaderLocation', ['FIRST_ROW', 'GIVEN'] as const);
    c.atMostOne('MaxItems', 'MaxItemsPath');
    if (language === 'JSONPath') c.number('MaxItems', { min: 0, max: 100_000_000, integer: true });
    else c.numberOrExpression('MaxItems', { min: 0, max: 100_000_000, integer: true });
    if (c.raw('CSVHeaderLocation') === 'GIVEN') c.require('CSVHeaders');
    const headers = c.array('CSVHeaders');
    if (headers?.some((h) => typeof h !== 'string')) {
      c.sink.schema("The field 'CSVHeaders' must be an array of strings", c.at('CSVHeaders'));
    }
  }
  if (resource === undefined) return undefined;
  return compact({ resource, readerConfig, ...readArgs(r, language) });
}

export function readResultWriter(r: ObjectReader, language: QueryLanguage): ResultWriter {
  r.allowOnly(
    new Set(['Resource', 'WriterConfig', language === 'JSONPath' ? 'Parameters' : 'Arguments']),
  );
  const resource = r.has('Resource') ? readS3Resource(r, ['putObject']) : undefined;
  const writerConfig = r.object('WriterConfig');
  if (writerConfig !== undefined) {
    const c = new ObjectReader(writerConfig, r.at('WriterConfig'), r.sink);
    c.oneOf('OutputType', ['JSON', 'JSONL'] as const);
    c.oneOf('Transformation', ['NONE', 'COMPACT', 'FLATTEN'] as const);
  }
  return compact({ resource, writerConfig, ...readArgs(r, language) });
}

export function readItemBatcher(r: ObjectReader, language: QueryLanguage): ItemBatcher {
  const jsonPath = language === 'JSONPath';
  r.allowOnly(
    new Set([
      'MaxItemsPerBatch',
      'MaxInputBytesPerBatch',
      'BatchInput',
      ...(jsonPath ? ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath'] : []),
    ]),
  );
  r.atMostOne('MaxItemsPerBatch', 'MaxItemsPerBatchPath');
  r.atMostOne('MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath');
  const items = { min: 1, integer: true };
  const bytes = { min: 1, max: MAX_INPUT_BYTES_PER_BATCH, integer: true };
  return compact({
    maxItemsPerBatch: jsonPath
      ? r.number('MaxItemsPerBatch', items)
      : r.numberOrExpression('MaxItemsPerBatch', items),
    maxItemsPerBatchPath: jsonPath ? r.path('MaxItemsPerBatchPath') : undefined,
    maxInputBytesPerBatch: jsonPath
      ? r.number('MaxInputBytesPerBatch', bytes)
      : r.numberOrExpression('MaxInputBytesPerBatch', bytes),
    maxInputBytesPerBatchPath: jsonPath ? r.path('MaxInputBytesPerBatchPath') : undefined,
    batchInput: jsonPath ? readTemplate(r, 'BatchInput') : readObjectOrExpression(r, 'BatchInput'),
  });
}
