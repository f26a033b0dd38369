#!/usr/bin/env node
// Entry point: runs the compiled CLI (dist/). From a checkout (src/ present), builds dist/ first
// when it is missing or older than the sources, so `npx switchyard …` works right after `npm ci`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (existsSync(`${root}src`) && existsSync(`${root}scripts/build-if-needed.mjs`)) {
  const { buildIfNeeded } = await import('../scripts/build-if-needed.mjs');
  buildIfNeeded(root);
}
const { main } = await import('../dist/cli/main.js');

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`switchyard: ${err?.stack ?? err}\n`);
  process.exit(1);
});
