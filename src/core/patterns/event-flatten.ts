/**
 * Flattens an event into its leaf values: each string, number, boolean or null with its dotted
 * path and its array trail — pairs (array id, element index) for every array crossed on the way.
 * Two values can be used together by one pattern only if their trails agree on every shared
 * array (AWS's "array-consistent" matching: fields from different elements of one array never
 * combine). A scalar that is itself an array element leaves that innermost array out of its
 * trail: no other field lives inside a scalar, so its index constrains nothing (and two leaves
 * on one path may pick different elements). Objects are not leaves; empty arrays and objects contribute nothing. Iterative, so
 * deeply nested events cannot overflow the stack. A non-object event has no fields.
 */
import type { Scalar } from './ast.js';

/** Alternating array ids and element indexes. */
export type ArrayTrail = readonly number[];

export interface EventEntry {
  readonly path: string;
  readonly value: Scalar;
  readonly trail: ArrayTrail;
}

const NO_TRAIL: ArrayTrail = [];

/** JSON leaves only: `undefined`, functions and the like (possible in JS objects) are absent. */
function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number';
}

interface Pending {
  readonly value: unknown;
  readonly path: string;
  readonly trail: ArrayTrail;
}

/**
 * Calls `emit` for every leaf value. `descend(path)` may prune: fields whose path it rejects
 * are not visited (the compiled matcher skips what no rule looks at).
 */
export function forEachEventEntry(
  event: unknown,
  emit: (path: string, value: Scalar, trail: ArrayTrail) => void,
  descend?: (path: string) => boolean,
): void {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return;
  const stack: Pending[] = [{ value: event, path: '', trail: NO_TRAIL }];
  let nextArrayId = 0;
  while (stack.length > 0) {
    const { value, path, trail } = stack.pop()!;
    if (value === null || typeof value !== 'object') {
      if (path !== '' && isScalar(value)) emit(path, value, trail);
    } else if (Array.isArray(value)) {
      const id = nextArrayId++;
      for (let i = value.length - 1; i >= 0; i--) {
        const element = value[i] as unknown;
        if (element === null || typeof element !== 'object') {
          if (path !== '' && isScalar(element)) emit(path, element, trail);
        } else {
          stack.push({ value: element, path, trail: [...trail, id, i] });
        }
      }
    } else {
      for (const key of Object.keys(value)) {
        const child = path === '' ? key : `${path}.${key}`;
        if (descend && !descend(child)) continue;
        stack.push({ value: (value as Record<string, unknown>)[key], path: child, trail });
      }
    }
  }
}

export function flattenEvent(event: unknown): EventEntry[] {
  const out: EventEntry[] = [];
  forEachEventEntry(event, (path, value, trail) => out.push({ path, value, trail }));
  return out;
}

/** True when the two trails agree on every array they share. */
export function trailsConsistent(a: ArrayTrail, b: ArrayTrail): boolean {
  for (let i = 0; i < a.length; i += 2) {
    for (let j = 0; j < b.length; j += 2) {
      if (a[i] === b[j] && a[i + 1] !== b[j + 1]) return false;
    }
  }
  return true;
}
