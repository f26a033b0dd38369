/**
 * sqs-encryption: a queue with no server-side encryption, or — under `--require-cmk` — one
 * encrypted only with the SQS-managed key (SSE-SQS or alias/aws/sqs).
 */
import type { Check } from '../../model.js';
import { queueRef } from '../support/resources.js';

const SERVICE_KEY = 'alias/aws/sqs';

export const sqsEncryption: Check = {
  id: 'sqs-encryption',
  area: 'security',
  severity: 'high',
  title: 'Queue not encrypted at rest (or not with a customer-managed key under --require-cmk)',
  why: 'Message bodies sit on disk until consumed; without encryption at rest anyone with access to the storage reads them, and only a customer-managed key lets you audit and revoke access to the data.',
  needs: ['sqs'],
  run(inv, ctx) {
    return inv.queues.flatMap((q) => {
      const a = q.attributes;
      if (!a) return [];
      const kmsKey = a.KmsMasterKeyId;
      const sseSqs = a.SqsManagedSseEnabled === 'true';
      if (!kmsKey && !sseSqs) {
        return [
          {
            resource: queueRef(q),
            message: 'no server-side encryption (SqsManagedSseEnabled=false, no KmsMasterKeyId)',
            fix: ctx.fix.aws('sqs', 'set-queue-attributes', [
              ['--queue-url', q.url],
              [
                '--attributes',
                ctx.thresholds.requireCmk
                  ? 'KmsMasterKeyId=<your-cmk-arn>'
                  : 'SqsManagedSseEnabled=true',
              ],
            ]),
          },
        ];
      }
      if (ctx.thresholds.requireCmk && (!kmsKey || kmsKey === SERVICE_KEY)) {
        return [
          {
            resource: queueRef(q),
            severity: 'medium' as const,
            message: `encrypted with the service-managed key (${kmsKey ?? 'SSE-SQS'}); --require-cmk asks for a customer-managed key`,
            fix: ctx.fix.aws('sqs', 'set-queue-attributes', [
              ['--queue-url', q.url],
              ['--attributes', 'KmsMasterKeyId=<your-cmk-arn>'],
            ]),
          },
        ];
      }
      return [];
    });
  },
};
