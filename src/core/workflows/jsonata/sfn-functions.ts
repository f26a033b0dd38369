/**
 * The table of functions Step Functions adds to JSONata, with the JSONata signatures that make
 * the library answer a wrong argument count or type with its own `T0410`, as AWS does
 * (`$uuid('x')`, `$hash(42, 'MD5')`, `$range('0', 4, 1)`, a surplus argument anywhere).
 * `$random` replaces JSONata's own (which takes no seed). `$eval` is the one JSONata function
 * AWS removes: definitions that name it are refused (`expression-checks.ts`), and it is also
 * shadowed at run time so it can never run.
 */
import { partition, range } from './sfn-array-functions.js';
import { hash, parse, random, uuid } from './sfn-value-functions.js';

export interface SfnFunction {
  name: string;
  implementation: (...args: never[]) => unknown;
  signature: string;
}

export const SFN_FUNCTIONS: readonly SfnFunction[] = [
  { name: 'partition', implementation: partition, signature: '<jn?:a>' },
  { name: 'range', implementation: range, signature: '<nnn?:j>' },
  { name: 'hash', implementation: hash, signature: '<ss?:s>' },
  { name: 'random', implementation: random, signature: '<n?:n>' },
  { name: 'uuid', implementation: uuid, signature: '<:s>' },
  { name: 'parse', implementation: parse, signature: '<s?:j>' },
];

/** JSONata functions Step Functions does not provide. */
export const REMOVED_FUNCTIONS: readonly string[] = ['eval'];
