/**
 * The string and generic intrinsics: States.Format, States.StringSplit (the second argument is
 * a set of delimiter characters; empty pieces are dropped) and States.UUID (a random v4 UUID).
 *
 * States.Format inserts strings as they are and other values as Step Functions prints them:
 * numbers, booleans and null as JSON, arrays as `[a, b]` and objects as `{k=v, k2=v2}` (the
 * JVM's collection rendering, strings unquoted inside).
 */
import type { JsonValue } from '../shared/json-value.js';
import { intrinsicFailure, stringArg, type IntrinsicImpl } from './intrinsic-args.js';

/** States.Format given its template already split at the placeholders. */
export function formatWithParts(parts: readonly string[], values: readonly JsonValue[]): string {
  if (parts.length - 1 !== values.length) {
    throw intrinsicFailure(
      'States.Format',
      `the template has ${parts.length - 1} placeholders but ${values.length} values were given`,
    );
  }
  let out = parts[0]!;
  values.forEach((value, i) => {
    out += formatValue(value) + parts[i + 1]!;
  });
  return out;
}

/** States.Format with a template computed at run time: every `{}` is a placeholder. */
export const format: IntrinsicImpl = (args) => {
  const template = stringArg('States.Format', args, 0, 'template');
  return formatWithParts(template.split('{}'), args.slice(1));
};

export function formatValue(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

export const stringSplit: IntrinsicImpl = (args) => {
  const fn = 'States.StringSplit';
  const text = stringArg(fn, args, 0, 'string');
  const delimiters = new Set(stringArg(fn, args, 1, 'delimiter'));
  const pieces: string[] = [];
  let current = '';
  for (const ch of text) {
    if (delimiters.has(ch)) {
      if (current !== '') pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
};

export const uuid: IntrinsicImpl = (_args, entropy) => entropy.uuid();
