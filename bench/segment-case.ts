/**
 * Cutting a whole form pasted into one sheet into blocks, at two sizes: a cover, a Section 0 matrix, then Section III
 * tables whose header repeats every page, with page headers, rows a page break split, `Comments:` rows, and one
 * table with an extra follow-up column. Times the segmenter alone and the whole reading. Prints one JSON line.
 *
 *   node segment-case.mjs <rows> [<rows> ...]
 */

import type { CellValue, Workbook } from "../src/core/grid";
import { segmentWorkbook } from "../src/core/layouts/blocks";
import { readWorkbook } from "../src/core/read";
import { isEntryPoint } from "../src/cli/entry";
import { median } from "./stats";
import { prng } from "./workbook";

export interface SegmentCaseResult {
  /** Per size (rows of the sheet): blocks found, segmentation and whole-reading times (ms, median of warm runs), answers read. */
  sizes: Record<string, { blocks: number; segmentMs: number; readMs: number; answers: number }>;
}

const UNITS = ["CWM", "GCP", "SCYCLE", "PTP", "PMCP", "SDP", "A2030", "NYO", "MDP", "UNOSAT", "HO", "PFTP", "NDC"];
const STATUS = "Status (planned, under implementation, implemented)";
const HEADER = ["Recommendation", "", "Programme Unit", "Accepted Partially Accepted Rejected", "Proposed action", "Budget allocated (if necessary)", STATUS, "Update on status in 2024 – within 6 months", "Update on status in 2025 – one year"];
const PAGE = "<b>Management Response:</b> Evaluation of learning-related events";

/** A form pasted into one sheet of about `rows` rows. */
export function pastedForm(rows: number, seed = 20250630): Workbook {
  const random = prng(seed);
  const cells: CellValue[][] = [
    ["Management Response:"], ["Evaluation of learning-related events"], [], ["<b>Name of evaluation</b>", "Evaluation of learning-related events"],
    [], ["SECTION 0 – Summary of response", "D i v i s i o n / U n i t"], ["", "Planet", "Peace", "People"],
  ];
  for (let r = 1; r <= 5; r++) cells.push([`<p><b>Recommendation ${r}:</b> Take steps.</p>`, "Accepted", "Partially Accepted", "NA"]);
  cells.push([], ["SECTION III - RECOMMENDATIONS", "", "Management Response and Planned Action"]);
  for (let rec = 1; cells.length < rows; rec++) {
    cells.push(rec % 10 === 0 ? [...HEADER, "Update on status in 2026 – two years"] : HEADER);
    UNITS.forEach((unit, i) => {
      if (cells.length % 45 === 0) cells.push([PAGE], ["", "the rest of the text a page break cut.", "", "", "and the rest of the action."]);
      const answer = random() < 0.8 ? "Accepted" : random() < 0.5 ? "Partially accepted" : "Rejected";
      cells.push([i === 0 ? `${rec}.` : "", i === 0 ? `Recommendation ${rec}: Programme units should act.` : "", unit, answer, random() < 0.1 ? "-" : `Action of ${unit} on ${rec}.`, "N/A", random() < 0.5 ? "Planned" : "Under implementation"]);
    });
    cells.push(["", "", "<b>Comments:</b>"], []);
  }
  return { name: "pasted.xlsx", sheets: [{ name: "Table 1", rows: cells }] };
}

/**
 * Times each size `runs` times, the sizes taking turns (so a burst of other work on the machine slows them alike),
 * after one cold run each; medians.
 */
export function measureSegment(sizes: readonly number[], runs = 9): SegmentCaseResult {
  const workbooks = sizes.map((rows) => pastedForm(rows));
  const read = (workbook: Workbook) => readWorkbook(workbook, { asOf: "2025-06-30" });
  const segmentMs = sizes.map(() => [] as number[]);
  const readMs = sizes.map(() => [] as number[]);
  const answers = workbooks.map((w) => read(w).responses.length);
  for (let i = 0; i < runs; i++) {
    workbooks.forEach((workbook, k) => {
      let t = performance.now();
      segmentWorkbook(workbook);
      segmentMs[k].push(performance.now() - t);
      t = performance.now();
      read(workbook);
      readMs[k].push(performance.now() - t);
    });
  }
  const result: SegmentCaseResult = { sizes: {} };
  sizes.forEach((rows, k) => {
    result.sizes[rows] = { blocks: segmentWorkbook(workbooks[k]).length, segmentMs: median(segmentMs[k]), readMs: median(readMs[k]), answers: answers[k] };
  });
  return result;
}

if (isEntryPoint(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(measureSegment(process.argv.slice(2).map(Number)))}\n`);
}
