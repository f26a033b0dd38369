/**
 * SnsTopicFilter: the filter policies of all subscriptions of one topic, compiled into two
 * CompiledRuleSets (one per FilterPolicyScope), so that evaluating a message costs about the
 * message and the policies it actually reaches — not the number of subscriptions. A message
 * is turned into two events at most once: its typed attributes (sns-message-attributes.ts) and
 * its parsed body (only if some subscription filters on the body).
 *
 * The compiled sets use the engine's any-element semantics. SNS differs for String.Array
 * attributes under `anything-but` (every element must pass) and for attributes present without
 * a readable value; both only ever make SNS reject what the engine accepts, so candidates from
 * "array-sensitive" policies are re-checked with the reference matcher when the message has
 * such attributes. Subscriptions without a policy (or with `{}`) always match.
 *
 * `match` also counts, per message, the subscriptions filtered out and why, in the categories
 * of SNS's NumberOfNotificationsFilteredOut metrics; the owner accumulates them.
 *
 * State: set()/remove() update the maps and the compiled sets in place (CompiledRuleSet
 * rebuilds itself as needed). Not thread-shared: one instance per topic, one event loop.
 */
import { CompiledRuleSet } from './compiled-rule-set.js';
import type { SnsFilterPolicy } from './sns-filter-policy-parser.js';
import type { PatternBranch } from './ast.js';
import {
  attributeBranchesAccept,
  attributePolicyBranches,
  parseMessageBody,
  type SnsMessage,
} from './sns-filter-reference.js';
import { attributesEvent, hasAnyAttribute, typedAttributes } from './sns-message-attributes.js';

/** Subscriptions filtered out for one message, by SNS metric category. */
export interface FilteredOutCounts {
  /** NumberOfNotificationsFilteredOut: all of the below. */
  readonly total: number;
  /** -MessageAttributes: attribute policies that did not match. */
  readonly messageAttributes: number;
  /** -NoMessageAttributes: attribute policies, message without attributes. */
  readonly noMessageAttributes: number;
  /** -InvalidAttributes: attribute policies, message with unreadable attributes. */
  readonly invalidAttributes: number;
  /** -MessageBody: body policies that did not match. */
  readonly messageBody: number;
  /** -InvalidMessageBody: body policies, body not a JSON object. */
  readonly invalidMessageBody: number;
}

export interface SnsFilterOutcome<S> {
  /** Subscriptions to deliver to (each once, in no particular order). */
  readonly matched: S[];
  readonly filteredOut: FilteredOutCounts;
}

export class SnsTopicFilter<S> {
  private readonly attributeSet = new CompiledRuleSet<S>();
  private readonly bodySet = new CompiledRuleSet<S>();
  private readonly policies = new Map<S, SnsFilterPolicy | null>();
  private readonly unfiltered = new Set<S>();
  /** Branches of the array-sensitive attribute policies, for the re-check. */
  private readonly arraySensitive = new Map<S, PatternBranch[]>();

  /** Number of subscriptions. */
  get size(): number {
    return this.policies.size;
  }

  has(subscription: S): boolean {
    return this.policies.has(subscription);
  }

  policyOf(subscription: S): SnsFilterPolicy | null | undefined {
    return this.policies.get(subscription);
  }

  /** Adds or replaces a subscription; `null` means no filter policy. */
  set(subscription: S, policy: SnsFilterPolicy | null): void {
    this.remove(subscription);
    this.policies.set(subscription, policy);
    if (policy === null || policy.matchesAll) {
      this.unfiltered.add(subscription);
    } else if (policy.scope === 'MessageBody') {
      this.bodySet.add(subscription, policy.pattern);
    } else {
      this.attributeSet.add(subscription, policy.pattern);
      if (policy.arraySensitive) {
        this.arraySensitive.set(subscription, attributePolicyBranches(policy));
      }
    }
  }

  remove(subscription: S): boolean {
    if (!this.policies.delete(subscription)) return false;
    this.unfiltered.delete(subscription);
    this.arraySensitive.delete(subscription);
    this.attributeSet.remove(subscription);
    this.bodySet.remove(subscription);
    return true;
  }

  match(message: SnsMessage): SnsFilterOutcome<S> {
    const matched = [...this.unfiltered];
    let messageAttributes = 0;
    let noMessageAttributes = 0;
    let invalidAttributes = 0;
    let messageBody = 0;
    let invalidMessageBody = 0;

    const attributeCount = this.attributeSet.size;
    if (attributeCount > 0) {
      if (!hasAnyAttribute(message.attributes)) {
        noMessageAttributes = attributeCount;
      } else {
        const typed = typedAttributes(message.attributes);
        const recheck = (typed.hasArrays || typed.invalid) && this.arraySensitive.size > 0;
        let accepted = 0;
        for (const s of this.attributeSet.match(attributesEvent(typed))) {
          const branches = recheck ? this.arraySensitive.get(s) : undefined;
          if (branches !== undefined && !attributeBranchesAccept(branches, typed)) continue;
          matched.push(s);
          accepted++;
        }
        if (typed.invalid) invalidAttributes = attributeCount - accepted;
        else messageAttributes = attributeCount - accepted;
      }
    }

    const bodyCount = this.bodySet.size;
    if (bodyCount > 0) {
      const body = parseMessageBody(message.body);
      if (body === null) {
        invalidMessageBody = bodyCount;
      } else {
        const hits = this.bodySet.match(body);
        for (const s of hits) matched.push(s);
        messageBody = bodyCount - hits.length;
      }
    }

    const total =
      messageAttributes +
      noMessageAttributes +
      invalidAttributes +
      messageBody +
      invalidMessageBody;
    return {
      matched,
      filteredOut: {
        total,
        messageAttributes,
        noMessageAttributes,
        invalidAttributes,
        messageBody,
        invalidMessageBody,
      },
    };
  }
}
