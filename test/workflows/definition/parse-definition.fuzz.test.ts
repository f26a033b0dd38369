/**
 * Property tests (fast-check): whatever the input — random text, random JSON, random ASL-shaped
 * objects, mutations of the valid corpus — parseDefinition never throws and returns either a
 * definition with no ERROR diagnostic or no definition and at least one ERROR. Plus a
 * differential test of the JSON reader against JSON.parse. Time is bounded by the suite's
 * per-test timeout; a 1 MiB pathological input is included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../src/core/workflows/definition/index.js';
import { readJson } from '../../../src/core/workflows/definition/json-text.js';
import { VALID_JSONATA_CASES } from './valid-corpus-jsonata.js';
import { VALID_CASES } from './valid-corpus.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function checkInvariant(text: string): void {
  const { definition, diagnostics } = parseDefinition(text);
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  if (definition === undefined) expect(errors.length).toBeGreaterThan(0);
  else {
    expect(errors).toEqual([]);
    expect(() => JSON.stringify(definition)).not.toThrow();
  }
  for (const d of diagnostics) {
    expect(typeof d.code).toBe('string');
    expect(typeof d.message).toBe('string');
  }
}

const FIELD_NAMES = [
  'Type',
  'Next',
  'End',
  'Resource',
  'Parameters',
  'Arguments',
  'Output',
  'Assign',
  'InputPath',
  'OutputPath',
  'ResultPath',
  'ResultSelector',
  'Result',
  'Retry',
  'Catch',
  'ErrorEquals',
  'Choices',
  'Default',
  'Variable',
  'StringEquals',
  'NumericEqualsPath',
  'And',
  'Or',
  'Not',
  'Condition',
  'Seconds',
  'Timestamp',
  'SecondsPath',
  'Branches',
  'ItemProcessor',
  'Iterator',
  'ProcessorConfig',
  'Mode',
  'ExecutionType',
  'StartAt',
  'States',
  'QueryLanguage',
  'Label',
  'ItemReader',
  'MaxConcurrency',
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'Error',
  'CausePath',
];
const VALUES: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    'Task',
    'Pass',
    'Choice',
    'Wait',
    'Succeed',
    'Fail',
    'Parallel',
    'Map',
    'A',
    'B',
    'JSONata',
    'JSONPath',
    'DISTRIBUTED',
    'INLINE',
    'STANDARD',
    '$',
    '$.x',
    'x.$',
    '{% $x %}',
    'States.ALL',
    'arn:aws:states:::sqs:sendMessage',
    '2016-03-14T01:59:00Z',
    true,
    false,
    0,
    1,
    -1,
    1.5,
    null,
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);
const aslLike: fc.Arbitrary<Json> = fc.letrec<{ node: Json }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    VALUES,
    fc.dictionary(fc.constantFrom(...FIELD_NAMES, 'A', 'B'), tie('node'), { maxKeys: 6 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

const VALID = [...VALID_CASES, ...VALID_JSONATA_CASES]
  .map((c) => (typeof c.definition === 'string' ? c.definition : JSON.stringify(c.definition)))
  .map((text) => JSON.parse(text) as Json);

/** Applies one random edit somewhere inside `doc` (delete, replace or add a field). */
function mutate(doc: Json, path: number[], edit: number, value: Json, key: string): Json {
  if (typeof doc !== 'object' || doc === null) return value;
  const copy: Json = Array.isArray(doc) ? [...doc] : { ...doc };
  const keys = Object.keys(copy);
  if (keys.length === 0 || path.length === 0) {
    if (Array.isArray(copy)) copy.push(value);
    else copy[key] = value;
    return copy;
  }
  const k = keys[(path[0] ?? 0) % keys.length] ?? '';
  const rest = path.slice(1);
  const record = copy as Record<string, Json>;
  if (rest.length === 0 && edit === 0 && !Array.isArray(copy)) delete record[k];
  else if (rest.length === 0 && edit === 1) record[k] = value;
  else record[k] = mutate(record[k] ?? null, rest, edit, value, key);
  return copy;
}

describe('parseDefinition properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkInvariant), {
      numRuns: 500,
    });
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), checkInvariant), { numRuns: 500 });
  });

  it('never throws on ASL-shaped documents', () => {
    const doc = fc.record({
      StartAt: fc.constantFrom<Json>('A', 'B', 1),
      States: fc.dictionary(fc.constantFrom('A', 'B', 'C'), aslLike, { maxKeys: 3 }),
      QueryLanguage: fc.constantFrom<Json>('JSONPath', 'JSONata', 'x'),
    });
    fc.assert(
      fc.property(doc, (d) => checkInvariant(JSON.stringify(d))),
      { numRuns: 1000 },
    );
  });

  it('never throws on mutations of valid definitions', () => {
    const arb = fc.tuple(
      fc.constantFrom(...VALID),
      fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 2 }),
      VALUES,
      fc.constantFrom(...FIELD_NAMES),
    );
    fc.assert(
      fc.property(arb, ([doc, path, edit, value, key]) =>
        checkInvariant(JSON.stringify(mutate(doc, path, edit, value, key))),
      ),
      { numRuns: 1500 },
    );
  });

  it('handles a 1 MiB definition with thousands of states', () => {
    const states: Record<string, Json> = {};
    for (let i = 0; i < 9000; i += 1) states[`S${i}`] = { Type: 'Pass', Next: `S${i + 1}` };
    states.S9000 = { Type: 'Succeed' };
    const text = JSON.stringify({ StartAt: 'S0', States: states });
    expect(text.length).toBeLessThan(1_048_576);
    const { definition, diagnostics } = parseDefinition(text);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(definition?.states ?? {})).toHaveLength(9001);
  });
});

describe('JSON reader (differential against JSON.parse)', () => {
  it('agrees with JSON.parse on valid JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 5 }), (text) => {
        const read = readJson(text);
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.json({ maxDepth: 2 }).map((t) => t.slice(0, Math.max(0, t.length - 1))),
      fc.stringMatching(/^[\s{}[\]",:0-9eE.+\-tfnrul\\]{0,30}$/),
    );
    fc.assert(
      fc.property(text, (t) => {
        let expected = true;
        try {
          JSON.parse(t);
        } catch {
          expected = false;
        }
        expect(readJson(t).ok).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
