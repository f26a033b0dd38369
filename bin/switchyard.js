#!/usr/bin/env node
// Entry point: runs the compiled CLI (`npm run build` produces dist/).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`switchyard: ${err?.stack ?? err}\n`);
  process.exit(1);
});
