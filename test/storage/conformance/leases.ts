/** Conformance: leases for singleton work — acquire, renew, contention, expiry, fencing, release. */
import { describe, expect, it } from 'vitest';
import { T0, type GetStorage } from './helpers.js';

export function leaseTests(s: GetStorage): void {
  describe('leases', () => {
    const lease = (holder: string, now: number, ttlMs = 6000) =>
      s().leasesAcquire({ name: 'singletons', holder, ttlMs, now });

    it('one holder at a time; renewals keep the token and extend the lease', async () => {
      expect(await lease('a', T0)).toEqual({ token: 1, expiresAt: T0 + 6000 });
      expect(await lease('b', T0 + 100)).toBeNull();
      expect(await lease('a', T0 + 2000)).toEqual({ token: 1, expiresAt: T0 + 8000 });
      expect(await lease('b', T0 + 7999)).toBeNull();
    });

    it('an expired lease goes to the next caller with a larger fencing token', async () => {
      await lease('a', T0);
      const taken = await lease('b', T0 + 6000);
      expect(taken).toEqual({ token: 2, expiresAt: T0 + 12_000 });
      // The old holder, back from a pause, cannot renew: it lost the lease.
      expect(await lease('a', T0 + 6001)).toBeNull();
      // Taking it back later is a new tenure: the token grows again.
      expect(await lease('a', T0 + 20_000)).toEqual({ token: 3, expiresAt: T0 + 26_000 });
    });

    it('release hands over at once; releasing a lease one does not hold changes nothing', async () => {
      await lease('a', T0);
      await s().leasesRelease({ name: 'singletons', holder: 'b' });
      expect(await lease('b', T0 + 1)).toBeNull();
      await s().leasesRelease({ name: 'singletons', holder: 'a' });
      expect(await lease('b', T0 + 2)).toEqual({ token: 2, expiresAt: T0 + 6002 });
    });

    it('leases of different names are independent', async () => {
      expect(await lease('a', T0)).not.toBeNull();
      expect(await s().leasesAcquire({ name: 'other', holder: 'b', ttlMs: 1000, now: T0 })).toEqual(
        { token: 1, expiresAt: T0 + 1000 },
      );
    });
  });
}
