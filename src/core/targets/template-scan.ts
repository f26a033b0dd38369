/**
 * Splits an `InputTemplate` into literal text and `<name>` placeholders, noting for each
 * placeholder where it sits, because that decides how EventBridge inserts the value:
 *
 * - `value`  — a JSON value position of a JSON template (`{"a": <x>}`);
 * - `key`    — an object-key position of a JSON template (`{<x>: 1}`), which AWS forbids;
 * - `string` — inside a double-quoted string literal (`"state is <x>"`), any template kind;
 * - `text`   — bare text of a non-JSON template (`<x> is in state <y>`).
 *
 * A placeholder is the shortest `<…>` on one line, as AWS finds them; `<` and `>` cannot be
 * escaped, so any such span is a placeholder and must name a variable. String literals are
 * tracked with JSON's rules (`\` escapes the next character) outside placeholders only.
 *
 * A template is a JSON template when its first non-blank character is `{` or `[`.
 */

export type PlaceholderPosition = 'value' | 'key' | 'string' | 'text';

export type TemplatePart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: string; readonly position: PlaceholderPosition };

export interface ScannedTemplate {
  readonly json: boolean;
  readonly parts: readonly TemplatePart[];
}

const PLACEHOLDER = /<([^>\n]*)>/y;

export function isJsonTemplate(template: string): boolean {
  const first = /\S/.exec(template)?.[0];
  return first === '{' || first === '[';
}

export function scanTemplate(template: string): ScannedTemplate {
  const json = isJsonTemplate(template);
  const parts: TemplatePart[] = [];
  let literalStart = 0;
  let inString = false;
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '<') {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(template);
      if (m) {
        if (i > literalStart)
          parts.push({ kind: 'literal', text: template.slice(literalStart, i) });
        const end = i + m[0].length;
        parts.push({
          kind: 'placeholder',
          name: m[1] ?? '',
          position: positionOf(template, end, json, inString),
        });
        i = end;
        literalStart = end;
        continue;
      }
    }
    // `\` escapes the next character inside a string, except `<`: placeholders can't be escaped.
    if (c === '\\' && inString && template[i + 1] !== '<') i += 2;
    else {
      if (c === '"') inString = !inString;
      i++;
    }
  }
  if (literalStart < template.length) {
    parts.push({ kind: 'literal', text: template.slice(literalStart) });
  }
  return { json, parts };
}

function positionOf(
  template: string,
  end: number,
  json: boolean,
  inString: boolean,
): PlaceholderPosition {
  if (inString) return 'string';
  if (!json) return 'text';
  const next = /\S/.exec(template.slice(end))?.[0];
  return next === ':' ? 'key' : 'value';
}

/**
 * Whether every rendering of the template is valid JSON as long as each placeholder's value
 * exists: a JSON template whose placeholders all sit at value positions and whose skeleton
 * (placeholders replaced by `null`) parses. Values inside string literals are inserted
 * unescaped, as AWS does, so any placeholder there voids the guarantee.
 */
export function guaranteesJson(scanned: ScannedTemplate): boolean {
  if (!scanned.json) return false;
  let skeleton = '';
  for (const part of scanned.parts) {
    if (part.kind === 'literal') skeleton += part.text;
    else if (part.position === 'value') skeleton += 'null';
    else return false;
  }
  try {
    JSON.parse(skeleton);
    return true;
  } catch {
    return false;
  }
}
