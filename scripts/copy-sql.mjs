#!/usr/bin/env node
// Copies the SQLite migrations next to the compiled engine (tsc does not copy .sql files):
// src/storage/sqlite/migrations/*.sql → dist/storage/sqlite/migrations/. Run after `tsc`.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'src/storage/sqlite/migrations');
const to = join(root, 'dist/storage/sqlite/migrations');

mkdirSync(to, { recursive: true });
const files = readdirSync(from).filter((f) => f.endsWith('.sql'));
for (const file of files) copyFileSync(join(from, file), join(to, file));
console.log(`copied ${files.length} migration(s) to ${to}`);
