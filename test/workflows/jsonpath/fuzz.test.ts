/**
 * Property tests (fast-check): the path and intrinsic parsers turn any string into an AST or a
 * JsonPathDefinitionError, never another exception; generated paths round-trip through their
 * canonical text; and evaluation of any path, intrinsic or template on any JSON throws nothing
 * but StatesError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePayloadTemplate,
  evaluateIntrinsic,
  evaluatePath,
  evaluatePayloadTemplate,
  formatPath,
  JsonPathDefinitionError,
  parseIntrinsic,
  parsePath,
  queryPath,
  StatesError,
  type JsonValue,
  type ParsedPath,
  type Segment,
  type Selector,
  type FilterExpr,
  INTRINSIC_NAMES,
} from '../../../src/core/workflows/jsonpath/index.js';

const pathChars = fc.constantFrom(
  ...'$.[]*?()@\'",:-10ab =<>!&|~/\\{}S'.split(''),
  'States.',
  'States.Array(',
  '$.a',
  "['x']",
  '[?(@.a > 1)]',
);
const pathLike = fc.string({ unit: pathChars, maxLength: 30 });
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  pathLike,
  pathLike.map((s) => `$${s}`),
  pathLike.map((s) => `States.Format(${s})`),
);

function parsesOrDefinitionError<T>(parse: (s: T) => unknown): (s: T) => void {
  return (s) => {
    try {
      parse(s);
    } catch (e) {
      expect(e).toBeInstanceOf(JsonPathDefinitionError);
    }
  };
}

const json = fc.jsonValue({ maxDepth: 4 }).map((v) => v as JsonValue);
const name = fc.string({ maxLength: 6 });
const noNegZero = (n: number) => (Object.is(n, -0) ? 0 : n);
const literal = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegZero),
  name,
  fc.boolean(),
  fc.constant(null),
);

const simpleSegments: fc.Arbitrary<Segment[]> = fc.array(
  fc.oneof(
    name.map((n): Selector => ({ type: 'property', name: n })),
    fc.integer({ min: -5, max: 5 }).map((i): Selector => ({ type: 'index', index: i })),
  ),
  { maxLength: 3 },
);

const filter: fc.Arbitrary<FilterExpr> = fc.letrec<{ expr: FilterExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      type: fc.constant('compare' as const),
      op: fc.constantFrom('==', '!=', '<', '<=', '>', '>=', 'in', 'nin' as const),
      left: simpleSegments.map((segments) => ({ type: 'current' as const, segments })),
      right: literal.map((value) => ({ type: 'literal' as const, value })),
    }),
    simpleSegments.map((segments): FilterExpr => ({
      type: 'exists',
      operand: { type: 'root', segments },
    })),
    fc
      .tuple(tie('expr'), tie('expr'))
      .map(([left, right]): FilterExpr => ({ type: 'and', left, right })),
    fc
      .tuple(tie('expr'), tie('expr'))
      .map(([left, right]): FilterExpr => ({ type: 'or', left, right })),
    tie('expr').map((expr): FilterExpr => ({ type: 'not', expr })),
  ),
})).expr;

const selector: fc.Arbitrary<Selector> = fc.oneof(
  name.map((n): Selector => ({ type: 'property', name: n })),
  fc
    .array(name, { minLength: 2, maxLength: 3 })
    .map((names): Selector => ({ type: 'properties', names })),
  fc.integer({ min: -5, max: 5 }).map((index): Selector => ({ type: 'index', index })),
  fc
    .array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 3 })
    .map((indexes): Selector => ({ type: 'indexes', indexes })),
  fc
    .tuple(
      fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
      fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
    )
    .filter(([s, e]) => s !== undefined || e !== undefined)
    .map(([start, end]): Selector => ({
      type: 'slice',
      ...(start === undefined ? {} : { start }),
      ...(end === undefined ? {} : { end }),
    })),
  fc.constant<Selector>({ type: 'wildcard' }),
  filter.map((expr): Selector => ({ type: 'filter', expr })),
);

const segment: fc.Arbitrary<Segment> = fc.oneof(
  { arbitrary: selector, weight: 4 },
  { arbitrary: selector.map((s): Segment => ({ type: 'descendant', selector: s })), weight: 1 },
);

const generatedPath = fc.record({
  root: fc.oneof(
    fc.constant({ kind: 'input' as const }),
    fc.constant({ kind: 'context' as const }),
    fc
      .stringMatching(/^[a-z_][a-z0-9_]{0,8}$/)
      .map((n) => ({ kind: 'variable' as const, name: n })),
  ),
  segments: fc.array(segment, { maxLength: 5 }),
});

describe('parsers never throw anything but a definition error', () => {
  it('parsePath', () => {
    fc.assert(fc.property(anyText, parsesOrDefinitionError(parsePath)), { numRuns: 2000 });
  });
  it('parseIntrinsic', () => {
    const calls = fc
      .tuple(fc.constantFrom(...INTRINSIC_NAMES), pathLike)
      .map(([n, rest]) => `${n}(${rest}`);
    fc.assert(fc.property(fc.oneof(anyText, calls), parsesOrDefinitionError(parseIntrinsic)), {
      numRuns: 2000,
    });
  });
  it('compilePayloadTemplate', () => {
    const template = fc.dictionary(
      fc.oneof(
        name,
        name.map((n) => `${n}.$`),
      ),
      fc.oneof(json, anyText),
    );
    fc.assert(
      fc.property(
        template,
        parsesOrDefinitionError((t: JsonValue) => compilePayloadTemplate(t)),
      ),
      { numRuns: 500 },
    );
  });
});

describe('generated paths round-trip through their canonical text', () => {
  it('parse(format(ast)) has the same root and segments, and formats the same', () => {
    fc.assert(
      fc.property(generatedPath, (ast) => {
        const text = formatPath(ast);
        const parsed = parsePath(text);
        expect(parsed.root).toEqual(ast.root);
        expect(parsed.segments).toEqual(ast.segments);
        expect(formatPath(parsed)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('evaluation throws nothing but StatesError', () => {
  const onlyStatesErrors = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(StatesError);
    }
  };

  it('paths on any JSON', () => {
    fc.assert(
      fc.property(generatedPath, json, json, (ast, input, context) => {
        const path: ParsedPath = parsePath(formatPath(ast));
        const ctx = {
          input,
          context,
          variables: { [ast.root.kind === 'variable' ? ast.root.name : 'v']: input },
        };
        const result = queryPath(path, ctx);
        if (result.found && !path.definite) expect(Array.isArray(result.value)).toBe(true);
        onlyStatesErrors(() => evaluatePath(path, ctx));
      }),
      { numRuns: 1000 },
    );
  });

  it('every intrinsic on any arguments', () => {
    const argText = fc.oneof(
      fc.constantFrom(
        '$.a',
        '$.b',
        '$',
        '$.a[0]',
        "'x'",
        "'{}'",
        '0',
        '-1',
        '2.5',
        '1001',
        'true',
        'false',
        'null',
        "'MD5'",
        "'SHA-512'",
      ),
    );
    const call = fc
      .tuple(fc.constantFrom(...INTRINSIC_NAMES), fc.array(argText, { maxLength: 3 }))
      .map(([n, args]) => `${n}(${args.join(', ')})`);
    fc.assert(
      fc.property(call, json, json, (text, a, b) => {
        let parsed;
        try {
          parsed = parseIntrinsic(text);
        } catch (e) {
          expect(e).toBeInstanceOf(JsonPathDefinitionError);
          return;
        }
        onlyStatesErrors(() => evaluateIntrinsic(parsed, { input: { a, b } }));
      }),
      { numRuns: 2000 },
    );
  });

  it('templates on any JSON', () => {
    const template = fc.dictionary(
      name.map((n) => `${n}.$`),
      fc.oneof(generatedPath.map(formatPath), fc.constant('States.ArrayLength($.a)')),
      { maxKeys: 3 },
    );
    fc.assert(
      fc.property(template, json, (t, input) => {
        const compiled = compilePayloadTemplate(t);
        onlyStatesErrors(() =>
          evaluatePayloadTemplate(compiled, { input, context: input, variables: {} }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
