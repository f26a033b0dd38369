/**
 * SnsTopicFilter bookkeeping: subscriptions without a policy always match, policies are
 * replaced and removed, and each filtered-out subscription is counted in the SNS metric
 * category that explains it.
 */
import { describe, expect, it } from 'vitest';
import {
  parseSnsFilterPolicy,
  SnsTopicFilter,
  type FilterPolicyScope,
} from '../../../src/core/patterns/index.js';

const policy = (p: unknown, scope: FilterPolicyScope = 'MessageAttributes') =>
  parseSnsFilterPolicy(JSON.stringify(p), { scope });

function topic() {
  const t = new SnsTopicFilter<string>();
  t.set('all', null);
  t.set('empty', policy({}));
  t.set('attr', policy({ store: ['example_corp'] }));
  t.set('attr-absent', policy({ store: [{ exists: false }] }));
  t.set('body', policy({ order: { state: ['paid'] } }, 'MessageBody'));
  return t;
}

const sortedMatch = (
  t: SnsTopicFilter<string>,
  m: Parameters<SnsTopicFilter<string>['match']>[0],
) => [...t.match(m).matched].sort();

describe('SnsTopicFilter', () => {
  it('delivers to unfiltered subscriptions and counts the rest by reason', () => {
    const t = topic();
    const none = t.match({ body: 'plain text' });
    expect([...none.matched].sort()).toEqual(['all', 'empty']);
    expect(none.filteredOut).toEqual({
      total: 3,
      messageAttributes: 0,
      noMessageAttributes: 2,
      invalidAttributes: 0,
      messageBody: 0,
      invalidMessageBody: 1,
    });

    const good = t.match({
      body: JSON.stringify({ order: { state: 'paid' } }),
      attributes: { store: { DataType: 'String', StringValue: 'example_corp' } },
    });
    expect([...good.matched].sort()).toEqual(['all', 'attr', 'body', 'empty']);
    expect(good.filteredOut.total).toBe(1);
    expect(good.filteredOut.messageAttributes).toBe(1);

    const other = t.match({
      body: JSON.stringify({ order: { state: 'new' } }),
      attributes: { tags: { DataType: 'String.Array', StringValue: 'not json' } },
    });
    expect([...other.matched].sort()).toEqual(['all', 'attr-absent', 'empty']);
    expect(other.filteredOut).toMatchObject({ total: 2, invalidAttributes: 1, messageBody: 1 });
  });

  it('replaces and removes subscriptions', () => {
    const t = topic();
    const m = { body: '{}', attributes: { store: { Type: 'String', Value: 'other' } } };
    expect(sortedMatch(t, m)).toEqual(['all', 'empty']);
    t.set('attr', policy({ store: ['other'] }));
    t.set('body', null);
    expect(sortedMatch(t, m)).toEqual(['all', 'attr', 'body', 'empty']);
    expect(t.remove('attr')).toBe(true);
    expect(t.remove('attr')).toBe(false);
    expect(t.has('attr')).toBe(false);
    expect(t.size).toBe(4);
    expect(t.policyOf('body')).toBeNull();
    expect(sortedMatch(t, m)).toEqual(['all', 'body', 'empty']);
  });

  it('re-checks anything-but on String.Array candidates only where SNS differs', () => {
    const t = new SnsTopicFilter<string>();
    t.set('not-rugby', policy({ interests: [{ 'anything-but': 'rugby' }] }));
    t.set('rugby', policy({ interests: ['rugby'] }));
    const arr = (xs: string[]) => ({
      body: '',
      attributes: { interests: { Type: 'String.Array', Value: JSON.stringify(xs) } },
    });
    expect(sortedMatch(t, arr(['rugby', 'golf']))).toEqual(['rugby']);
    expect(sortedMatch(t, arr(['golf', 'chess']))).toEqual(['not-rugby']);
    expect(sortedMatch(t, arr([]))).toEqual([]);
  });
});
