/** The CLI as a real process: exit statuses and stderr as a shell script sees them. */

import { execFile, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { book, completeResponses, goodRow } from "../core/workbooks";
import { tempFolder, writeXlsx } from "./files";

// tsx itself rather than `npx tsx`, whose npm warnings would land on stderr
const TSX = join(process.cwd(), "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
const MAIN = join(process.cwd(), "src", "cli", "main.ts");

function runCli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [MAIN, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await folder.remove();
});

describe("the CLI as a process", { timeout: 30_000 }, () => {
  it("exits 0 on a clean workbook", async () => {
    const file = folder.path("clean.xlsx");
    await writeXlsx(file, book({ responses: completeResponses() }));
    const { status, stdout, stderr } = await runCli("validate", file, "--as-of", "2025-06-30");
    expect(stderr).toBe("");
    expect(stdout).toContain("No problems found.");
    expect(status).toBe(0);
  });

  it("exits 1 when errors are found, printing JSON on stdout", async () => {
    const file = folder.path("defective.xlsx");
    await writeXlsx(file, book({ responses: [...completeResponses().slice(0, 5), goodRow("2", "PTP", { action: "N/A" })] }));
    const { status, stdout } = await runCli("validate", file, "--format", "json", "--as-of", "2025-06-30");
    expect(status).toBe(1);
    expect(JSON.parse(stdout).issues.map((i: { rule: string; cell: string; recommendation: string; unit: string }) => [i.rule, i.cell, i.recommendation, i.unit])).toEqual([
      ["missing-action", "D7", "2", "PTP"],
    ]);
  });

  it("stops quietly, with its status, when the reader of its output goes away (| head)", async () => {
    const file = folder.path("many-findings.xlsx");
    // 3,000 rows without an action: several hundred kilobytes of JSON, far more than a pipe holds
    const rows = Array.from({ length: 3000 }, (_, i) => goodRow(String((i % 2) + 1), ["CWM", "GCP", "PTP"][i % 3], { action: "N/A" }));
    await writeXlsx(file, book({ responses: rows }));
    const child = spawn(TSX, [MAIN, "validate", file, "--format", "json", "--as-of", "2025-06-30"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy()); // the first piece read, then the pipe closed
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(stderr).toBe("");
    expect(status).toBe(1); // errors were found: the status says so even though the report was not read to its end
  });

  it("exits 2 with one line on stderr and no stack trace for a password-protected file", async () => {
    const file = folder.path("protected.xlsx");
    const bytes = Buffer.alloc(600);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    await writeFile(file, bytes);
    const { status, stdout, stderr } = await runCli("validate", file);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain("password-protected");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 for an unknown option", async () => {
    const { status, stderr } = await runCli("validate", "--strict");
    expect(status).toBe(2);
    expect(stderr.trimEnd().split("\n")).toEqual([`Unknown option --strict for "validate". Run "response-matrix --help" to see how to use it.`]);
  });
});
