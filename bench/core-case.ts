/**
 * One core measurement, run in a fresh process (`node --expose-gc`) so its memory is its own:
 * generate a workbook of `recommendations x units` rows, then read, validate and summarise it `runs` times.
 * Prints one JSON line: every run's time, the first (cold) one apart, and the process's peak memory.
 *
 *   node --expose-gc core-case.mjs <recommendations> <units> <runs>
 */

import { readWorkbook } from "../src/core/read";
import { section0Summary } from "../src/core/summary/index";
import { validate } from "../src/core/validate";
import { isEntryPoint } from "../src/cli/entry";
import { median } from "./stats";
import { generateWorkbook, rowsOf } from "./workbook";

export interface CoreCaseResult {
  rows: number;
  findings: number;
  /** Wall time of each run (read + validate + summary), ms; the first is cold (nothing compiled yet). */
  runsMs: number[];
  phasesMs: { read: number; validate: number; summary: number };
  /** Resident memory holding Node and the generated grid, before the core ran, MB. */
  baselineMb: number;
  /** Peak resident memory of the process up to the end of the first run, MB. */
  peakMb: number;
  /** Heap in use after the first run, with its matrix, findings and summary still held, MB. */
  heapAfterMb: number;
}

const MB = 1024 * 1024;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Reads, validates and summarises; returns each phase's time and what was found. */
function once(workbook: ReturnType<typeof generateWorkbook>) {
  const t0 = performance.now();
  const matrix = readWorkbook(workbook, { asOf: "2025-06-30" });
  const t1 = performance.now();
  const findings = validate(matrix);
  const t2 = performance.now();
  const summary = section0Summary(matrix, findings, { by: "division", generated: "2025-06-30" });
  const t3 = performance.now();
  return { read: t1 - t0, validate: t2 - t1, summary: t3 - t2, total: t3 - t0, kept: { matrix, findings, summary } };
}

export function measureCore(recommendations: number, units: number, runs: number): CoreCaseResult {
  const workbook = generateWorkbook({ recommendations, units });
  gc();
  const baselineMb = process.memoryUsage().rss / MB;
  const first = once(workbook);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const heapAfterMb = process.memoryUsage().heapUsed / MB;
  const findings = first.kept.findings.length;
  const runsMs = [first.total];
  const phases = { read: [first.read], validate: [first.validate], summary: [first.summary] };
  for (let i = 1; i < runs; i++) {
    gc(); // each run starts from the same clean heap, as a fresh Validate click would
    const r = once(workbook);
    runsMs.push(r.total);
    phases.read.push(r.read);
    phases.validate.push(r.validate);
    phases.summary.push(r.summary);
  }
  const warm = (list: number[]) => median(list.length > 1 ? list.slice(1) : list);
  return {
    rows: rowsOf({ recommendations, units }),
    findings,
    runsMs,
    phasesMs: { read: warm(phases.read), validate: warm(phases.validate), summary: warm(phases.summary) },
    baselineMb,
    peakMb,
    heapAfterMb,
  };
}

if (isEntryPoint(import.meta.url)) {
  const [recs, units, runs] = process.argv.slice(2).map(Number);
  process.stdout.write(`${JSON.stringify(measureCore(recs, units, runs || 5))}\n`);
}
