/**
 * events-bus-policy-public: an event bus whose resource policy lets anyone (or a foreign
 * account) put events or manage rules with no narrowing condition.
 */
import type { Check } from '../../model.js';
import { describeOpen, openStatements } from '../support/policy-analysis.js';
import { busRef } from '../support/resources.js';

export const eventsBusPolicyPublic: Check = {
  id: 'events-bus-policy-public',
  area: 'security',
  severity: 'critical',
  title: 'Event bus policy open to anyone or a foreign account without a narrowing condition',
  why: 'Whoever may call PutEvents on a bus can trigger every rule and target behind it with forged events; limit the principal to known accounts or add aws:PrincipalOrgID.',
  needs: ['events'],
  run(inv, ctx) {
    return inv.buses.flatMap((b) => {
      const open = openStatements(b.policy, ctx.accountId ?? inv.accountId);
      if (open.length === 0) return [];
      const sids = open.map((o) => o.sid).filter((s): s is string => s !== undefined);
      return [
        {
          resource: busRef(b),
          message: `${describeOpen(open)} with no narrowing condition`,
          fix:
            sids.length > 0
              ? sids
                  .map((sid) =>
                    ctx.fix.aws('events', 'remove-permission', [
                      ['--event-bus-name', b.name],
                      ['--statement-id', sid],
                    ]),
                  )
                  .join(' && ')
              : ctx.fix.aws('events', 'put-permission', [
                  ['--event-bus-name', b.name],
                  ['--policy', 'file://narrowed-policy.json'],
                ]),
        },
      ];
    });
  },
};
