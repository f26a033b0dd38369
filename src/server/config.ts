/**
 * Server configuration: defaults < config file < environment < command-line flags.
 *
 * Every option has a flag (`--data-dir`) and an environment variable (`SWITCHYARD_DATA_DIR`);
 * `--config FILE` / `SWITCHYARD_CONFIG` names an optional JSON file with the same option names
 * in camelCase. Anything invalid raises ConfigError with one clear line; the CLI prints it and
 * exits with code 2.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export class ConfigError extends Error {}

export interface CredentialEntry {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** `sqlite:PATH` (default: `<dataDir>/switchyard.db`) or a `postgres://` URL. */
  storage: string;
  /** PostgreSQL only: schema holding Switchyard's tables. */
  pgSchema: string;
  /** PostgreSQL only: connections per node. */
  pgPoolSize: number;
  /** Undefined: derived from the bound address once listening. */
  publicUrl: string | undefined;
  region: string;
  accountId: string;
  credentials: CredentialEntry[];
  /** The dev credentials (test/test) are accepted. */
  devCredentials: boolean;
  allowDevCredentials: boolean;
  auth: 'on' | 'off';
  /** 32-byte root key, base64 or hex; generated into the data dir when absent. */
  rootKey: string | undefined;
  logLevel: string;
  /** Longest a request may take to drain at shutdown (ms). */
  shutdownGraceMs: number;
}

/** One row per option: the single source for flags, env names, docs and parsing. */
interface OptionSpec {
  key: keyof Config | 'config';
  flag: string;
  env: string;
  description: string;
  default?: string;
}

export const OPTIONS: OptionSpec[] = [
  {
    key: 'host',
    flag: 'host',
    env: 'SWITCHYARD_HOST',
    description: 'Address to bind.',
    default: '127.0.0.1',
  },
  {
    key: 'port',
    flag: 'port',
    env: 'SWITCHYARD_PORT',
    description: 'Port to bind (one port for every API).',
    default: '4566',
  },
  {
    key: 'dataDir',
    flag: 'data-dir',
    env: 'SWITCHYARD_DATA_DIR',
    description: 'Directory for the SQLite database and the generated root key.',
    default: './.switchyard',
  },
  {
    key: 'storage',
    flag: 'storage',
    env: 'SWITCHYARD_STORAGE',
    description:
      'Storage engine: `sqlite:PATH`, or a `postgres://` URL shared by every node (multi-node).',
    default: 'sqlite:<data-dir>/switchyard.db',
  },
  {
    key: 'pgSchema',
    flag: 'pg-schema',
    env: 'SWITCHYARD_PG_SCHEMA',
    description: 'PostgreSQL schema for Switchyard tables (created if missing).',
    default: 'public',
  },
  {
    key: 'pgPoolSize',
    flag: 'pg-pool-size',
    env: 'SWITCHYARD_PG_POOL_SIZE',
    description: 'PostgreSQL connections per node.',
    default: '10',
  },
  {
    key: 'publicUrl',
    flag: 'public-url',
    env: 'SWITCHYARD_PUBLIC_URL',
    description: 'Base URL clients reach; used in queue URLs.',
    default: 'http://<host>:<port>',
  },
  {
    key: 'region',
    flag: 'region',
    env: 'SWITCHYARD_REGION',
    description: 'Region for requests whose signature carries none.',
    default: 'us-east-1',
  },
  {
    key: 'accountId',
    flag: 'account-id',
    env: 'SWITCHYARD_ACCOUNT_ID',
    description: 'Account of the dev credentials and of unsigned requests with auth off.',
    default: '000000000000',
  },
  {
    key: 'credentials',
    flag: 'credentials',
    env: 'SWITCHYARD_CREDENTIALS',
    description: 'Comma-separated `accessKeyId:secret:accountId` entries.',
  },
  {
    key: 'allowDevCredentials',
    flag: 'allow-dev-credentials',
    env: 'SWITCHYARD_ALLOW_DEV_CREDENTIALS',
    description:
      'Accept the dev credentials (and auth off) when bound off loopback: for containers and CI.',
    default: '0',
  },
  {
    key: 'auth',
    flag: 'auth',
    env: 'SWITCHYARD_AUTH',
    description: '`off` skips signature checks (loopback, or with the opt-in above).',
    default: 'on',
  },
  {
    key: 'rootKey',
    flag: 'root-key',
    env: 'SWITCHYARD_ROOT_KEY',
    description:
      '32-byte root key (base64 or hex) for encryption at rest; generated into the data dir when absent.',
  },
  {
    key: 'logLevel',
    flag: 'log-level',
    env: 'SWITCHYARD_LOG_LEVEL',
    description: 'pino log level.',
    default: 'info',
  },
  {
    key: 'shutdownGraceMs',
    flag: 'shutdown-grace-ms',
    env: 'SWITCHYARD_SHUTDOWN_GRACE_MS',
    description: 'How long shutdown waits for in-flight requests.',
    default: '10000',
  },
  {
    key: 'config',
    flag: 'config',
    env: 'SWITCHYARD_CONFIG',
    description: 'JSON file with any of these options (camelCase names).',
  },
];

export const DEV_ACCESS_KEY = 'test';
export const DEV_SECRET_KEY = 'test';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function parseBool(name: string, v: string): boolean {
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v.toLowerCase())) return false;
  throw new ConfigError(`invalid ${name}: expected true/false, got "${v}"`);
}

function parseCredentials(v: string): CredentialEntry[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const parts = entry.split(':');
      const [accessKeyId, secretAccessKey, accountId] = parts;
      if (parts.length !== 3 || !accessKeyId || !secretAccessKey || !accountId) {
        throw new ConfigError(
          `invalid credentials entry "${accessKeyId ?? ''}:…": expected accessKeyId:secret:accountId`,
        );
      }
      if (!/^\d{12}$/.test(accountId)) {
        throw new ConfigError(
          `invalid credentials entry for ${accessKeyId}: account id must be 12 digits`,
        );
      }
      return { accessKeyId, secretAccessKey, accountId };
    });
}

/** Resolves the raw option strings (flags over env over file) into a validated Config. */
export function resolveConfig(
  flags: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv,
): Config {
  const raw: Record<string, string | undefined> = {};
  const configFile = flags.config ?? env.SWITCHYARD_CONFIG;
  if (configFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(configFile, 'utf8'));
    } catch (e) {
      throw new ConfigError(`cannot read config file ${configFile}: ${(e as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError(`config file ${configFile} must hold a JSON object`);
    }
    for (const [k, v] of Object.entries(parsed)) {
      if (!OPTIONS.some((o) => o.key === k) || k === 'config') {
        throw new ConfigError(`unknown option "${k}" in config file ${configFile}`);
      }
      raw[k] = Array.isArray(v) ? v.join(',') : String(v);
    }
  }
  for (const o of OPTIONS) {
    const fromEnv = env[o.env];
    if (fromEnv !== undefined && fromEnv !== '') raw[o.key] = fromEnv;
    const fromFlag = flags[o.flag];
    if (fromFlag !== undefined) raw[o.key] = fromFlag;
  }

  const host = raw.host ?? '127.0.0.1';
  const port = Number(raw.port ?? '4566');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`invalid port "${raw.port}": expected an integer 0-65535`);
  }
  const dataDir = path.resolve(raw.dataDir ?? './.switchyard');
  const storage = raw.storage ?? `sqlite:${path.join(dataDir, 'switchyard.db')}`;
  const postgres = /^postgres(ql)?:\/\//.test(storage);
  if (!storage.startsWith('sqlite:') && !postgres) {
    throw new ConfigError(
      `invalid storage "${redactUrl(storage)}": expected sqlite:PATH or a postgres:// URL`,
    );
  }
  if (postgres) {
    try {
      new URL(storage);
    } catch {
      throw new ConfigError('invalid storage: the postgres:// URL does not parse');
    }
    if (raw.rootKey === undefined) {
      throw new ConfigError(
        'postgres storage needs SWITCHYARD_ROOT_KEY (--root-key): every node must share the key that encrypts payloads',
      );
    }
  }
  const pgSchema = raw.pgSchema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(pgSchema))
    throw new ConfigError(`invalid pg-schema "${pgSchema}": expected a lower-case SQL identifier`);
  const pgPoolSize = Number(raw.pgPoolSize ?? '10');
  if (!Number.isInteger(pgPoolSize) || pgPoolSize < 1 || pgPoolSize > 1000)
    throw new ConfigError(`invalid pg-pool-size "${raw.pgPoolSize}": expected an integer 1-1000`);
  const region = raw.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new ConfigError(`invalid region "${region}"`);
  const accountId = raw.accountId ?? '000000000000';
  if (!/^\d{12}$/.test(accountId))
    throw new ConfigError(`invalid account id "${accountId}": expected 12 digits`);
  const auth = raw.auth ?? 'on';
  if (auth !== 'on' && auth !== 'off')
    throw new ConfigError(`invalid auth "${auth}": expected on or off`);
  const allowDevCredentials = parseBool('allow-dev-credentials', raw.allowDevCredentials ?? '0');
  const credentials = raw.credentials ? parseCredentials(raw.credentials) : [];
  const shutdownGraceMs = Number(raw.shutdownGraceMs ?? '10000');
  if (!Number.isInteger(shutdownGraceMs) || shutdownGraceMs < 0) {
    throw new ConfigError(`invalid shutdown-grace-ms "${raw.shutdownGraceMs}"`);
  }
  const loopback = isLoopback(host);
  const devCredentials = loopback || allowDevCredentials;
  if (!devCredentials && credentials.length === 0 && auth === 'on') {
    throw new ConfigError(
      `refusing to start on ${host} with only the dev credentials: set SWITCHYARD_CREDENTIALS, or SWITCHYARD_ALLOW_DEV_CREDENTIALS=1 for containers and CI`,
    );
  }
  if (auth === 'off' && !devCredentials) {
    throw new ConfigError(
      `refusing SWITCHYARD_AUTH=off on ${host}: allowed on loopback, or with SWITCHYARD_ALLOW_DEV_CREDENTIALS=1`,
    );
  }
  let publicUrl = raw.publicUrl;
  if (publicUrl !== undefined) {
    try {
      const u = new URL(publicUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
      publicUrl = u.origin + u.pathname.replace(/\/+$/, '');
    } catch {
      throw new ConfigError(`invalid public-url "${publicUrl}": expected an http(s) URL`);
    }
  }
  const rootKey = raw.rootKey;
  if (rootKey !== undefined) decodeRootKey(rootKey);
  return {
    host,
    port,
    dataDir,
    storage,
    pgSchema,
    pgPoolSize,
    publicUrl,
    region,
    accountId,
    credentials,
    devCredentials,
    allowDevCredentials,
    auth,
    rootKey,
    logLevel: raw.logLevel ?? 'info',
    shutdownGraceMs,
  };
}

/** A storage URL fit for logs and errors: any password replaced. */
export function redactUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** A root key is 32 bytes given as 64 hex digits or base64. */
export function decodeRootKey(v: string): Buffer {
  const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (buf.length !== 32)
    throw new ConfigError('invalid root key: expected 32 bytes as 64 hex digits or base64');
  return buf;
}
