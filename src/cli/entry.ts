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

/** What exitWhenWritten needs of stdout and stderr. */
interface Output {
  /** Characters written but not yet gone out. */
  readonly writableLength: number;
  write(chunk: string, callback: () => void): unknown;
}

/**
 * Ends the process with `status` as soon as what it wrote to stdout and stderr has gone out. A process left to end
 * when its event loop runs dry first waits for the engine's background work, such as compiling functions it will
 * not run again (20 to 30 ms after validating 20,000 answers), which nobody needs any more.
 */
export function exitWhenWritten(
  status: number,
  streams: readonly Output[] = [process.stdout, process.stderr],
  exit: (status: number) => void = process.exit,
): void {
  const pending = streams.filter((stream) => stream.writableLength > 0);
  let left = pending.length;
  if (left === 0) return exit(status);
  // Written in order: an empty write's callback comes once all before it is out (or the stream failed)
  for (const stream of pending) stream.write("", () => --left === 0 && exit(status));
}
