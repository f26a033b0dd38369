// Runs the CLI from TypeScript sources (`node --import tsx test/support/serve-entry.ts serve …`),
// so tests that need a separate server process work without a prior build.
import { main } from '../../src/cli/main.js';

await main(process.argv.slice(2));
