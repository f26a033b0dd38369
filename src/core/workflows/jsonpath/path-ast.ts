/**
 * The parsed form of an ASL path: a root (`$` the state input, `$$` the context object, or
 * `$name` a workflow variable) and a list of segments. Parsing happens once, at definition
 * time; evaluation walks these nodes.
 *
 * `definite` follows Jayway JsonPath, which Step Functions uses: a path is definite when it can
 * select at most one node (names and single indexes only, a multi-name selection allowed as the
 * leaf). A definite path yields its node or fails; an indefinite one yields an array of matches.
 */
import type { JsonValue } from '../shared/json-value.js';

export type PathRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'context' }
  | { readonly kind: 'variable'; readonly name: string };

/** A selector that may follow `..` (deep scan). */
export type Selector =
  | { readonly type: 'property'; readonly name: string }
  | { readonly type: 'properties'; readonly names: readonly string[] }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'indexes'; readonly indexes: readonly number[] }
  | { readonly type: 'slice'; readonly start?: number; readonly end?: number }
  | { readonly type: 'wildcard' }
  | { readonly type: 'filter'; readonly expr: FilterExpr };

export type Segment = Selector | { readonly type: 'descendant'; readonly selector: Selector };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | 'in' | 'nin';

export type FilterOperand =
  | { readonly type: 'current'; readonly segments: readonly Segment[] }
  | { readonly type: 'root'; readonly segments: readonly Segment[] }
  | { readonly type: 'literal'; readonly value: JsonValue }
  | { readonly type: 'regex'; readonly source: string; readonly flags: string };

export type FilterExpr =
  | { readonly type: 'or'; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly type: 'and'; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly type: 'not'; readonly expr: FilterExpr }
  | {
      readonly type: 'compare';
      readonly op: CompareOp;
      readonly left: FilterOperand;
      readonly right: FilterOperand;
    }
  | { readonly type: 'exists'; readonly operand: FilterOperand };

export interface ParsedPath {
  /** The text as written in the definition. */
  readonly source: string;
  readonly root: PathRoot;
  readonly segments: readonly Segment[];
  readonly definite: boolean;
  /** True when the path is also a Reference Path (names and non-negative indexes only). */
  readonly reference: boolean;
}

/** Is one segment definite (selects at most one node per input node)? */
export function isDefiniteSegment(segment: Segment, isLeaf: boolean): boolean {
  switch (segment.type) {
    case 'property':
    case 'index':
      return true;
    case 'properties':
      return isLeaf;
    default:
      return false;
  }
}

export function isDefinitePath(segments: readonly Segment[]): boolean {
  return segments.every((s, i) => isDefiniteSegment(s, i === segments.length - 1));
}

export function isReferencePath(segments: readonly Segment[]): boolean {
  return segments.every((s) => s.type === 'property' || (s.type === 'index' && s.index >= 0));
}
