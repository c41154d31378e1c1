/**
 * The tracker at scale: `response-matrix tracker` over a folder of generated workbooks of 60 answers each
 * (6 recommendations × 10 units, bench/workbook.ts, each with its own seed and title), in folders of 100.
 * Two modes, each in its own process so that the measured one's memory is its own (threads included). bench/run.ts
 * bundles this file as the command is bundled, so that the tracker reads on its pool of worker threads as the
 * installed command does (TypeScript sources would read everything on the main thread):
 *
 *   tracker-case.mjs generate <count> <folder>         writes <folder>/part-NN/evaluation-NNNN.xlsx
 *   tracker-case.mjs measure <out folder> <path>...    runs the tracker on the paths; prints one JSON line
 */

import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { run } from "../src/cli/run";
import { isEntryPoint } from "../src/cli/entry";
import { generateWorkbook } from "./workbook";

export interface TrackerCaseResult {
  workbooks: number;
  openRecommendations: number;
  ms: number;
  /** Processor time of the run (user + system), ms: what the run costs whatever else the machine is doing. */
  cpuMs: number;
  /** Resident memory before the run (Node and the CLI loaded), MB. */
  baselineMb: number;
  /** Peak resident memory of the process once every workbook was read (before the tracker is written), MB. */
  readPeakMb: number;
  /** Peak resident memory of the process, MB. */
  peakMb: number;
}

/** Answers per generated workbook: recommendations × units. */
export const TRACKER_SIZE = { recommendations: 6, units: 10 };
const PER_FOLDER = 100;
const MB = 1024 * 1024;

/** Writes `count` generated workbooks (skipping those already there), as offices keep them: a folder per batch. */
export async function generateTrackerBooks(count: number, folder: string): Promise<void> {
  // loaded here only: the worker threads of a measured run load this module too
  const { default: ExcelJS } = await import("exceljs");
  for (let i = 0; i < count; i++) {
    const part = join(folder, `part-${String(Math.floor(i / PER_FOLDER)).padStart(2, "0")}`);
    const file = join(part, `evaluation-${String(i + 1).padStart(4, "0")}.xlsx`);
    if (statSync(file, { throwIfNoEntry: false })) continue;
    mkdirSync(part, { recursive: true });
    const workbook = generateWorkbook(TRACKER_SIZE, 1000 + i);
    workbook.sheets.find((s) => s.name === "Recommendations")!.rows[0] = ["Title", `Benchmark evaluation ${i + 1}`];
    const excel = new ExcelJS.Workbook();
    for (const sheet of workbook.sheets) {
      const ws = excel.addWorksheet(sheet.name);
      for (const row of sheet.rows) ws.addRow(row);
    }
    await excel.xlsx.writeFile(file);
  }
}

/** Runs the tracker once over the paths, writing the workbook and the CSV tables into `out`. */
export async function measureTracker(out: string, paths: string[]): Promise<TrackerCaseResult> {
  mkdirSync(out, { recursive: true });
  const lines: string[] = [];
  const maxRssMb = () => (process.resourceUsage().maxRSS * 1024) / MB;
  let readPeakMb = 0;
  // The progress line is cleared ("") when the last workbook has been read
  const progress = (t: string) => {
    if (t === "") readPeakMb = maxRssMb();
  };
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), progress, today: "2025-06-30" };
  const baselineMb = process.memoryUsage().rss / MB;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const status = await run(["tracker", ...paths, "--out", join(out, "tracker.xlsx"), "--csv", join(out, "csv"), "--as-of", "2025-06-30"], io);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (status !== 0) throw new Error(`The tracker failed: ${lines.join(" ")}`);
  const said = /: ([\d,]+) workbooks.*?, ([\d,]+) open recommendations/.exec(lines.join("\n"));
  const number = (s: string | undefined) => Number((s ?? "0").replace(/,/g, ""));
  return {
    workbooks: number(said?.[1]),
    openRecommendations: number(said?.[2]),
    ms,
    cpuMs: (used.user + used.system) / 1000,
    baselineMb,
    readPeakMb,
    peakMb: maxRssMb(),
  };
}

if (isEntryPoint(import.meta.url)) {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === "generate") {
    await generateTrackerBooks(Number(args[0]), args[1]);
  } else {
    const [out, ...paths] = args;
    const result = await measureTracker(out, paths);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
