/**
 * iam-wildcard-actions: a customer-managed IAM policy that allows `*` or a whole service
 * (`sqs:*`, `sns:*`, `events:*`, `states:*`, `kms:*`, `cloudwatch:*`).
 */
import type { Check } from '../../model.js';
import { parsePolicy } from '../support/policy-analysis.js';

const SERVICES = ['sqs', 'sns', 'events', 'states', 'kms', 'cloudwatch'];

function wildcards(document: string | undefined): string[] {
  const doc = parsePolicy(document);
  if (!doc) return [];
  const statements = Array.isArray(doc.Statement) ? (doc.Statement as unknown[]) : [doc.Statement];
  const found = new Set<string>();
  for (const s of statements) {
    if (typeof s !== 'object' || s === null) continue;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow') continue;
    const actions = Array.isArray(st.Action) ? (st.Action as unknown[]) : [st.Action];
    for (const a of actions) {
      if (typeof a !== 'string') continue;
      const lower = a.toLowerCase();
      if (lower === '*' || SERVICES.some((svc) => lower === `${svc}:*`)) found.add(a);
    }
  }
  return [...found];
}

export const iamWildcardActions: Check = {
  id: 'iam-wildcard-actions',
  area: 'security',
  severity: 'high',
  title: 'IAM policy allowing every action of a service',
  why: 'A `sqs:*` (or `*`) grant includes deleting and purging queues, changing their policies and reading every message; least privilege lists the actions the principal actually calls.',
  needs: ['iam'],
  run(inv, ctx) {
    return inv.policies.flatMap((p) => {
      const found = wildcards(p.document);
      if (found.length === 0) return [];
      return [
        {
          resource: { service: 'iam', type: 'policy', name: p.name, id: p.arn },
          severity: found.includes('*') ? ('critical' as const) : undefined,
          message: `allows ${found.map((a) => `"${a}"`).join(', ')} (attached ${p.attachmentCount} time${p.attachmentCount === 1 ? '' : 's'})`,
          fix: `List the actions actually needed in policy.json, then: ${ctx.fix.aws(
            'iam',
            'create-policy-version',
            [
              ['--policy-arn', p.arn],
              ['--policy-document', 'file://policy.json'],
              '--set-as-default',
            ],
          )}`,
        },
      ];
    });
  },
};
