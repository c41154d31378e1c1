/**
 * One merge measurement, run in a fresh process (`node --expose-gc`) so its memory is its own: a canonical
 * workbook of `parts` units and `rows` recommendations addressed to all, with no answers yet; split into one part
 * per unit; every part filled with answers (acceptance, action, comments on every row, seeded); then the parts
 * merged back `runs` times (the core alone: grids in, cell changes and log out).
 *
 *   node --expose-gc merge-case.mjs <parts> <rows> <runs>
 */

import type { CellValue, Workbook } from "../src/core/grid";
import { mergeParts } from "../src/core/round-trip/merge";
import type { PartSource } from "../src/core/round-trip/parts";
import { splitBook } from "../src/core/round-trip/split";
import { RECOMMENDATIONS_COLUMNS, RESPONSES_COLUMNS, UNITS_COLUMNS } from "../src/core/template";
import { isEntryPoint } from "../src/cli/entry";
import { prng } from "./workbook";

export interface MergeCaseResult {
  parts: number;
  rowsPerPart: number;
  /** Answer cells merged (and rows added). */
  changes: number;
  /** Time to split the workbook into the parts, ms (the first run of split). */
  splitMs: number;
  /** Wall time of each merge, ms; the first is cold. */
  runsMs: number[];
  /** Resident memory holding Node, the workbook and the filled parts, before merging, MB. */
  baselineMb: number;
  /** Peak resident memory of the process up to the end of the first merge, MB. */
  peakMb: number;
}

const MB = 1024 * 1024;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The workbook before the response round: units, recommendations addressed to all, Responses with only its header. */
function emptyBook(units: number, recommendations: number): Workbook {
  const codes = Array.from({ length: units }, (_, i) => `U${String(i + 1).padStart(3, "0")}`);
  return {
    name: "bench.xlsx",
    sheets: [
      { name: "Units", rows: [UNITS_COLUMNS.map((c) => c.header), ...codes.map((c, i) => [c, `Unit ${c}`, `Division ${i % 12}`, ""])] },
      {
        name: "Recommendations",
        rows: [
          ["Title", "Benchmark evaluation"],
          [],
          RECOMMENDATIONS_COLUMNS.map((c) => c.header),
          ...Array.from({ length: recommendations }, (_, r) => [String(r + 1), `Recommendation ${r + 1}: improve the process in area ${r + 1}.`, "", "", "All"]),
        ],
      },
      { name: "Responses", rows: [RESPONSES_COLUMNS.map((c) => c.header)] },
    ],
  };
}

const ANSWERS = ["Accepted", "Partially accepted", "Rejected"];

/** Every part filled in as its unit would: an acceptance, an action and a comment on every row. */
function filledParts(book: Workbook): { sources: PartSource[]; splitMs: number } {
  const t = performance.now();
  const split = splitBook(book, { made: "2025-07-01" });
  const splitMs = performance.now() - t;
  const random = prng(14);
  const sources = split.parts.map((part) => {
    const rows: CellValue[][] = part.spec.cells.map((r) => [...r]);
    const header = rows.findIndex((r) => r[0] === "No.");
    const col = (name: string) => rows[header].indexOf(name);
    for (let r = header + 1; r < rows.length; r++) {
      rows[r][col("Acceptance")] = ANSWERS[Math.floor(random() * ANSWERS.length)];
      rows[r][col("Planned action")] = `Action ${r} of ${part.unit.code}: train the staff and review the procedure.`;
      rows[r][col("Comments")] = random() < 0.3 ? "Depends on the budget." : "";
    }
    return { source: part.fileName, workbook: { name: part.fileName, sheets: [{ name: part.spec.name, rows }] }, kind: "file" as const };
  });
  return { sources, splitMs };
}

export function measureMerge(parts: number, rows: number, runs: number): MergeCaseResult {
  const book = emptyBook(parts, rows);
  const { sources, splitMs } = filledParts(book);
  gc();
  const baselineMb = process.memoryUsage().rss / MB;
  const runsMs: number[] = [];
  let changes = 0;
  let peakMb = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    const result = mergeParts(book, sources);
    runsMs.push(performance.now() - t);
    changes = result.changes.length;
    if (i === 0) peakMb = process.resourceUsage().maxRSS / 1024;
  }
  return { parts, rowsPerPart: rows, changes, splitMs, runsMs, baselineMb, peakMb };
}

if (isEntryPoint(import.meta.url)) {
  const [parts, rows, runs] = process.argv.slice(2).map(Number);
  process.stdout.write(`${JSON.stringify(measureMerge(parts, rows, runs || 3))}\n`);
}
