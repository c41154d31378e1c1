/**
 * Whether a case script is the process's entry point (run by bench/run.ts), not imported (by a test) nor loaded by
 * a worker thread of the command's pool (which sees the same process arguments).
 */

import { realpathSync } from "node:fs";
import { isMainThread } from "node:worker_threads";
import { pathToFileURL } from "node:url";

export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script || !isMainThread) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}
