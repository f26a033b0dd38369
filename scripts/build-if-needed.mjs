// `npm start` runs this first: builds dist/ when it is missing or older than any source file.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const marker = 'dist/cli/main.js';
if (!existsSync(marker) || statSync(marker).mtimeMs < newest('src')) {
  process.stderr.write('switchyard: building (npm run build)…\n');
  execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
