import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonataDefinitionError,
  StatesError,
  compileTemplate,
  evaluateTemplate,
  type CompiledTemplate,
  type JsonValue,
} from '../../../src/core/workflows/jsonata/index.js';

const site = {
  field: 'Output',
  location: '/States/S/Output',
  statesFields: ['input', 'context'] as const,
};
const limits = { timeoutMs: 200, maxDepth: 20_000 };

/** Compiles, and accepts only a template or a JsonataDefinitionError. */
function compileOrRefuse(template: JsonValue): CompiledTemplate | undefined {
  try {
    return compileTemplate(template, { ...site, statesFields: [...site.statesFields] });
  } catch (e) {
    expect(e).toBeInstanceOf(JsonataDefinitionError);
    return undefined;
  }
}

const tokens = fc.constantFrom(
  '$states',
  '.input',
  '.context',
  '.result',
  '$x',
  '$',
  '$$',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ';',
  '?',
  '*',
  '**',
  '%',
  '+',
  '-',
  '/',
  '&',
  '=',
  '!=',
  '~>',
  ':=',
  '..',
  "'s'",
  '"t"',
  '1',
  '0',
  '-1',
  '1e400',
  'function($v){',
  '$v',
  '$partition',
  '$range',
  '$hash',
  '$random',
  '$parse',
  '$uuid',
  '$eval',
  '$sum',
  '$string',
  '$map',
  ' ',
  'a',
  '|',
  '^(',
  '@',
  '#',
);
const expressionText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(tokens, { maxLength: 25 }).map((t) => t.join('')),
);
const input = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;

describe('fuzz', () => {
  it('any string compiles to a template or a definition error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        compileOrRefuse(`{%${text}%}`);
        compileOrRefuse(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('token soup compiles or is refused, and evaluation fails only with StatesError', async () => {
    await fc.assert(
      fc.asyncProperty(expressionText, input, async (text, value) => {
        const compiled = compileOrRefuse({ v: `{% ${text} %}`, w: [`{%${text}%}`] });
        if (!compiled) return;
        try {
          const result = await evaluateTemplate(
            compiled,
            { states: { input: value, context: {} }, variables: { x: value } },
            limits,
          );
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        } catch (e) {
          expect(e).toBeInstanceOf(StatesError);
          expect((e as StatesError).error).toBe('States.QueryEvaluationError');
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it('JSON templates with expressions at any depth compile or are refused', () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 0 }),
      expressionText.map((t) => `{% ${t} %}`),
    );
    const template = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(template, (t) => void compileOrRefuse(t)),
      { numRuns: 1_000 },
    );
  });
});
