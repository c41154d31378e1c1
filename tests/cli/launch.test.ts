/**
 * The built command as it ships (scripts/build-cli.ts): the bundle, its launcher and V8's code cache. The cache is
 * used when it fits, refused (and the bundle compiled as usual) when it does not, and never changes a result.
 */

import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli } from "../../scripts/build-cli";
import { tempFolder } from "./files";

const exec = promisify(execFile);
/** Beside node_modules, so that ExcelJS resolves as it does for the installed command. */
const BUILT = join(process.cwd(), "node_modules", ".cache", "response-matrix-tests", "launch");
const LAUNCHER = join(BUILT, "response-matrix.mjs");
const CACHE = join(BUILT, "response-matrix.cache");

let folder: Awaited<ReturnType<typeof tempFolder>>;
let example: string;

/** The command run as a process: its status, output, and how its bundle was compiled. */
async function command(...args: string[]): Promise<{ status: number; stdout: string; stderr: string; cache: string }> {
  // the launcher imported as bin/response-matrix.mjs imports it, and asked afterwards how it compiled the bundle
  const script = `const m = await import(${JSON.stringify(pathToFileURL(LAUNCHER).href)}); const status = await m.run(${JSON.stringify(args)}); process.stderr.write("\\ncache " + m.codeCacheUse()); process.exitCode = status;`;
  const result = await exec(process.execPath, ["--input-type=module", "-e", script], { maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ ...r, status: 0 }),
    (e: { code: number; stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr, status: e.code }),
  );
  const cache = /\ncache (\w+)$/.exec(result.stderr)?.[1] ?? "";
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(/\ncache \w+$/, ""), cache };
}

beforeAll(async () => {
  folder = await tempFolder();
  await buildCli(BUILT);
  example = folder.path("example.xlsx");
  expect((await command("template", "--example", "--out", example)).status).toBe(0);
}, 120_000);
afterAll(async () => {
  await folder.remove();
});

describe("the built command and its code cache", { timeout: 60_000 }, () => {
  it("compiles the bundle from the cache made when it was built, and validates as the sources do", async () => {
    const run = await command("validate", example, "--format", "json", "--as-of", "2025-06-30");
    expect(run.cache).toBe("used");
    expect(run.status).toBe(1); // the example has errors
    const report = JSON.parse(run.stdout) as { layout: string; counts: { error: number } };
    expect(report.layout).toBe("canonical");
    expect(report.counts.error).toBeGreaterThan(0);
  });

  it("runs the same without a cache, or with one that does not fit (another Node, another bundle, damaged)", async () => {
    const args = ["validate", example, "--format", "json", "--as-of", "2025-06-30"];
    const cached = await command(...args);
    const good = await readFile(CACHE);
    try {
      await writeFile(CACHE, Buffer.from("not a code cache at all"));
      const refused = await command(...args);
      expect(refused.cache).toBe("refused");
      expect(refused).toMatchObject({ status: cached.status, stdout: cached.stdout, stderr: cached.stderr });
      await rm(CACHE);
      const none = await command(...args);
      expect(none.cache).toBe("none");
      expect(none).toMatchObject({ status: cached.status, stdout: cached.stdout, stderr: cached.stderr });
    } finally {
      await writeFile(CACHE, good);
    }
  });

  it("runs directly (node dist/cli/response-matrix.mjs ...), with the command line's exit statuses", async () => {
    const help = await exec(process.execPath, [LAUNCHER, "--help"]);
    expect(help.stdout).toContain("Usage:");
    const missing = await exec(process.execPath, [LAUNCHER, "validate", folder.path("nowhere.xlsx")]).catch((e: { code: number; stderr: string }) => e);
    expect((missing as { code: number }).code).toBe(2);
    expect((missing as { stderr: string }).stderr).toContain("does not exist");
  });
});
