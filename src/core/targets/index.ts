/**
 * EventBridge target input shaping: `compileTargetInput` validates a target's `Input` /
 * `InputPath` / `InputTransformer` at PutTargets time (throwing `TargetInputValidationError`
 * with AWS's wording); `renderTargetInput` produces the payload text the target receives for
 * a matched event. Pure: no I/O, no clock.
 */
export {
  compileTargetInput,
  INPUT_MAX,
  INPUT_PATH_MAX,
  PATHS_MAP_KEY_MAX,
  PATHS_MAP_MAX_ENTRIES,
  TEMPLATE_MAX,
  type CompiledTargetInput,
  type TargetInputSpec,
} from './compile-target-input.js';
export { renderTargetInput, type RenderContext } from './render-target-input.js';
export { PREDEFINED_VARIABLES, type PredefinedVariable } from './predefined-variables.js';
export { parseEventPath, selectPath, type EventPath, type Selection } from './event-path.js';
export { isJsonTemplate, type PlaceholderPosition } from './template-scan.js';
export { TargetInputValidationError, isTargetInputValidationError } from './target-input-error.js';
