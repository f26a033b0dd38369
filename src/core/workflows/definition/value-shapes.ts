/**
 * Outer-shape tests for the string values ASL gives meaning to. These only classify a string
 * (is it a JSONPath, an intrinsic call, a JSONata `{% %}` block, an RFC 3339 timestamp); the
 * `jsonpath/` and `jsonata/` modules compile and evaluate them. Being deliberately shallow here
 * keeps one grammar per language, owned by the module that evaluates it.
 */

/** A JSONPath as ASL uses it: `$`, `$.x`, `$$.Execution.Id`, `$var.x`, `$[0]`. */
export function isJsonPath(value: string): boolean {
  return value.startsWith('$');
}

/** An intrinsic function call such as `States.Format('{}', $.x)`. */
export function isIntrinsicCall(value: string): boolean {
  return /^States\.[A-Za-z][A-Za-z0-9]*\(.*\)$/s.test(value);
}

/** A JSONata expression block: `{% ... %}` around the whole string. */
export function isJsonataExpression(value: string): boolean {
  return value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/**
 * Strings that look as if the author meant a path or an intrinsic (the NO_DOLLAR and NO_PATH
 * warnings): `$`, `$.a`, `$$.a`, `$[0]`, `States.X(...)`.
 */
export function looksLikePathOrIntrinsic(value: string): boolean {
  return /^\$\$?(?:$|[.[])/.test(value) || isIntrinsicCall(value);
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * RFC 3339 profile of ISO 8601 as ASL requires: an uppercase `T` between date and time and an
 * uppercase `Z` when no numeric offset is given, and a real calendar date.
 */
export function isAslTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  const offH = m[7] === undefined ? 0 : Number(m[7]);
  const offM = m[8] === undefined ? 0 : Number(m[8]);
  return offH <= 23 && offM <= 59;
}
