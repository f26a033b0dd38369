/**
 * Choice and Parallel states. Choice: a non-empty `Choices` array of rules and an optional
 * `Default` target; it never has Next or End. Parallel: a non-empty `Branches` array, each a
 * StartAt/States container (Comment allowed, nothing else — not even QueryLanguage, since
 * branch states use the machine's language), plus the usual result and error handling.
 */
import { compact, readAssign, readIo, readResult, readTransition } from './common-fields.js';
import { readChoiceRule } from './choice-rules.js';
import { itemLocation } from './diagnostics.js';
import { readCatch, readRetry } from './error-handling.js';
import { isJsonObject, ObjectReader, typeMessage } from './object-reader.js';
import type { ParseContext } from './parse-context.js';
import type { ChoiceState, ParallelState, StateHeader, StateScope } from './state-types.js';
import type { ChoiceRule } from './types.js';

export function parseChoice(r: ObjectReader, base: StateHeader): ChoiceState | undefined {
  r.require('Choices');
  const list = r.array('Choices');
  const rules: (ChoiceRule | undefined)[] = [];
  if (list !== undefined && list.length === 0) {
    r.sink.schema("The field 'Choices' must contain at least one Choice rule", r.at('Choices'));
  }
  list?.forEach((item, i) => {
    const at = itemLocation(r.location, 'Choices', i);
    if (!isJsonObject(item)) {
      r.sink.schema(typeMessage('Object'), at);
      rules.push(undefined);
      return;
    }
    rules.push(readChoiceRule(new ObjectReader(item, at, r.sink), base.queryLanguage));
  });
  const rest = {
    default: r.string('Default'),
    ...readIo(r, base.queryLanguage),
    assign: readAssign(r, base.queryLanguage),
  };
  if (list === undefined || list.length === 0 || rules.some((x) => x === undefined)) {
    return undefined;
  }
  return compact({ ...base, type: 'Choice' as const, choices: rules as ChoiceRule[], ...rest });
}

export function parseParallel(
  r: ObjectReader,
  base: StateHeader,
  ctx: ParseContext,
): ParallelState | undefined {
  const language = base.queryLanguage;
  r.require('Branches');
  const list = r.array('Branches');
  if (list !== undefined && list.length === 0) {
    r.sink.schema("The field 'Branches' must contain at least one branch", r.at('Branches'));
  }
  const branches: (StateScope | undefined)[] = (list ?? []).map((item, i) => {
    const at = itemLocation(r.location, 'Branches', i);
    if (!isJsonObject(item)) {
      r.sink.schema(typeMessage('Object'), at);
      return undefined;
    }
    return ctx.readScope(new ObjectReader(item, at, r.sink), []);
  });
  const transition = readTransition(r);
  const rest = {
    ...readIo(r, language),
    ...readResult(r, language),
    assign: readAssign(r, language),
    retry: readRetry(r),
    catch: readCatch(r, language),
  };
  if (transition === undefined || list === undefined || list.length === 0) return undefined;
  if (branches.some((b) => b === undefined)) return undefined;
  return compact({
    ...base,
    type: 'Parallel' as const,
    transition,
    branches: branches as StateScope[],
    ...rest,
  });
}
