// Builds dist/ when it is missing or older than any source file. `npm start` runs it first, and
// bin/switchyard.js runs it from a checkout, so `npx switchyard …` works right after `npm ci`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function buildIfNeeded(root) {
  const marker = path.join(root, 'dist/cli/main.js');
  if (existsSync(marker) && statSync(marker).mtimeMs >= newest(path.join(root, 'src'))) return;
  process.stderr.write('switchyard: building (npm run build)…\n');
  execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIfNeeded(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
