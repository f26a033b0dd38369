import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, redactUrl, resolveConfig } from '../../src/server/config.js';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = resolveConfig({}, {});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 4566,
      region: 'us-east-1',
      accountId: '000000000000',
      auth: 'on',
      devCredentials: true,
    });
    expect(c.storage).toMatch(/^sqlite:.*\.switchyard\/switchyard\.db$/);
    expect(c.publicUrl).toBeUndefined();
  });

  it('flags override environment variables', () => {
    const c = resolveConfig(
      { port: '5000' },
      { SWITCHYARD_PORT: '6000', SWITCHYARD_REGION: 'eu-west-1' },
    );
    expect(c.port).toBe(5000);
    expect(c.region).toBe('eu-west-1');
  });

  it('parses credentials entries', () => {
    const c = resolveConfig({ credentials: 'AKIA1:s3cret:123456789012, AKIA2:x:210987654321' }, {});
    expect(c.credentials).toEqual([
      { accessKeyId: 'AKIA1', secretAccessKey: 's3cret', accountId: '123456789012' },
      { accessKeyId: 'AKIA2', secretAccessKey: 'x', accountId: '210987654321' },
    ]);
  });

  it.each([
    [{ port: 'abc' }, {}, /invalid port/],
    [{ region: 'nowhere' }, {}, /invalid region/],
    [{ 'account-id': '12' }, {}, /12 digits/],
    [{ credentials: 'AKIA:only-two' }, {}, /accessKeyId:secret:accountId/],
    [{ storage: 'mysql://x' }, {}, /invalid storage/],
    [{ storage: 'postgres://x' }, {}, /SWITCHYARD_ROOT_KEY/],
    [
      { storage: 'postgres://u:pw@x', 'root-key': 'a'.repeat(64), 'pg-schema': 'Bad-Name' },
      {},
      /pg-schema/,
    ],
    [
      { storage: 'postgres://x', 'root-key': 'a'.repeat(64), 'pg-pool-size': '0' },
      {},
      /pg-pool-size/,
    ],
    [{ storage: 'mysql://u:hunter2@x' }, {}, /^((?!hunter2).)*$/],
    [{ auth: 'maybe' }, {}, /invalid auth/],
    [{ 'public-url': 'ftp://x' }, {}, /public-url/],
    [{ 'root-key': 'short' }, {}, /root key/],
    [{ host: '0.0.0.0' }, {}, /refusing to start/],
    [
      { host: '0.0.0.0', auth: 'off' },
      { SWITCHYARD_CREDENTIALS: 'a:b:123456789012' },
      /refusing SWITCHYARD_AUTH=off/,
    ],
  ])('rejects %j', (flags, env, message) => {
    expect(() => resolveConfig(flags as Record<string, string>, env)).toThrow(ConfigError);
    expect(() => resolveConfig(flags as Record<string, string>, env)).toThrow(message);
  });

  it('accepts a postgres:// URL with a shared root key, and redacts its password in logs', () => {
    const c = resolveConfig(
      {
        storage: 'postgres://app:hunter2@db:5432/sy',
        'root-key': 'a'.repeat(64),
        'pg-pool-size': '20',
      },
      {},
    );
    expect(c.storage).toBe('postgres://app:hunter2@db:5432/sy');
    expect(c.pgPoolSize).toBe(20);
    expect(c.pgSchema).toBe('public');
    expect(redactUrl(c.storage)).toBe('postgres://app:***@db:5432/sy');
  });

  it('accepts dev credentials off loopback only with the explicit opt-in', () => {
    const c = resolveConfig({ host: '0.0.0.0' }, { SWITCHYARD_ALLOW_DEV_CREDENTIALS: '1' });
    expect(c.devCredentials).toBe(true);
    const d = resolveConfig({ host: '0.0.0.0' }, { SWITCHYARD_CREDENTIALS: 'k:s:123456789012' });
    expect(d.devCredentials).toBe(false);
  });

  it('the CLI prints one line and exits 2 on invalid configuration', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/serve-entry.ts', 'serve', '--port', 'nope'],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^switchyard: invalid port "nope"/);
  });

  it('the CLI rejects unknown flags the same way', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/serve-entry.ts', 'serve', '--bogus'],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^switchyard: .*bogus/);
  });
});
