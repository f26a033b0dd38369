/**
 * events-encryption-cmk (only with `--require-cmk`): an event bus or archive encrypted with
 * the AWS-owned key instead of a customer-managed one. EventBridge always encrypts at rest.
 */
import type { Check } from '../../model.js';
import { busRef } from '../support/resources.js';

export const eventsEncryptionCmk: Check = {
  id: 'events-encryption-cmk',
  area: 'security',
  severity: 'medium',
  title: 'Event bus or archive without a customer-managed key (with --require-cmk)',
  why: 'EventBridge encrypts events with an AWS-owned key by default, whose use you cannot audit or revoke; where policy requires customer-managed keys, the bus and each of its archives need one.',
  needs: ['events'],
  run(inv, ctx) {
    if (!ctx.thresholds.requireCmk) return [];
    const buses = inv.buses
      .filter((b) => !b.kmsKeyIdentifier)
      .map((b) => ({
        resource: busRef(b),
        message:
          'events encrypted with the AWS-owned key; --require-cmk asks for a customer-managed key',
        fix: ctx.fix.aws('events', 'update-event-bus', [
          ['--name', b.name],
          ['--kms-key-identifier', '<your-cmk-arn>'],
        ]),
      }));
    const archives = inv.archives
      .filter((a) => !a.kmsKeyIdentifier)
      .map((a) => ({
        resource: { service: 'events', type: 'archive', name: a.name, id: a.arn },
        message:
          'archived events encrypted with the AWS-owned key; --require-cmk asks for a customer-managed key',
        fix: ctx.fix.aws('events', 'update-archive', [
          ['--archive-name', a.name],
          ['--kms-key-identifier', '<your-cmk-arn>'],
        ]),
      }));
    return [...buses, ...archives];
  },
};
