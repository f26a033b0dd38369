/**
 * Strict JSON text parsing for `$parse`: `JSON.parse` plus the two refusals it does not make
 * and AWS does: a repeated key in one object, and a number too large for a double (`1e400`,
 * which `JSON.parse` turns into Infinity). (`JSON.parse` already keeps a
 * `__proto__` key as plain data.)
 */
import type { JsonValue } from './types.js';

export function parseStrictJson(text: string): JsonValue {
  let finite = true;
  const value = JSON.parse(text, (_key: string, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) finite = false;
    return v;
  }) as JsonValue;
  if (!finite) throw new SyntaxError('number out of range');
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined) throw new SyntaxError(`duplicate key ${JSON.stringify(duplicate)}`);
  return value;
}

/** Scans text already known to be valid JSON for a key repeated within one object. */
function findDuplicateKey(text: string): string | undefined {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const keys = stack[stack.length - 1];
      if (!keys) continue;
      let j = i + 1;
      while (j < text.length && ' \t\n\r'.includes(text[j] ?? '')) j++;
      if (text[j] !== ':') continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      if (keys.has(key)) return key;
      keys.add(key);
    }
  }
  return undefined;
}
