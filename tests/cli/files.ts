/**
 * Real .xlsx files for the CLI tests, written with ExcelJS directly (not through the CLI's writer),
 * in a fresh temporary folder; and an in-process runner that captures stdout and stderr.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Workbook } from "../../src/core/grid";
import { run } from "../../src/cli/main";

/** A new empty folder under the system's temporary folder, and a function that removes it. */
export async function tempFolder(): Promise<{ dir: string; path: (name: string) => string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "response-matrix-cli-"));
  return { dir, path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes a grid workbook (e.g. from tests/core/workbooks.ts `book`) as an .xlsx file. */
export async function writeXlsx(path: string, workbook: Workbook, edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== "") ws.getCell(r + 1, c + 1).value = v;
      });
    });
  }
  edit?.(wb);
  await wb.xlsx.writeFile(path);
}

/** Loads an .xlsx file with ExcelJS, to look at what the CLI wrote. */
export async function loadXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export interface CliRun {
  status: number;
  out: string;
  err: string[];
}

/** When the in-process CLI runs: a summary's Generated date and time. */
export const CLI_NOW = "2025-07-01T09:30";

/** Runs the CLI in-process with today fixed to 2025-06-30 (and the clock to CLI_NOW). */
export async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), today: "2025-06-30", now: CLI_NOW });
  return { status, out: out.join("\n"), err };
}
