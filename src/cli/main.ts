/**
 * The command line's entry point: runs it with the process's arguments when executed directly (`tsx src/cli/main.ts`,
 * `node dist/cli/response-matrix.mjs` through src/cli/launch.ts), and exports it for the launcher and tests (src/cli/run.ts does the work).
 */

import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { isMainThread } from "node:worker_threads";
import { run } from "./run";

export { COMMANDS, HELP, run, type CliIo } from "./run";

/** Run when executed directly (`tsx src/cli/main.ts`), not when imported (tests, demo, the bin script). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

// not in the worker threads of a batch, which load this same (bundled) module
if (isMainThread && isEntryPoint()) {
  run(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
