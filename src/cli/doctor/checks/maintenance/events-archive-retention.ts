/**
 * events-archive-retention: an archive that keeps events forever (RetentionDays 0 or unset).
 */
import type { Check } from '../../model.js';

export const eventsArchiveRetention: Check = {
  id: 'events-archive-retention',
  area: 'maintenance',
  severity: 'low',
  title: 'Archive without retention',
  why: 'An archive with no retention period keeps (and bills for) every event indefinitely, including personal data you may be obliged to delete.',
  needs: ['events'],
  run(inv, ctx) {
    return inv.archives
      .filter((a) => a.retentionDays <= 0)
      .map((a) => ({
        resource: { service: 'events', type: 'archive', name: a.name, id: a.arn },
        message: 'RetentionDays is 0: events are kept indefinitely',
        fix: ctx.fix.aws('events', 'update-archive', [
          ['--archive-name', a.name],
          ['--retention-days', '90'],
        ]),
      }));
  },
};
