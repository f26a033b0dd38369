/**
 * KMS: every key with its manager, state and spec, and — for enabled customer-managed
 * symmetric keys, the only ones that support automatic rotation — whether rotation is on.
 */
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import type { Collector } from './collector.js';
import type { KmsKeyInfo } from './inventory.js';
import { paginate } from './paginate.js';

export const collectKms: Collector = async (ctx) => {
  const { kms } = ctx.clients;
  const listed = await paginate(async (Marker) => {
    const r = await kms.send(new ListKeysCommand({ Marker, Limit: 1000 }));
    return { items: r.Keys, next: r.Truncated ? r.NextMarker : undefined };
  });
  const keys = await Promise.all(
    listed.map(async (k): Promise<KmsKeyInfo | undefined> => {
      const keyId = k.KeyId ?? '';
      const d = await kms
        .send(new DescribeKeyCommand({ KeyId: keyId }))
        .catch(ctx.miss('kms', k.KeyArn ?? keyId));
      const m = d?.KeyMetadata;
      if (!m) return undefined;
      const rotatable =
        m.KeyManager === 'CUSTOMER' &&
        m.KeyState === 'Enabled' &&
        m.KeySpec === 'SYMMETRIC_DEFAULT' &&
        (m.Origin ?? 'AWS_KMS') === 'AWS_KMS';
      const rotation = rotatable
        ? await kms
            .send(new GetKeyRotationStatusCommand({ KeyId: keyId }))
            .catch(ctx.miss('kms', m.Arn ?? keyId))
        : undefined;
      return {
        keyId,
        arn: m.Arn ?? k.KeyArn ?? keyId,
        manager: m.KeyManager ?? 'CUSTOMER',
        state: m.KeyState ?? 'Enabled',
        spec: m.KeySpec ?? 'SYMMETRIC_DEFAULT',
        rotationEnabled: rotation?.KeyRotationEnabled,
      };
    }),
  );
  return { keys: keys.filter((k): k is KmsKeyInfo => k !== undefined) };
};
