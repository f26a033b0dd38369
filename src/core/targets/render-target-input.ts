/**
 * What a target receives for one matched event, given its compiled input settings:
 *
 * - none: the event as compact JSON;
 * - `Input`: the constant text, byte for byte;
 * - `InputPath`: the selected part as compact JSON (JSON `null` when nothing matches);
 * - `InputTransformer`: the template with each `<name>` replaced according to where it sits
 *   (see `template-scan.ts`):
 *     value position of a JSON template — the value as JSON; strings gain quotes and JSON
 *       escaping, objects/arrays/numbers/booleans/null are inserted as JSON;
 *     inside a string literal — strings raw and unescaped (AWS does not escape extracted
 *       values), objects/arrays as JSON with every `"` removed, other scalars as JSON text;
 *     bare text of a non-JSON template — strings raw, everything else as JSON text.
 *   A mapped path that selects nothing yields no variable: the placeholder becomes empty
 *   text, wherever it sits (so `{"a": <missing>}` renders as `{"a": }`, not valid JSON).
 *
 * The event is assumed to be a JSON value (what PutEvents accepted, parsed).
 */
import { selectPath } from './event-path.js';
import type { CompiledTargetInput } from './compile-target-input.js';
import {
  isPredefinedVariable,
  predefinedValue,
  type RenderContext,
} from './predefined-variables.js';
import type { PlaceholderPosition } from './template-scan.js';

export type { RenderContext } from './predefined-variables.js';

export function renderTargetInput(
  compiled: CompiledTargetInput,
  event: unknown,
  ctx: RenderContext,
): string {
  switch (compiled.kind) {
    case 'event':
      return toJson(event);
    case 'constant':
      return compiled.text;
    case 'path': {
      const selected = selectPath(compiled.path, event);
      return selected.found ? toJson(selected.value) : 'null';
    }
    case 'transformer': {
      const values = new Map<string, { found: boolean; value: unknown }>();
      for (const [name, path] of compiled.paths) {
        const s = selectPath(path, event);
        values.set(
          name,
          s.found ? { found: true, value: s.value } : { found: false, value: undefined },
        );
      }
      let out = '';
      for (const part of compiled.parts) {
        if (part.kind === 'literal') {
          out += part.text;
          continue;
        }
        const mapped = values.get(part.name);
        if (mapped) {
          if (mapped.found) out += insert(mapped.value, part.position);
        } else if (isPredefinedVariable(part.name)) {
          out += insert(predefinedValue(part.name, event, ctx), part.position);
        }
      }
      return out;
    }
  }
}

function insert(value: unknown, position: PlaceholderPosition): string {
  if (position === 'value' || position === 'key') return toJson(value);
  if (typeof value === 'string') return value;
  const text = toJson(value);
  return position === 'string' && typeof value === 'object' && value !== null
    ? text.replaceAll('"', '')
    : text;
}

function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
