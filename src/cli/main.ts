/**
 * The command line's entry point: runs it with the process's arguments when executed directly (`tsx src/cli/main.ts`,
 * as `npm run cli` does), and exports it for the launcher of the built command (src/cli/launch.ts) and the tests
 * (src/cli/run.ts does the work).
 */

import { exitWhenWritten, isEntryPoint } from "./entry";
import { run } from "./run";

export { COMMANDS, HELP, run, type CliIo } from "./run";

// not in the worker threads of a batch, which load this same (bundled) module
if (isEntryPoint(import.meta.url)) {
  run(process.argv.slice(2)).then(exitWhenWritten);
}
