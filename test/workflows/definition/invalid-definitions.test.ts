/**
 * The invalid corpus: every case yields no definition and an ERROR diagnostic with the expected
 * code, location and message fragment. Also covers the InvalidDefinition message format, the
 * definition size limit and the JSON reader's depth limit.
 */
import { describe, expect, it } from 'vitest';
import {
  formatInvalidDefinitionMessage,
  MAX_DEFINITION_LENGTH,
  parseDefinition,
} from '../../../src/core/workflows/definition/index.js';
import { MAX_JSON_DEPTH } from '../../../src/core/workflows/definition/json-text.js';
import { INVALID_STATE_CASES } from './invalid-corpus-states.js';
import { INVALID_CASES } from './invalid-corpus.js';

const ALL = [...INVALID_CASES, ...INVALID_STATE_CASES];

describe('invalid definitions', () => {
  it('the corpus is large enough to mean something', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = typeof c.definition === 'string' ? c.definition : JSON.stringify(c.definition);
    const { definition, diagnostics } = parseDefinition(text);
    expect(definition).toBeUndefined();
    const match = diagnostics.find(
      (d) =>
        d.severity === 'ERROR' &&
        d.code === c.code &&
        (d.location ?? null) === c.location &&
        d.message.includes(c.message),
    );
    expect(match, JSON.stringify(diagnostics, null, 2)).toBeDefined();
  });
});

describe('InvalidDefinition message', () => {
  it('joins errors like CreateStateMachine does and leaves warnings out', () => {
    const { diagnostics } = parseDefinition(
      JSON.stringify({
        StartAt: 'pass1',
        States: {
          pass1: { Type: 'Pass', Parameters: { id: '$.id' }, Next: 'pass3' },
          pass2: { Type: 'Pass', End: true },
        },
      }),
    );
    expect(diagnostics.some((d) => d.severity === 'WARNING')).toBe(true);
    expect(formatInvalidDefinitionMessage(diagnostics)).toBe(
      "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, " +
        'MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at /States/pass2\'',
    );
  });

  it('omits " at" for diagnostics without a location', () => {
    const { diagnostics } = parseDefinition(
      '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A"}}}',
    );
    expect(formatInvalidDefinitionMessage(diagnostics)).toBe(
      "Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state'",
    );
  });

  it('reports MISSING_END_STATE alone for a loop, suppressing the reachability walk', () => {
    const { diagnostics } = parseDefinition(
      JSON.stringify({
        StartAt: 'A',
        States: {
          A: { Type: 'Pass', Next: 'B' },
          B: { Type: 'Pass', Next: 'A' },
          C: { Type: 'Pass', Next: 'A' },
        },
      }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['MISSING_END_STATE']);
  });
});

describe('limits', () => {
  it('refuses definitions over the length limit without parsing them', () => {
    const text = JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Succeed', Comment: 'x'.repeat(MAX_DEFINITION_LENGTH) } },
    });
    const { definition, diagnostics } = parseDefinition(text);
    expect(definition).toBeUndefined();
    expect(diagnostics[0]?.message).toContain(String(MAX_DEFINITION_LENGTH));
  });

  it('accepts a definition just under the length limit', () => {
    const base = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed', Comment: '' } } });
    const text = base.replace(
      '"Comment":""',
      `"Comment":"${'x'.repeat(MAX_DEFINITION_LENGTH - base.length)}"`,
    );
    expect(text.length).toBe(MAX_DEFINITION_LENGTH);
    expect(parseDefinition(text).diagnostics).toEqual([]);
  });

  it('bounds JSON nesting depth', () => {
    const deep = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)},"End":true}}}`;
    const { diagnostics } = parseDefinition(deep);
    expect(diagnostics[0]?.code).toBe('INVALID_JSON_DESCRIPTION');
    expect(diagnostics[0]?.message).toContain('Nesting depth');
  });
});
