/**
 * Build step after `tsc`: copies the runtime files tsc does not emit — the generated AWS service
 * models (JSON) and the SQLite and PostgreSQL migrations (SQL) — to the same places under dist/.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = [
  ['src/protocols/aws/model', '.json'],
  ['src/storage/sqlite/migrations', '.sql'],
  ['src/storage/postgres/migrations', '.sql'],
];
for (const [dir, ext] of assets) {
  const from = join(root, dir);
  const to = join(root, 'dist', dir.slice('src/'.length));
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).filter((n) => n.endsWith(ext)))
    copyFileSync(join(from, name), join(to, name));
}
