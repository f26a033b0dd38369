/**
 * The condition AST shared by every pattern dialect (EventBridge event patterns today, SNS
 * filter policies later). A pattern is an object tree: named fields hold either a nested object
 * pattern or a leaf (a list of conditions, OR-ed); `anyOf` groups hold alternatives (`$or`).
 * Fields and groups of one object are AND-ed. Nothing here knows a dialect's syntax or limits:
 * each dialect's parser validates its own text and produces these nodes.
 */
import type { CidrBlock } from './ip-cidr.js';
import type { NumericRange } from './numeric-range.js';
import type { WildcardPattern } from './wildcard.js';

/** A JSON leaf value, as it appears in an event or in an exact-match condition. */
export type Scalar = string | number | boolean | null;

/** A test on one leaf value of the event (or, for `exists`, on the field's presence). */
export type Condition =
  | { readonly kind: 'equals'; readonly value: Scalar }
  | { readonly kind: 'equals-ignore-case'; readonly value: string }
  | { readonly kind: 'prefix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'wildcard'; readonly pattern: WildcardPattern }
  | { readonly kind: 'numeric'; readonly range: NumericRange }
  | { readonly kind: 'cidr'; readonly block: CidrBlock }
  | { readonly kind: 'exists'; readonly value: boolean }
  /** Matches a present value that none of `excluded` matches. */
  | { readonly kind: 'anything-but'; readonly excluded: readonly ExcludableCondition[] };

/** Conditions that may appear inside `anything-but`. */
export type ExcludableCondition = Extract<
  Condition,
  { kind: 'equals' | 'equals-ignore-case' | 'prefix' | 'suffix' | 'wildcard' }
>;

export type FieldNode =
  | { readonly key: string; readonly kind: 'object'; readonly pattern: ObjectPattern }
  | { readonly key: string; readonly kind: 'leaf'; readonly conditions: readonly Condition[] };

export interface ObjectPattern {
  readonly fields: readonly FieldNode[];
  /** Each group is satisfied when one of its alternatives is (an `$or`). */
  readonly anyOf: readonly (readonly ObjectPattern[])[];
}

/** A parsed, validated pattern. The root is the event object. */
export interface EventPattern {
  readonly root: ObjectPattern;
}

/**
 * A leaf with its full field path: event keys joined by '.', as AWS joins them (so the pattern
 * keys `{"a": {"b": …}}` and `{"a.b": …}` name the same field).
 */
export interface PatternLeaf {
  readonly path: string;
  readonly conditions: readonly Condition[];
}

/** One conjunction of leaves: the pattern with every `$or` resolved to one alternative. */
export type PatternBranch = readonly PatternLeaf[];
