/**
 * Recommendations pasted as report text (SPEC 3.5): a sheet whose one column holds numbered paragraphs, a line
 * or a paragraph per cell. It is recognised so that the user is told what it is and what to do with it, but it
 * holds no responses yet: reading it explains, with the recommendations found, how to make the response matrix
 * from them. (A matrix with no units would validate with no findings, as if every answer were in.)
 */

import { cellAt, isBlank, width, type Sheet, type Workbook } from "../grid";
import type { ResponseMatrix } from "../model";
import { numberedParagraph, recommendationsFromText, type TextRecommendation } from "../report-text";
import { displayText } from "../text";
import { LayoutError } from "./errors";

export const LAYOUT_ID = "report-text";
export const LAYOUT_NAME = "recommendations as report text";

/** Rows looked at when scoring a sheet. */
const DETECT_ROWS = 500;

/** The column holding nearly all of the sheet's filled cells (among the first `rows`), or null. */
function textColumn(sheet: Sheet, rows: number): number | null {
  const counts: number[] = [];
  let filled = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, rows); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      counts[c] = (counts[c] ?? 0) + 1;
      filled++;
    }
  }
  let best = -1;
  for (let c = 0; c < counts.length; c++) if ((counts[c] ?? 0) > (counts[best] ?? 0)) best = c;
  return best >= 0 && counts[best] >= 0.9 * filled ? best : null;
}

/**
 * The text of a column, top to bottom. Cells holding whole paragraphs (most numbered cells end a sentence) are
 * separate paragraphs; cells holding the lines of a paragraph (text copied from a PDF) are joined as lines.
 */
function columnText(sheet: Sheet, col: number, rows = sheet.rows.length): string {
  const cells: string[] = [];
  for (let r = 0; r < Math.min(sheet.rows.length, rows); r++) cells.push(displayText(cellAt(sheet, r, col)));
  const numbered = cells.filter((c) => numberedParagraph(c) !== null);
  const paragraphs = numbered.filter((c) => /[.;:!?]["”’)]?$/.test(c)).length * 2 > numbered.length;
  return cells.join(paragraphs ? "\n\n" : "\n");
}

/** The recommendations a column of a sheet holds as report text (the task pane's "from the selected column"). */
export function recommendationsInColumn(sheet: Sheet, col: number): TextRecommendation[] {
  return recommendationsFromText(columnText(sheet, col));
}

/** The first sheet whose one column holds at least two numbered paragraphs. */
function findReportText(workbook: Workbook, rows: number): { sheet: Sheet; col: number } | null {
  for (const sheet of workbook.sheets) {
    if (width(sheet) === 0) continue;
    const col = textColumn(sheet, rows);
    if (col !== null && recommendationsFromText(columnText(sheet, col, rows)).length >= 2) return { sheet, col };
  }
  return null;
}

/** A modest score: any table of responses elsewhere in the workbook is the better reading. */
export function detectReportText(workbook: Workbook): number {
  return findReportText(workbook, DETECT_ROWS) ? 0.4 : 0;
}

/** Throws LayoutError saying how many recommendations the text holds and how to make the response matrix from them. */
export function readReportText(workbook: Workbook, _asOf: number): ResponseMatrix {
  const found = findReportText(workbook, Infinity);
  if (!found) throw new LayoutError("No sheet holds numbered recommendations (1), 2), ...) in one column.");
  const recs = recommendationsInColumn(found.sheet, found.col);
  const parents = [...new Set(recs.map((r) => r.number.replace(/[a-z]$/, "")))];
  const subs = recs.filter((r) => /[a-z]$/.test(r.number)).map((r) => r.number);
  const range = parents.length > 1 ? ` (${parents[0]} to ${parents[parents.length - 1]}${subs.length ? `, with ${subs.join(", ")}` : ""})` : "";
  throw new LayoutError(
    `The sheet '${found.sheet.name}' holds ${parents.length} recommendation${parents.length === 1 ? "" : "s"} written as report text${range}, ` +
      `but no responses yet. Make the response matrix from them (command line: response-matrix template --out book.xlsx ` +
      `--recommendations-from <text file>), fill in whom each is addressed to, and collect each unit's answers in it.`,
  );
}
