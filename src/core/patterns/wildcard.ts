/**
 * Wildcard patterns: `*` matches zero or more characters; `\*` is a literal asterisk and `\\`
 * a literal backslash; any other escape and two consecutive unescaped `*` are invalid (AWS's
 * rules). A pattern is kept as the literal segments between stars, and matched with the
 * classic greedy scan (leftmost occurrence of each middle segment), which is linear-time for
 * `*`-only globs — no regular expressions, so no catastrophic backtracking.
 */
export interface WildcardPattern {
  /** The pattern as written (escapes included). */
  readonly source: string;
  /** Literal text between unescaped stars; length = stars + 1. */
  readonly segments: readonly string[];
}

export type WildcardParseResult =
  | { readonly ok: true; readonly pattern: WildcardPattern }
  | { readonly ok: false; readonly problem: 'consecutive' | 'escape'; readonly pos: number };

export function parseWildcard(source: string): WildcardParseResult {
  const segments: string[] = [];
  let current = '';
  let previousWasStar = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '*') {
      if (previousWasStar) return { ok: false, problem: 'consecutive', pos: i };
      segments.push(current);
      current = '';
      previousWasStar = true;
      continue;
    }
    previousWasStar = false;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next !== '*' && next !== '\\') return { ok: false, problem: 'escape', pos: i };
      current += next;
      i++;
    } else {
      current += ch;
    }
  }
  segments.push(current);
  return { ok: true, pattern: { source, segments } };
}

export function wildcardMatches(pattern: WildcardPattern, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const segs = pattern.segments;
  const first = segs[0] ?? '';
  if (segs.length === 1) return value === first;
  const last = segs[segs.length - 1] ?? '';
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let pos = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < segs.length - 1; i++) {
    const seg = segs[i] ?? '';
    const at = value.indexOf(seg, pos);
    if (at < 0 || at + seg.length > end) return false;
    pos = at + seg.length;
  }
  return true;
}
