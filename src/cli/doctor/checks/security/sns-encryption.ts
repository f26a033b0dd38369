/**
 * sns-encryption: a topic without server-side encryption (no KmsMasterKeyId), or — under
 * `--require-cmk` — one using the AWS-managed key alias/aws/sns.
 */
import type { Check } from '../../model.js';
import { topicRef } from '../support/resources.js';

export const snsEncryption: Check = {
  id: 'sns-encryption',
  area: 'security',
  severity: 'medium',
  title: 'Topic not encrypted at rest (or not with a customer-managed key under --require-cmk)',
  why: 'SNS stores each message until every subscription has it; without server-side encryption those copies are not encrypted under a key you control, and a customer-managed key is the only one whose use you can audit and revoke.',
  needs: ['sns'],
  run(inv, ctx) {
    return inv.topics.flatMap((t) => {
      if (!t.attributes) return [];
      const key = t.attributes.KmsMasterKeyId;
      const fix = ctx.fix.aws('sns', 'set-topic-attributes', [
        ['--topic-arn', t.arn],
        ['--attribute-name', 'KmsMasterKeyId'],
        ['--attribute-value', ctx.thresholds.requireCmk ? '<your-cmk-arn>' : 'alias/aws/sns'],
      ]);
      if (!key)
        return [
          { resource: topicRef(t), message: 'no server-side encryption (no KmsMasterKeyId)', fix },
        ];
      if (ctx.thresholds.requireCmk && key === 'alias/aws/sns') {
        return [
          {
            resource: topicRef(t),
            message:
              'encrypted with the AWS-managed key alias/aws/sns; --require-cmk asks for a customer-managed key',
            fix,
          },
        ];
      }
      return [];
    });
  },
};
