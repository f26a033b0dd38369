/**
 * Numbered, forward-only migration files (`NNNN-name.sql`) read from an engine's migrations
 * folder in version order. Each engine applies them its own way, safely under concurrency.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** The migrations in `dir`, ordered by version; duplicate versions are an error. */
export function loadMigrationFiles(dir: string): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    migrations.push({
      version: Number(match[1]),
      name: match[2] ?? '',
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]?.version === migrations[i - 1]?.version) {
      throw new Error(`duplicate migration version ${migrations[i]?.version}`);
    }
  }
  return migrations;
}
