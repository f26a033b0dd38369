/**
 * The root key for encryption at rest: from configuration, or generated once into the data
 * directory (`root.key`, mode 0600) with a warning — losing that file makes encrypted messages
 * unreadable, so operators should set SWITCHYARD_ROOT_KEY from a secret store instead.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeRootKey } from './config.js';

export function loadRootKey(
  configured: string | undefined,
  dataDir: string,
  warn: (msg: string) => void,
): Buffer {
  if (configured !== undefined) return decodeRootKey(configured);
  const file = path.join(dataDir, 'root.key');
  if (existsSync(file)) return decodeRootKey(readFileSync(file, 'utf8').trim());
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  warn(
    `generated a root key in ${file} (mode 0600); back it up or set SWITCHYARD_ROOT_KEY — without it encrypted messages cannot be read`,
  );
  return key;
}
