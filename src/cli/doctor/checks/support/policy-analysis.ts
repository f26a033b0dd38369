/**
 * Resource-policy analysis: which Allow statements open a resource to anyone (`"*"`, an
 * `arn:aws:iam::*:root` wildcard) or to a foreign account, without a condition that narrows the
 * caller (source ARN/account/owner, organization, principal account, source IP or VPC).
 *
 * Deliberately conservative: any condition on a narrowing key counts as narrowing, whatever its
 * operator; Deny statements and NotPrincipal are not evaluated.
 */
const NARROWING_KEYS = new Set(
  [
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:SourceIp',
    'aws:SourceVpc',
    'aws:SourceVpce',
  ].map((k) => k.toLowerCase()),
);

export interface OpenStatement {
  sid: string | undefined;
  /** `anyone` or the foreign account id. */
  grantee: string;
  actions: string[];
}

type Json = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function principals(p: unknown): string[] {
  if (p === '*') return ['*'];
  if (typeof p !== 'object' || p === null) return [];
  const aws = (p as Json).AWS;
  return asArray(aws).filter((x): x is string => typeof x === 'string');
}

function accountOf(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  const m = /^arn:[^:]+:(?:iam|sts)::([^:]*):/.exec(principal);
  return m?.[1];
}

function narrowed(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.values(condition).some(
    (block) =>
      typeof block === 'object' &&
      block !== null &&
      Object.keys(block as Json).some((k) => NARROWING_KEYS.has(k.toLowerCase())),
  );
}

export function parsePolicy(raw: string | undefined): Json | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** Allow statements that let anyone, or an account other than `ownAccount`, in unconditionally. */
export function openStatements(
  policy: string | undefined,
  ownAccount: string | undefined,
): OpenStatement[] {
  const doc = parsePolicy(policy);
  if (!doc) return [];
  const out: OpenStatement[] = [];
  for (const s of asArray(doc.Statement)) {
    if (typeof s !== 'object' || s === null) continue;
    const st = s as Json;
    if (st.Effect !== 'Allow' || narrowed(st.Condition)) continue;
    for (const p of principals(st.Principal)) {
      const account = accountOf(p);
      let grantee: string | undefined;
      if (p === '*' || account === '*') grantee = 'anyone';
      else if (account && ownAccount && account !== ownAccount) grantee = `account ${account}`;
      if (grantee === undefined) continue;
      out.push({
        sid: typeof st.Sid === 'string' ? st.Sid : undefined,
        grantee,
        actions: asArray(st.Action).filter((a): a is string => typeof a === 'string'),
      });
      break;
    }
  }
  return out;
}

export function describeOpen(open: OpenStatement[]): string {
  return open
    .map(
      (o) =>
        `statement ${o.sid ? `"${o.sid}"` : '(no Sid)'} allows ${o.grantee} ${o.actions.join(', ') || 'all actions'}`,
    )
    .join('; ');
}
