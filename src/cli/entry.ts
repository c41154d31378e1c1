/**
 * Whether a module is the process's entry point (`node <it>`, `tsx <it>`), not imported (by the bin script, a test,
 * a bench case) nor loaded by a worker thread of the command's pool (which sees the same process arguments).
 * The command line's entry and launcher use it, and so do the build script and the bench's cases.
 */

import { realpathSync } from "node:fs";
import { isMainThread } from "node:worker_threads";
import { pathToFileURL } from "node:url";

/** `moduleUrl`: the module's own `import.meta.url`. */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script || !isMainThread) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}
