/**
 * sfn-no-alias: a state machine with no alias (and so no published version callers are
 * pinned to).
 */
import type { Check } from '../../model.js';
import { stateMachineRef } from '../support/resources.js';

export const sfnNoAlias: Check = {
  id: 'sfn-no-alias',
  area: 'versioning-and-cost',
  severity: 'low',
  title: 'State machine without published versions behind an alias',
  why: 'Callers of an unversioned state machine run whatever definition was saved last: a bad edit is live at once and cannot be rolled back. Publishing versions and invoking through an alias makes deployment gradual and reversible.',
  needs: ['states'],
  run(inv, ctx) {
    return inv.stateMachines
      .filter((s) => s.aliasCount === 0)
      .map((s) => ({
        resource: stateMachineRef(s),
        message: 'no alias: callers invoke the unversioned latest definition',
        fix: `${ctx.fix.aws('stepfunctions', 'publish-state-machine-version', [
          ['--state-machine-arn', s.arn],
        ])} && ${ctx.fix.aws('stepfunctions', 'create-state-machine-alias', [
          ['--name', 'live'],
          ['--routing-configuration', 'stateMachineVersionArn=<version-arn-from-above>,weight=100'],
        ])}`,
      }));
  },
};
