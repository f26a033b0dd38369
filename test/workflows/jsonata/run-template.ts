/**
 * Test helpers: compile a JSONata-mode field value at a site and evaluate it, and catch the
 * error a call throws.
 */
import {
  compileTemplate,
  evaluateTemplate,
  type EvaluationLimits,
  type EvaluationScope,
  type JsonValue,
  type StatesField,
} from '../../../src/core/workflows/jsonata/index.js';

export const ALL_FIELDS: StatesField[] = ['input', 'result', 'errorOutput', 'context'];

export interface Site {
  field?: string;
  location?: string;
  statesFields?: StatesField[];
}

export function compile(template: JsonValue, site: Site = {}) {
  return compileTemplate(template, {
    field: site.field ?? 'Output',
    location: site.location ?? '/States/S/Output',
    statesFields: site.statesFields ?? ALL_FIELDS,
  });
}

export async function run(
  template: JsonValue,
  scope: Partial<EvaluationScope> = {},
  site: Site = {},
  limits?: EvaluationLimits,
): Promise<JsonValue> {
  return evaluateTemplate(
    compile(template, site),
    { states: scope.states ?? {}, variables: scope.variables },
    limits,
  );
}

export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
