/**
 * Property tests. The compiler, fed random templates, paths and maps, either compiles or
 * throws TargetInputValidationError — never anything else. Rendering never throws for a
 * compiled spec over any JSON event, and a template flagged `producesJson` (a JSON template
 * with every placeholder at a value position) renders valid JSON whenever each mapped path
 * selects something. AWS gives no such guarantee — and neither do we — when a placeholder
 * sits inside a string literal (values are inserted unescaped) or a mapped path is missing
 * (the placeholder becomes empty text).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTargetInput,
  isTargetInputValidationError,
  renderTargetInput,
  selectPath,
  type TargetInputSpec,
} from '../../src/core/targets/index.js';

const CTX = { ruleArn: 'arn:aws:events:us-east-1:1:rule/r', ruleName: 'r', ingestionTime: 0 };

const pieces = ['$', '.', '[', ']', '*', '0', '1', "'", 'a', 'detail', '-', '/', ' ', '..', '?'];
const pathText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((xs) => xs.join('')),
);
const keyText = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'AWSx', 'a.b', ''),
  fc.string({ maxLength: 6 }),
);
const templatePieces = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  '<a>',
  '<b>',
  '<c>',
  '<',
  '>',
  ' ',
  'x',
  '\n',
  '<aws.events.rule-name>',
  '<aws.events.event.json>',
];
const templateText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom(...templatePieces), { maxLength: 20 }).map((xs) => xs.join('')),
);

const spec: fc.Arbitrary<TargetInputSpec> = fc.record(
  {
    targetId: fc.constant('t'),
    input: fc.oneof(fc.string({ maxLength: 20 }), fc.json()),
    inputPath: pathText,
    inputTransformer: fc.record({
      inputPathsMap: fc.dictionary(keyText, pathText, { maxKeys: 4 }),
      inputTemplate: templateText,
    }),
  },
  { requiredKeys: ['targetId'] },
);

const event = fc.jsonValue();

function compileOrNull(s: TargetInputSpec) {
  try {
    return compileTargetInput(s);
  } catch (e) {
    if (isTargetInputValidationError(e)) return null;
    throw e;
  }
}

describe('target input properties', () => {
  it('compiles or throws the validation error, and renders without throwing', () => {
    fc.assert(
      fc.property(spec, event, (s, ev) => {
        const compiled = compileOrNull(s);
        if (compiled) expect(typeof renderTargetInput(compiled, ev, CTX)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  const names = ['a', 'b', 'c'] as const;
  const valueSlot = fc.oneof(
    fc.constantFrom(
      '<a>',
      '<b>',
      '<c>',
      '<aws.events.rule-arn>',
      '<aws.events.event>',
      '<aws.events.event.json>',
      '<aws.events.event.ingestion-time>',
    ),
    // `<` and `>` can't be escaped, so literal JSON must avoid them.
    fc.json().filter((j) => !/[<>]/.test(j)),
  );
  const jsonTemplate = fc
    .array(
      fc.tuple(
        fc.string({ maxLength: 5 }).filter((k) => !/[<>]/.test(k)),
        valueSlot,
      ),
      { maxLength: 6 },
    )
    .map((fields) => `{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`);
  const paths = fc.constantFrom(
    '$',
    '$.detail',
    '$.detail.x',
    '$.detail.list[0]',
    '$.detail.*',
    '$.id',
  );
  const eventWith = fc.record({
    id: fc.jsonValue(),
    detail: fc.record({ x: fc.jsonValue(), list: fc.array(fc.jsonValue(), { minLength: 1 }) }),
  });

  it('a JSON template with placeholders at value positions renders valid JSON', () => {
    fc.assert(
      fc.property(jsonTemplate, fc.tuple(paths, paths, paths), eventWith, (template, ps, ev) => {
        const map = Object.fromEntries(names.map((n, i) => [n, ps[i] ?? '$']));
        const compiled = compileTargetInput({
          inputTransformer: { inputPathsMap: map, inputTemplate: template },
        });
        expect(compiled.kind === 'transformer' && compiled.producesJson).toBe(true);
        if (compiled.kind !== 'transformer') return;
        const allFound = [...compiled.paths.values()].every((p) => selectPath(p, ev).found);
        const out = renderTargetInput(compiled, ev, CTX);
        if (allFound) expect(() => JSON.parse(out) as unknown).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('InputPath output is always JSON', () => {
    fc.assert(
      fc.property(pathText, event, (p, ev) => {
        const compiled = compileOrNull({ inputPath: p });
        if (compiled)
          expect(() => JSON.parse(renderTargetInput(compiled, ev, CTX)) as unknown).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
