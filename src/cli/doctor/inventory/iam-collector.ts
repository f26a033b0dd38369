/**
 * IAM: the account's own managed policies (Scope=Local) with their default version's
 * document, and every user's access keys with when each was last used.
 */
import {
  GetAccessKeyLastUsedCommand,
  GetPolicyVersionCommand,
  ListAccessKeysCommand,
  ListPoliciesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import type { Collector } from './collector.js';
import type { AccessKeyInfo, ManagedPolicyInfo } from './inventory.js';
import { paginate } from './paginate.js';

/** IAM returns policy documents URL-encoded (RFC 3986); some endpoints return them plain. */
export function decodePolicyDocument(doc: string | undefined): string | undefined {
  if (doc === undefined) return undefined;
  if (doc.trimStart().startsWith('{')) return doc;
  try {
    return decodeURIComponent(doc);
  } catch {
    return doc;
  }
}

export const collectIam: Collector = async (ctx) => {
  const { iam } = ctx.clients;
  const listedPolicies = await paginate(async (Marker) => {
    const r = await iam.send(new ListPoliciesCommand({ Scope: 'Local', Marker, MaxItems: 1000 }));
    return { items: r.Policies, next: r.IsTruncated ? r.Marker : undefined };
  });
  const policies: ManagedPolicyInfo[] = await Promise.all(
    listedPolicies.map(async (p) => {
      const arn = p.Arn ?? '';
      const v = await iam
        .send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: p.DefaultVersionId }))
        .catch(ctx.miss('iam', arn));
      return {
        name: p.PolicyName ?? arn,
        arn,
        attachmentCount: p.AttachmentCount ?? 0,
        document: decodePolicyDocument(v?.PolicyVersion?.Document),
      };
    }),
  );
  const users = await paginate(async (Marker) => {
    const r = await iam.send(new ListUsersCommand({ Marker, MaxItems: 1000 }));
    return { items: r.Users, next: r.IsTruncated ? r.Marker : undefined };
  });
  const perUser = await Promise.all(
    users.map(async (u) => {
      const userName = u.UserName ?? '';
      const keys = await paginate(async (Marker) => {
        const r = await iam.send(new ListAccessKeysCommand({ UserName: userName, Marker }));
        return { items: r.AccessKeyMetadata, next: r.IsTruncated ? r.Marker : undefined };
      }).catch(ctx.miss('iam', `user/${userName}`));
      return Promise.all(
        (keys ?? []).map(async (k): Promise<AccessKeyInfo> => {
          const accessKeyId = k.AccessKeyId ?? '';
          const used =
            k.Status === 'Active'
              ? await iam
                  .send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }))
                  .catch(ctx.miss('iam', accessKeyId))
              : undefined;
          return {
            userName,
            accessKeyId,
            status: k.Status ?? 'Active',
            createdAt: k.CreateDate,
            lastUsedAt: used?.AccessKeyLastUsed?.LastUsedDate,
          };
        }),
      );
    }),
  );
  return { policies, accessKeys: perUser.flat() };
};
