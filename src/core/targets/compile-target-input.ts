/**
 * PutTargets-time validation of a target's input settings, producing the form
 * `renderTargetInput` uses. At most one of `Input`, `InputPath`, `InputTransformer`; none
 * means the target receives the whole event.
 *
 * Checks, in order: exclusivity; `Input` ≤ 8192 chars and valid JSON text; `InputPath`
 * ≤ 256 chars and in EventBridge's path subset (dot or bracket notation); `InputTemplate`
 * present, 1–8192 chars; `InputPathsMap` ≤ 100 entries, keys 1–256 chars of
 * `[A-Za-z0-9_-]` not starting with "AWS", values ≤ 256 chars in the dot-notation subset;
 * every template placeholder names a map key or a predefined variable; no placeholder as
 * a JSON object key. JSON paths are never checked against any event: a path that selects
 * nothing is only discovered when rendering.
 */
import { parseEventPath, type EventPath } from './event-path.js';
import { isPredefinedVariable } from './predefined-variables.js';
import { guaranteesJson, scanTemplate, type TemplatePart } from './template-scan.js';
import { TargetInputValidationError, constraintError } from './target-input-error.js';

export interface TargetInputSpec {
  /** The target's `Id`, quoted in error messages. */
  readonly targetId?: string;
  readonly input?: string;
  readonly inputPath?: string;
  readonly inputTransformer?: {
    readonly inputPathsMap?: Readonly<Record<string, string>>;
    readonly inputTemplate: string;
  };
}

export type CompiledTargetInput =
  | { readonly kind: 'event' }
  | { readonly kind: 'constant'; readonly text: string }
  | { readonly kind: 'path'; readonly path: EventPath }
  | {
      readonly kind: 'transformer';
      readonly parts: readonly TemplatePart[];
      readonly paths: ReadonlyMap<string, EventPath>;
      /** True when every rendering is valid JSON provided each mapped path selects a value. */
      readonly producesJson: boolean;
    };

export const INPUT_MAX = 8192;
export const INPUT_PATH_MAX = 256;
export const TEMPLATE_MAX = 8192;
export const PATHS_MAP_MAX_ENTRIES = 100;
export const PATHS_MAP_KEY_MAX = 256;
const KEY_PATTERN = /^[A-Za-z0-9_-]+$/;
const KEY_PATTERN_TEXT = '[A-Za-z0-9\\_\\-]+';

export function compileTargetInput(spec: TargetInputSpec): CompiledTargetInput {
  const id = spec.targetId ?? '';
  const given = [spec.input, spec.inputPath, spec.inputTransformer].filter((v) => v !== undefined);
  if (given.length > 1) {
    throw new TargetInputValidationError(
      'Input',
      `Only one of Input, InputPath, or InputTransformer must be provided for target ${id}.`,
    );
  }
  if (spec.input !== undefined) return compileInput(spec.input, id);
  if (spec.inputPath !== undefined)
    return { kind: 'path', path: compileInputPath(spec.inputPath, id) };
  if (spec.inputTransformer !== undefined) return compileTransformer(spec.inputTransformer, id);
  return { kind: 'event' };
}

function compileInput(input: string, id: string): CompiledTargetInput {
  if (typeof input !== 'string') throw notText('Input', 'input');
  if (input.length > INPUT_MAX) {
    throw constraintError(
      'Input',
      'input',
      input,
      `Member must have length less than or equal to ${INPUT_MAX}`,
    );
  }
  try {
    JSON.parse(input);
  } catch {
    throw new TargetInputValidationError(
      'Input',
      `Input for target ${id} is not a valid JSON text.`,
    );
  }
  return { kind: 'constant', text: input };
}

function compileInputPath(inputPath: string, id: string): EventPath {
  if (typeof inputPath !== 'string') throw notText('InputPath', 'inputPath');
  if (inputPath.length > INPUT_PATH_MAX) {
    throw constraintError(
      'InputPath',
      'inputPath',
      inputPath,
      `Member must have length less than or equal to ${INPUT_PATH_MAX}`,
    );
  }
  const path = parseEventPath(inputPath, { brackets: true });
  if (!path) {
    throw new TargetInputValidationError(
      'InputPath',
      `InputPath for target ${id} is not a valid JSON path: ${inputPath}.`,
    );
  }
  return path;
}

function compileTransformer(
  transformer: NonNullable<TargetInputSpec['inputTransformer']>,
  id: string,
): CompiledTargetInput {
  const field = 'InputTransformer.InputTemplate';
  const member = 'inputTransformer.inputTemplate';
  const template: unknown = (transformer as { inputTemplate?: unknown }).inputTemplate;
  if (template === undefined || template === null) {
    throw constraintError(field, member, 'null', 'Member must not be null');
  }
  if (typeof template !== 'string') throw notText(field, member);
  if (template.length < 1) {
    throw constraintError(
      field,
      member,
      template,
      'Member must have length greater than or equal to 1',
    );
  }
  if (template.length > TEMPLATE_MAX) {
    throw constraintError(
      field,
      member,
      template,
      `Member must have length less than or equal to ${TEMPLATE_MAX}`,
    );
  }
  const paths = compilePathsMap(transformer.inputPathsMap ?? {}, id);
  const scanned = scanTemplate(template);
  for (const part of scanned.parts) {
    if (part.kind !== 'placeholder') continue;
    if (!paths.has(part.name) && !isPredefinedVariable(part.name)) {
      throw new TargetInputValidationError(
        field,
        `InputTemplate for target ${id} contains invalid placeholder ${part.name}.`,
      );
    }
    if (part.position === 'key') {
      throw new TargetInputValidationError(
        field,
        `InputTemplate for target ${id} uses placeholder ${part.name} as an object key.`,
      );
    }
  }
  return {
    kind: 'transformer',
    parts: scanned.parts,
    paths,
    producesJson: guaranteesJson(scanned),
  };
}

function compilePathsMap(
  map: Readonly<Record<string, string>>,
  id: string,
): Map<string, EventPath> {
  const field = 'InputTransformer.InputPathsMap';
  const member = 'inputTransformer.inputPathsMap';
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw notText(field, member);
  const entries = Object.entries(map);
  if (entries.length > PATHS_MAP_MAX_ENTRIES) {
    throw constraintError(
      field,
      member,
      `{${entries.length} entries}`,
      `Member must have length less than or equal to ${PATHS_MAP_MAX_ENTRIES}`,
    );
  }
  const paths = new Map<string, EventPath>();
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > PATHS_MAP_KEY_MAX || !KEY_PATTERN.test(key)) {
      throw constraintError(
        field,
        `${member}.key`,
        key,
        key.length > PATHS_MAP_KEY_MAX
          ? `Member must have length less than or equal to ${PATHS_MAP_KEY_MAX}`
          : `Member must satisfy regular expression pattern: ${KEY_PATTERN_TEXT}`,
      );
    }
    if (key.toUpperCase().startsWith('AWS')) {
      throw new TargetInputValidationError(
        field,
        `InputPathsMap key ${key} for target ${id} is reserved: keys cannot start with "AWS".`,
      );
    }
    if (typeof value !== 'string') throw notText(field, `${member}.value`);
    if (value.length > INPUT_PATH_MAX) {
      throw constraintError(
        field,
        `${member}.value`,
        value,
        `Member must have length less than or equal to ${INPUT_PATH_MAX}`,
      );
    }
    const path = parseEventPath(value, { brackets: false });
    if (!path) {
      throw new TargetInputValidationError(
        field,
        `InputPathsMap for target ${id} contains an invalid JSON path for key ${key}: ${value}.`,
      );
    }
    paths.set(key, path);
  }
  return paths;
}

function notText(field: string, member: string): TargetInputValidationError {
  return new TargetInputValidationError(
    field,
    `Invalid type for parameter ${member}: expected a string.`,
  );
}
