/**
 * iam-access-key-unused: an active access key not used for `--unused-key-days` days (default
 * 90) — or never used and older than that. Where the API does not report a last use, the
 * creation date is the only evidence.
 */
import type { Check } from '../../model.js';

export const iamAccessKeyUnused: Check = {
  id: 'iam-access-key-unused',
  area: 'security',
  severity: 'medium',
  title: 'Active access key unused for N days',
  why: 'A long-lived key nobody uses is pure risk: it can still be leaked and used, and nobody would notice its absence if it were deactivated.',
  needs: ['iam'],
  run(inv, ctx) {
    const limitMs = ctx.thresholds.unusedKeyDays * 86_400_000;
    return inv.accessKeys.flatMap((k) => {
      if (k.status !== 'Active') return [];
      const since = k.lastUsedAt ?? k.createdAt;
      if (!since || ctx.now.getTime() - since.getTime() < limitMs) return [];
      const days = Math.floor((ctx.now.getTime() - since.getTime()) / 86_400_000);
      return [
        {
          resource: {
            service: 'iam',
            type: 'access key',
            name: `${k.userName}/${k.accessKeyId}`,
            id: k.accessKeyId,
          },
          message: k.lastUsedAt
            ? `last used ${days} days ago`
            : `never used, created ${days} days ago`,
          fix: ctx.fix.aws('iam', 'update-access-key', [
            ['--user-name', k.userName],
            ['--access-key-id', k.accessKeyId],
            ['--status', 'Inactive'],
          ]),
        },
      ];
    });
  },
};
