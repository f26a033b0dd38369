/**
 * The naive SNS filter-policy matcher: the oracle for the topic matcher, written straight from
 * the documented semantics. A subscription with a policy accepts a message when:
 * - MessageAttributes scope: the message has at least one attribute (SNS: an empty attribute
 *   set never matches), and some branch of the policy (one alternative per `$or`) has every
 *   key satisfied — an absent attribute only by `exists: false`; a present one by a
 *   condition that accepts one of its values (`exists: true` needs a value), except that
 *   `anything-but` on a String.Array needs every element accepted;
 * - MessageBody scope: the body is a JSON object and the shared reference matcher accepts it
 *   (nested keys, arrays as any-element, array-consistent).
 * The empty policy `{}` accepts every message.
 */
import type { Condition, PatternBranch, PatternLeaf } from './ast.js';
import { conditionMatches } from './condition-eval.js';
import { patternBranches } from './pattern-branches.js';
import { matchesReference } from './reference-matcher.js';
import type { SnsFilterPolicy } from './sns-filter-policy-parser.js';
import {
  hasAnyAttribute,
  typedAttributes,
  type SnsMessageAttributes,
  type TypedAttribute,
  type TypedAttributes,
} from './sns-message-attributes.js';

export interface SnsMessage {
  /** The Message parameter of Publish (for MessageStructure=json, the chosen text). */
  readonly body: string;
  readonly attributes?: SnsMessageAttributes;
}

/** Above any valid policy's branch count (the parser allows 150 combinations). */
const MAX_BRANCHES = 4096;

function conditionAccepts(c: Condition, attr: TypedAttribute): boolean {
  if (c.kind === 'exists') return c.value && attr.values.length > 0;
  if (c.kind === 'anything-but' && attr.isArray) {
    return attr.values.length > 0 && attr.values.every((v) => conditionMatches(c, v));
  }
  return attr.values.some((v) => conditionMatches(c, v));
}

function leafAccepts(leaf: PatternLeaf, byName: ReadonlyMap<string, TypedAttribute>): boolean {
  const attr = byName.get(leaf.path);
  if (attr === undefined) return leaf.conditions.some((c) => c.kind === 'exists' && !c.value);
  return leaf.conditions.some((c) => conditionAccepts(c, attr));
}

/** The branches of an attribute-scope policy (at most 150: the parser's combination limit). */
export function attributePolicyBranches(policy: SnsFilterPolicy): PatternBranch[] {
  return patternBranches(policy.pattern.root, MAX_BRANCHES) ?? [];
}

/** Whether some branch has every key satisfied by the (non-empty) typed attributes. */
export function attributeBranchesAccept(
  branches: readonly PatternBranch[],
  attributes: TypedAttributes,
): boolean {
  return branches.some((branch) => branch.every((leaf) => leafAccepts(leaf, attributes.byName)));
}

/** Parses a body for MessageBody-scope matching: a JSON object, or null. */
export function parseMessageBody(body: string): Record<string, unknown> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

export function matchesSnsFilterReference(policy: SnsFilterPolicy, message: SnsMessage): boolean {
  if (policy.matchesAll) return true;
  if (policy.scope === 'MessageBody') {
    const body = parseMessageBody(message.body);
    return body !== null && matchesReference(policy.pattern, body);
  }
  if (!hasAnyAttribute(message.attributes)) return false;
  return attributeBranchesAccept(
    attributePolicyBranches(policy),
    typedAttributes(message.attributes),
  );
}
