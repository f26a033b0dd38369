/**
 * kms-key-rotation: an enabled, customer-managed symmetric KMS key without automatic rotation.
 */
import type { Check } from '../../model.js';

export const kmsKeyRotation: Check = {
  id: 'kms-key-rotation',
  area: 'security',
  severity: 'low',
  title: 'Customer-managed key without automatic rotation',
  why: 'Rotation limits how much data any one key version protects; KMS keeps old versions for decryption, so enabling it breaks nothing.',
  needs: ['kms'],
  run(inv, ctx) {
    return inv.keys
      .filter((k) => k.rotationEnabled === false)
      .map((k) => ({
        resource: { service: 'kms', type: 'key', name: k.keyId, id: k.arn },
        message: 'automatic key rotation is off',
        fix: ctx.fix.aws('kms', 'enable-key-rotation', [['--key-id', k.keyId]]),
      }));
  },
};
