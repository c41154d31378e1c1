/** Whether a case script is the process's entry point (run by bench/run.ts), not imported (by a test). */

import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}
