/**
 * Wildcard complexity: how many automaton states a worst-case string can keep alive at once
 * when all the wildcard patterns one rule applies to one field run side by side. AWS rejects
 * rules whose wildcards are "too complex" (event-ruler's MachineComplexityEvaluator); its exact
 * scoring is not public, so this is our own measure, calibrated on AWS's observed answers:
 * `*:*:*:*:*:event-bus/*` and the four patterns `*.bif *.tiff *.tif *.svs` on one field are
 * rejected, `/Users/*\/dir/dir/dir/dir/dir/doc.txt` is accepted.
 *
 * Each pattern is an NFA whose state k means "tokens before k matched"; a star state loops on
 * any character and also activates k+1. We explore the subset automaton over the patterns'
 * literal characters plus one "other" character, stopping as soon as a subset exceeds the
 * limit or the exploration exceeds its budget (both count as too complex), so the check is
 * bounded whatever the input.
 */
import type { WildcardPattern } from './wildcard.js';

export const WILDCARD_COMPLEXITY_LIMIT = 10;
const EXPLORATION_BUDGET = 2_000;
const STAR = -1;
const OTHER = -2;

type Token = number; // a UTF-16 code unit, or STAR

function tokensOf(p: WildcardPattern): Token[] {
  const out: Token[] = [];
  p.segments.forEach((seg, i) => {
    if (i > 0) out.push(STAR);
    for (let j = 0; j < seg.length; j++) out.push(seg.charCodeAt(j));
  });
  return out;
}

/** True when the patterns, applied together to one field, stay within AWS-like complexity. */
export function wildcardsWithinComplexity(patterns: readonly WildcardPattern[]): boolean {
  const machines = patterns.filter((p) => p.segments.length > 1).map(tokensOf);
  if (machines.length === 0) return true;
  // Global state id = offset of the machine + position in it.
  const offsets: number[] = [];
  let total = 0;
  for (const m of machines) {
    offsets.push(total);
    total += m.length + 1;
  }
  const tokenAt = new Int32Array(total);
  machines.forEach((m, mi) => {
    for (let k = 0; k <= m.length; k++) {
      tokenAt[(offsets[mi] ?? 0) + k] = k < m.length ? (m[k] ?? OTHER) : OTHER - 1;
    }
  });
  const close = (states: Set<number>): Set<number> => {
    for (const s of [...states]) {
      let k = s;
      while (tokenAt[k] === STAR) {
        k++;
        states.add(k);
      }
    }
    return states;
  };
  const alphabet = new Set<number>([OTHER]);
  for (const m of machines) for (const t of m) if (t !== STAR) alphabet.add(t);
  const start = close(new Set(offsets));
  if (start.size > WILDCARD_COMPLEXITY_LIMIT) return false;
  const seen = new Set<string>([[...start].sort((a, b) => a - b).join(',')]);
  const queue: Set<number>[] = [start];
  while (queue.length > 0) {
    const current = queue.pop()!;
    for (const ch of alphabet) {
      const next = new Set<number>();
      for (const s of current) {
        const t = tokenAt[s];
        if (t === STAR) next.add(s);
        else if (t === ch && ch !== OTHER) next.add(s + 1);
      }
      if (next.size === 0) continue;
      close(next);
      if (next.size > WILDCARD_COMPLEXITY_LIMIT) return false;
      const key = [...next].sort((a, b) => a - b).join(',');
      if (seen.has(key)) continue;
      if (seen.size >= EXPLORATION_BUDGET) return false;
      seen.add(key);
      queue.push(next);
    }
  }
  return true;
}
