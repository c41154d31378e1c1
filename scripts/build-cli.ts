/**
 * Builds the command line into a folder (`npm run build:cli`: dist/cli/), the way it is packed and installed:
 *
 *   response-matrix.cjs     the whole command line in one script (ExcelJS left outside, loaded where it writes)
 *   response-matrix.mjs     the launcher that bin/response-matrix.mjs imports (src/cli/launch.ts)
 *   response-matrix.cache   V8's code cache of the bundle, made by validating the example workbook once
 *
 * The bench and the tests build the command with this same function, so they measure and check what ships.
 *
 *   tsx scripts/build-cli.ts [folder]    (default dist/cli)
 */

import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { isEntryPoint } from "../src/cli/entry";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Builds the command into `folder`; with `codeCache` (default true) also its code cache. */
export async function buildCli(folder: string, { codeCache = true }: { codeCache?: boolean } = {}): Promise<void> {
  const common = { bundle: true, platform: "node", target: "node20", logLevel: "error" } as const;
  await build({
    ...common,
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    format: "cjs",
    external: ["exceljs"],
    outfile: join(folder, "response-matrix.cjs"),
    // The modules' import.meta.url (where worker threads and ExcelJS are loaded from) is the bundle's own file
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  await rm(join(folder, "response-matrix.cache"), { force: true }); // a cache belongs to the bundle it was made from
  await build({ ...common, entryPoints: [join(ROOT, "src", "cli", "launch.ts")], format: "esm", outfile: join(folder, "response-matrix.mjs") });
  if (codeCache) await writeCodeCache(folder);
}

/** The code cache, made in a Node process of its own by writing the example workbook, validating and summarising it. */
async function writeCodeCache(folder: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "response-matrix-cache-"));
  try {
    const example = join(work, "example.xlsx");
    const commands = [
      ["template", "--example", "--out", example],
      ["validate", example, "--as-of", "2025-06-30"],
      ["summary", example, "--out", join(work, "summary.xlsx"), "--as-of", "2025-06-30"],
    ];
    const launcher = pathToFileURL(join(folder, "response-matrix.mjs")).href;
    const script = `const { writeCodeCache } = await import(${JSON.stringify(launcher)}); await writeCodeCache(${JSON.stringify(commands)});`;
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (isEntryPoint(import.meta.url)) {
  await buildCli(resolve(process.argv[2] ?? join(ROOT, "dist", "cli")));
}
