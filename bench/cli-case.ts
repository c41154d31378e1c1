/**
 * The command line's cost over ExcelJS, in one process: writes a generated workbook to an .xlsx with ExcelJS,
 * then times, alternately, ExcelJS alone loading it (read the file, `xlsx.load`) and the whole
 * `response-matrix validate` command on it (the same load, the grid, the core, the text report), both warm
 * (after one unmeasured run of each). bench/run.ts also times both as fresh processes, as a user runs them.
 * Prints one JSON line. Run in its own process (`node --expose-gc --import tsx`).
 *
 *   cli-case.ts <recommendations> <units> <runs> <file.xlsx>
 */

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { run } from "../src/cli/main";
import { isEntryPoint } from "./entry";
import { medianRatio } from "./stats";
import { generateWorkbook, rowsOf, type BenchSize } from "./workbook";

export interface CliCaseResult {
  rows: number;
  fileBytes: number;
  exceljsMs: number[];
  cliMs: number[];
  /** Median of CLI time / ExcelJS time, pair by pair. */
  ratio: number;
}

/** Writes the generated workbook as an .xlsx, dates as dates (as a person would type them). */
export async function writeXlsx(size: BenchSize, file: string): Promise<void> {
  const workbook = generateWorkbook(size);
  const excel = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const ws = excel.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
  }
  // Target date and Response date columns of Responses hold serial numbers: show them as dates
  const responses = excel.getWorksheet("Responses")!;
  for (const col of [7, 14]) responses.getColumn(col).numFmt = "yyyy-mm-dd";
  await excel.xlsx.writeFile(file);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  gc();
  const t = performance.now();
  await task();
  return performance.now() - t;
}

export async function measureCli(size: BenchSize, runs: number, file: string): Promise<CliCaseResult> {
  if (!existsSync(file)) await writeXlsx(size, file);
  // As the CLI loads it (src/cli/xlsx-read.ts): the file's bytes, then xlsx.load
  const loadAlone = async () => new ExcelJS.Workbook().xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const quiet = { out: () => {}, err: () => {}, today: "2025-06-30" };
  const validateCommand = async () => {
    const status = await run(["validate", file, "--as-of", "2025-06-30"], quiet);
    if (status === 2) throw new Error("The command line could not read the benchmark workbook.");
  };
  // One of each first, not counted: modules compiled and caches warm for both alike
  await loadAlone();
  await validateCommand();
  const exceljsMs: number[] = [];
  const cliMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    exceljsMs.push(await timed(loadAlone));
    cliMs.push(await timed(validateCommand));
  }
  return {
    rows: rowsOf(size),
    fileBytes: (await readFile(file)).length,
    exceljsMs,
    cliMs,
    ratio: medianRatio(cliMs, exceljsMs),
  };
}

if (isEntryPoint(import.meta.url)) {
  const [recs, units, runs] = process.argv.slice(2, 5).map(Number);
  measureCli({ recommendations: recs, units }, runs || 5, process.argv[5]).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
