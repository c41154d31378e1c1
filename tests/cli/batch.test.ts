/**
 * Many files in one run: the worker pool (src/cli/batch.ts) and `validate` on many files through the built
 * command, where it runs on worker threads.
 */

import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Outcome } from "../../src/cli/batch";
import { run as runCli } from "../../src/cli/main";
import { build } from "esbuild";
import { buildCli } from "../../scripts/build-cli";
import { tempFolder } from "./files";

const run = promisify(execFile);
const ROOT = process.cwd();
/** Bundles go beside node_modules so that their packages resolve, as the built command's do. */
const CACHE = join(ROOT, "node_modules", ".cache", "response-matrix-tests");

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
  await mkdir(CACHE, { recursive: true });
});
afterAll(async () => {
  await folder.remove();
});

describe("the worker pool", () => {
  it("runs on worker threads, gives outcomes in input order as they complete, and an error as an outcome", { timeout: 60_000 }, async () => {
    const entry = folder.path("pool-job.ts");
    await writeFile(
      entry,
      `import { threadId } from "node:worker_threads";
import { defineJob, runBatch } from ${JSON.stringify(join(ROOT, "src", "cli", "batch.ts"))};
// later inputs finish first, so the order has to be restored
const job = defineJob(import.meta.url, "sleepy", async (n: number) => {
  if (n === 3) throw new Error("three is unreadable");
  await new Promise((r) => setTimeout(r, (8 - n) * 80));
  return { n, thread: threadId };
});
export const run = (inputs: number[]) => {
  const order: number[] = [];
  return runBatch(job, inputs, { workers: 2, onOutcome: (i) => order.push(i) }).then((outcomes) => ({ outcomes, order }));
};`,
    );
    const bundle = join(CACHE, "pool-job.mjs");
    await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "error" });
    const { run: runPool } = (await import(pathToFileURL(bundle).href)) as {
      run(inputs: number[]): Promise<{ outcomes: Outcome<{ n: number; thread: number }>[]; order: number[] }>;
    };
    const inputs = [0, 1, 2, 3, 4, 5, 6, 7];
    const { outcomes, order } = await runPool(inputs);
    expect(order).toEqual(inputs.map((_, i) => i));
    expect(outcomes.map((o) => (o.ok ? o.value.n : o.error.message))).toEqual([0, 1, 2, "three is unreadable", 4, 5, 6, 7]);
    const threads = new Set(outcomes.flatMap((o) => (o.ok ? [o.value.thread] : [])));
    expect(threads.size).toBe(2);
    expect(threads.has(0)).toBe(false); // none on the main thread
  });
});

describe("validate on many files", () => {
  it("shows a progress line (where the terminal takes one) from ten files on, cleared before each report and at the end", async () => {
    const example = join(ROOT, "tests", "fixtures", "xlsx", "chart-on-units.xlsx");
    const progress: string[] = [];
    const out: string[] = [];
    const files = Array.from({ length: 10 }, () => example);
    const status = await runCli(["validate", ...files, "--format", "json", "--as-of", "2025-06-30"], { out: (t) => out.push(t), err: () => undefined, progress: (t) => progress.push(t) });
    expect(status).toBe(1);
    expect(out).toHaveLength(10);
    expect(progress.filter((p) => p !== "")).toEqual(files.map((_, i) => `Validated ${i + 1} of 10 files ...`));
    expect(progress[progress.length - 1]).toBe("");
    // nine files: no progress line
    progress.length = 0;
    await runCli(["validate", ...files.slice(1), "--as-of", "2025-06-30"], { out: () => undefined, err: () => undefined, progress: (t) => progress.push(t) });
    expect(progress).toEqual([]);
  });
});

describe("validate on many files, as the built command runs it", () => {
  it("prints one JSON object per file in the order given, an unreadable one as {file, error}, and exits 2", { timeout: 120_000 }, async () => {
    await buildCli(join(CACHE, "cli"), { codeCache: false });
    const cli = join(CACHE, "cli", "response-matrix.mjs");
    const example = join(ROOT, "tests", "fixtures", "xlsx", "chart-on-units.xlsx");
    const files: string[] = [];
    for (let i = 0; i < 7; i++) {
      const file = folder.path(`book-${i}.xlsx`);
      await copyFile(example, file);
      files.push(file);
    }
    const damaged = folder.path("damaged.xlsx");
    await writeFile(damaged, (await readFile(example)).subarray(0, 5000));
    const missing = folder.path("missing.xlsx");
    const args = [...files.slice(0, 3), damaged, missing, ...files.slice(3)];
    const result = await run(process.execPath, [cli, "validate", ...args, "--format", "json", "--as-of", "2025-06-30"]).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect((result as { code?: number }).code).toBe(2);
    const lines = result.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; error?: string; counts?: { error: number } });
    // the missing path is a usage error: a sentence on stderr, no line
    expect(lines.map((l) => l.file)).toEqual(args.filter((f) => f !== missing));
    expect(lines[3]).toEqual({ file: damaged, error: `The file "${damaged}" could not be opened: it is damaged or not a complete .xlsx workbook; ask for a new copy.` });
    expect(lines.filter((l) => l.counts).every((l) => l.counts!.error === 4)).toBe(true);
    expect(result.stderr.trimEnd().split("\n")).toEqual([lines[3].error, `The file "${missing}" does not exist; check the name and the folder.`]);
  });
});
