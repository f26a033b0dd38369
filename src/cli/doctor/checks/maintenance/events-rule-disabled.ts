/**
 * events-rule-disabled: a rule in the DISABLED state.
 */
import type { Check } from '../../model.js';
import { ruleRef } from '../support/resources.js';

export const eventsRuleDisabled: Check = {
  id: 'events-rule-disabled',
  area: 'maintenance',
  severity: 'low',
  title: 'Disabled rule',
  why: 'A disabled rule matches nothing: either it was switched off during an incident and forgotten, or it is dead configuration that misleads whoever reads the bus.',
  needs: ['events'],
  run(inv, ctx) {
    return inv.rules
      .filter((r) => r.state === 'DISABLED')
      .map((r) => ({
        resource: ruleRef(r),
        message: 'rule is DISABLED',
        fix: `Re-enable it (${ctx.fix.aws('events', 'enable-rule', [
          ['--name', r.name],
          ['--event-bus-name', r.busName],
        ])}) or remove it (${ctx.fix.aws('events', 'remove-targets', [
          ['--rule', r.name],
          ['--event-bus-name', r.busName],
          ['--ids', (r.targets ?? []).map((t) => t.id).join(' ') || '<target-ids>'],
        ])} && ${ctx.fix.aws('events', 'delete-rule', [
          ['--name', r.name],
          ['--event-bus-name', r.busName],
        ])})`,
      }));
  },
};
