/**
 * Who is calling: SigV4 verification (auth on) or the documented drop-in mode (auth off).
 *
 * With auth off (allowed only on loopback or with the explicit opt-in), signatures are not
 * checked; a 12-digit access key id names the account, any other the default account; the
 * region still comes from the credential scope when the request carries one.
 */
import { DomainError } from '../../core/errors/domain-error.js';
import { peekCredentialScope, verifySigV4, type Credential } from './sigv4/verify.js';
import type { Caller, RawRequest } from './types.js';

export interface AuthConfig {
  mode: 'on' | 'off';
  lookup: (accessKeyId: string) => Credential | undefined;
  defaultAccountId: string;
  defaultRegion: string;
  clock: () => number;
}

export function authenticate(req: RawRequest, signingName: string, auth: AuthConfig): Caller {
  if (auth.mode === 'off') {
    const scope = peekCredentialScope(req);
    const key = scope?.accessKeyId ?? auth.defaultAccountId;
    return {
      accessKeyId: key,
      accountId: /^\d{12}$/.test(key) ? key : auth.defaultAccountId,
      region: scope?.region || auth.defaultRegion,
    };
  }
  const verified = verifySigV4(req, { lookup: auth.lookup, now: auth.clock() });
  if (verified.service !== signingName) {
    throw new DomainError(
      'SignatureDoesNotMatch',
      `Credential should be scoped to correct service: '${signingName}'. `,
    );
  }
  return {
    accessKeyId: verified.accessKeyId,
    accountId: verified.accountId,
    region: verified.region,
  };
}
