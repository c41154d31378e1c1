/**
 * What the installed command runs (`dist/cli/response-matrix.mjs`, which bin/response-matrix.mjs imports): the
 * bundled command line (`response-matrix.cjs` beside it), compiled from V8's code cache when there is one made by
 * this Node for this bundle (`response-matrix.cache`, written when the command is built, see scripts/build-cli.ts).
 * The cache holds the bytecode of every function a validation runs, so that a process does not parse and compile
 * them again at each start. A cache that does not fit (another Node, another bundle) is refused by V8 and the bundle
 * is compiled as usual: same results, only slower to start.
 *
 * Kept small and free of the product's code: it is what every start pays for before the bundle runs.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type { CliIo } from "./args";
import { exitWhenWritten, isEntryPoint } from "./entry";

export { exitWhenWritten };

/** What the bundle exports (src/cli/main.ts). */
interface Bundle {
  run(argv: readonly string[], io?: CliIo): Promise<number>;
}

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(here, "response-matrix.cjs");
const CACHE = join(here, "response-matrix.cache");

/** How the bundle was compiled: from the cache, without one (none made, or refused by this Node), or not yet. */
export type CodeCacheUse = "used" | "refused" | "none";

let loaded: { bundle: Bundle; script: Script; cache: CodeCacheUse } | undefined;

/** The code cache's bytes, or undefined when the build made none. */
function cacheBytes(): Buffer | undefined {
  try {
    return readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

/** The bundle, compiled (from the cache when it fits) and run once, as CommonJS runs a module. */
function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const source = readFileSync(BUNDLE, "utf8");
  const cachedData = cacheBytes();
  // The same wrapper CommonJS puts around a module, so that the bundle runs as it would under require()
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} as Bundle };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, here);
  loaded = { bundle: module.exports, script, cache: cachedData === undefined ? "none" : script.cachedDataRejected ? "refused" : "used" };
  return loaded;
}

/** Runs the command line (as src/cli/run.ts does); returns the exit status. */
export function run(argv: readonly string[], io?: CliIo): Promise<number> {
  return load().bundle.run(argv, io);
}

/** Whether the bundle was compiled from the code cache (for tests and the build). */
export function codeCacheUse(): CodeCacheUse {
  return load().cache;
}

/**
 * Writes the code cache: the bundle compiled without one, the commands run (their output dropped), then the bytecode
 * of every function they ran saved. Run by the build, in a Node process of its own.
 */
export async function writeCodeCache(commands: readonly (readonly string[])[]): Promise<number> {
  const { bundle, script, cache } = load();
  if (cache !== "none") throw new Error(`${CACHE} exists: a cache is made from a bundle compiled without one`);
  const said: string[] = [];
  const quiet: CliIo = { out: () => undefined, err: (text) => said.push(text), today: "2025-06-30", now: "2025-06-30T12:00" };
  for (const argv of commands) {
    const status = await bundle.run(argv, quiet);
    if (status === 2) throw new Error(`the command "${argv.join(" ")}" failed while the code cache was made: ${said.join(" ")}`);
  }
  const data = script.createCachedData();
  writeFileSync(CACHE, data);
  return data.length;
}

// Run directly (`node dist/cli/response-matrix.mjs validate ...`), not when imported (the bin script, tests, the build)
if (isEntryPoint(import.meta.url)) {
  run(process.argv.slice(2)).then(exitWhenWritten);
}
