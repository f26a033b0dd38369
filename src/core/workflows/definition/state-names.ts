/**
 * State and label name rules. State names are 1..80 characters (AWS: "INVALID_STATE_NAME:
 * Invalid State name: State '<name>' exceeds the 80-character limit allowed by the service")
 * and unique across the whole machine, nested scopes included (States Language spec; AWS code
 * DUPLICATE_STATE_NAME). AWS's own examples use spaces in state names ("Hello World"), so the
 * whitespace/punctuation ban of the API's `name` parameters does not apply to state names; only
 * control characters are refused. Map Labels do follow the API name rules.
 */
import type { DiagnosticSink } from './diagnostics.js';

export const MAX_STATE_NAME_LENGTH = 80;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_API_NAMES = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

/** True when `name` breaks the AWS API name rules (used for Map Labels). */
export function hasForbiddenNameCharacter(name: string): boolean {
  return FORBIDDEN_IN_API_NAMES.test(name);
}

/** Reports INVALID_STATE_NAME / DUPLICATE_STATE_NAME; true when the name is usable. */
export function checkStateName(
  name: string,
  location: string,
  seen: Map<string, string>,
  sink: DiagnosticSink,
): boolean {
  const length = [...name].length;
  if (length === 0) {
    sink.error('INVALID_STATE_NAME', 'Invalid State name: State name must not be empty', location);
    return false;
  }
  if (length > MAX_STATE_NAME_LENGTH) {
    sink.error(
      'INVALID_STATE_NAME',
      `Invalid State name: State '${name}' exceeds the ${MAX_STATE_NAME_LENGTH}-character limit allowed by the service`,
      location,
    );
    return false;
  }
  if (CONTROL.test(name)) {
    sink.error(
      'INVALID_STATE_NAME',
      `Invalid State name: State '${name}' contains control characters`,
      location,
    );
    return false;
  }
  const first = seen.get(name);
  if (first !== undefined) {
    sink.error(
      'DUPLICATE_STATE_NAME',
      `Duplicate State name: '${name}' is already defined at ${first}`,
      location,
    );
    return false;
  }
  seen.set(name, location);
  return true;
}
