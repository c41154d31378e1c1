/**
 * Recommendations pasted as report text (SPEC 3.5): a sheet whose one column holds numbered paragraphs, a line
 * or a paragraph per cell. It is recognised so that the user is told what it is and what to do with it, but it
 * holds no responses yet: reading it explains, with the recommendations found, how to make the response matrix
 * from them. (A matrix with no units would validate with no findings, as if every answer were in.)
 */

import { cellAt, isBlank, type Sheet, type Workbook } from "../grid";
import { numberedParagraph, recommendationsFromText, type TextRecommendation } from "../report-text";
import { displayText } from "../text";
import type { Block } from "./blocks";
import { type Layout, workbookScore } from "./layout";

export const LAYOUT_ID = "report-text";
export const LAYOUT_NAME = "recommendations as report text";

/** The column holding nearly all of the filled cells of rows `[top, end)`, or null. */
function textColumn(sheet: Sheet, top: number, end: number): number | null {
  const counts: number[] = [];
  let filled = 0;
  for (let r = top; r < Math.min(sheet.rows.length, end); r++) {
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
function columnText(sheet: Sheet, col: number, top = 0, end = sheet.rows.length): string {
  const cells: string[] = [];
  for (let r = top; r < Math.min(sheet.rows.length, end); r++) cells.push(displayText(cellAt(sheet, r, col)));
  const numbered = cells.filter((c) => numberedParagraph(c) !== null);
  const paragraphs = numbered.filter((c) => /[.;:!?]["”’)]?$/.test(c)).length * 2 > numbered.length;
  return cells.join(paragraphs ? "\n\n" : "\n");
}

/** The recommendations a column of a sheet holds as report text (the task pane's "from the selected column"). */
export function recommendationsInColumn(sheet: Sheet, col: number): TextRecommendation[] {
  return recommendationsFromText(columnText(sheet, col));
}

/** The recommendations of loose rows whose one column holds at least two numbered paragraphs, with that column. */
function textOf(block: Block): { col: number; recommendations: TextRecommendation[] } | null {
  if (block.shape !== "loose") return null;
  const col = textColumn(block.sheet, block.top, block.end);
  if (col === null) return null;
  const recommendations = recommendationsFromText(columnText(block.sheet, col, block.top, block.end));
  return recommendations.length >= 2 ? { col, recommendations } : null;
}

/**
 * Loose rows holding numbered recommendations in one column: a modest score, as any table of responses elsewhere
 * in the workbook is the better reading. Read, they give no answers but the sentence saying what to do.
 */
export const reportText: Layout = {
  id: LAYOUT_ID,
  name: LAYOUT_NAME,
  blockName: "recommendations as report text",
  classify: (block) => (textOf(block) ? 0.4 : 0),
  read(block) {
    const recs = textOf(block)?.recommendations ?? [];
    const parents = [...new Set(recs.map((r) => r.number.replace(/[a-z]$/, "")))];
    const subs = recs.filter((r) => /[a-z]$/.test(r.number)).map((r) => r.number);
    const range = parents.length > 1 ? ` (${parents[0]} to ${parents[parents.length - 1]}${subs.length ? `, with ${subs.join(", ")}` : ""})` : "";
    return {
      part: "text",
      recommendations: parents.length,
      sentence:
        `The sheet '${block.sheet.name}' holds ${parents.length} recommendation${parents.length === 1 ? "" : "s"} written as report text${range}, ` +
        `but no responses yet. Make the response matrix from them (command line: response-matrix template --out book.xlsx ` +
        `--recommendations-from <text file>), fill in whom each is addressed to, and collect each unit's answers in it.`,
    };
  },
};

/** How well the workbook matches: 0.4 when loose rows of it hold recommendations as report text. */
export function detectReportText(workbook: Workbook): number {
  return workbookScore(reportText, workbook);
}
