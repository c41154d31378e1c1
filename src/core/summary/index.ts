/**
 * The Section 0 summary sheet as data (SPEC section 6): title block, acceptance matrix with totals,
 * implementation block (latest status, then each follow-up period), and a stacked-bar chart.
 * The shells only write what this returns, so the task pane and the CLI produce the same sheet.
 *
 * Layout (rows 1-based, as Excel shows them):
 *   1  `Section 0 – Summary of response`
 *   2–7  Evaluation, Generated, As of (dates as serial numbers with a `yyyy-mm-dd` format), Errors, Warnings, Notes (the severity words of core/severity.ts)
 *   9  matrix header: Recommendation | one column per division or unit | Accepted | Partially accepted | Rejected | No response | Acceptance rate
 *   10…  one row per recommendation, then rows `Total accepted` … `Total no response` and `Acceptance rate` per column;
 *        where a total row meets its own total column the cell holds the overall total (the sum of that row and of that column)
 *   then, after a blank row, the implementation block and one block per follow-up period (when the form has status
 *   columns), each with a header row, a row per recommendation and a Total row; then the chart, one blank row below.
 */

import { serialFromIso } from "../dates";
import type { CellValue, MergedRange } from "../grid";
import { hasStatusColumns } from "../matrix";
import type { Finding, Recommendation, Response, ResponseMatrix } from "../model";
import { wrappedRowHeights, type CellStyle, type ChartSpec, type SheetSpec, type StyledRange } from "../sheet-spec";
import { ANSWERS, type Answer } from "../vocabulary";
import {
  ANSWER_STYLES, CHART_COLORS, acceptanceCellText, acceptanceRate, answerOf, firstResponses, noAnswers,
  recommendationLabel, summaryColumns, worstAnswer,
} from "./acceptance";
import {
  IMPLEMENTATION_COLUMNS, implementedRate, latestStatusColumn, noStatuses, periodStatusColumn, type ImplementationColumn,
  type StatusCounts,
} from "./implementation";
import { SUMMARY_SHEET_NAME } from "./sheet-name";

export * from "./acceptance";
export * from "./implementation";
export * from "./sheet-name";
export { valueAt, styleAt } from "./cells";

export interface SummaryOptions {
  by: "division" | "unit";
  /** ISO date YYYY-MM-DD. */
  generated: string;
}

export const SUMMARY_TITLE = "Section 0 – Summary of response";
/** 0-based row of the matrix header (Excel row 9). */
export const MATRIX_HEADER_ROW = 8;
/** Shown where a rate has nothing to divide by (no unit addressed, nothing accepted). */
export const NO_RATE = "–";

const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", fontColor: "#000000", wrap: true, vertical: "middle", horizontal: "center" };
const DATE_FORMAT = "yyyy-mm-dd";
const PERCENT_FORMAT = "0%";
const WIDTH = { label: 45, division: 22, unit: 16, count: 10, rate: 12 };

/** Cells and styles filled in as the layout goes down the sheet. */
class SheetDraft {
  readonly rows: CellValue[][] = [];
  readonly styles: StyledRange[] = [];

  set(row: number, col: number, value: CellValue): void {
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row][col] = value;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    if (bottom >= top && right >= left) this.styles.push({ range: { top, left, bottom, right }, style });
  }

  /** The rows, rectangular, "" where nothing was written. */
  cells(): CellValue[][] {
    const width = Math.max(0, ...this.rows.map((r) => r.length));
    return this.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  }
}

/** A rate as a number formatted `0%`, or `–` when there is nothing to divide by. */
function rateCell(draft: SheetDraft, row: number, col: number, rate: number | null): void {
  draft.set(row, col, rate ?? NO_RATE);
  draft.style(row, col, row, col, { numberFormat: PERCENT_FORMAT, horizontal: "center" });
}

/** Recommendations in sheet order, each number once (a repeated number is the same recommendation to the responses). */
function distinctRecommendations(matrix: ResponseMatrix): Recommendation[] {
  const seen = new Set<string>();
  return matrix.recommendations.filter((r) => !seen.has(r.number) && seen.add(r.number));
}

/** The Section 0 summary sheet of a matrix, as data. */
export function section0Summary(matrix: ResponseMatrix, findings: readonly Finding[], options: SummaryOptions): SheetSpec {
  const draft = new SheetDraft();
  const columns = summaryColumns(matrix.units, options.by);
  const recs = distinctRecommendations(matrix);
  const responseOf = firstResponses(matrix);

  // Title block
  // Counted here rather than through validate.ts, so the summary does not pull in every rule.
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const generated = serialFromIso(options.generated);
  const titleRows: [string, CellValue][] = [
    ["Evaluation", matrix.title],
    ["Generated", generated ?? options.generated],
    ["As of", matrix.asOf],
    ["Errors", counts.error],
    ["Warnings", counts.warning],
    ["Notes", counts.info],
  ];
  draft.set(0, 0, SUMMARY_TITLE);
  draft.style(0, 0, 0, 0, { bold: true, fontSize: 14 });
  titleRows.forEach(([label, value], i) => {
    draft.set(1 + i, 0, label);
    draft.set(1 + i, 1, value);
  });
  draft.style(1, 0, titleRows.length, 0, { bold: true });
  draft.style(1, 1, titleRows.length, 1, { horizontal: "left" });
  draft.style(2, 1, 3, 1, { numberFormat: DATE_FORMAT });

  // Acceptance matrix
  const header = MATRIX_HEADER_ROW;
  const firstCount = 1 + columns.length;
  const rateCol = firstCount + ANSWERS.length;
  const firstRec = header + 1;
  draft.set(header, 0, "Recommendation");
  columns.forEach((c, i) => draft.set(header, 1 + i, c.label));
  ANSWERS.forEach((a, i) => draft.set(header, firstCount + i, a));
  draft.set(header, rateCol, "Acceptance rate");

  const firstTotal = firstRec + recs.length;
  const rateRow = firstTotal + ANSWERS.length;
  // Formatting first, so the answer fills and number formats written below win.
  draft.style(header, 0, rateRow, rateCol, { border: true, wrap: true, vertical: "top" });
  draft.style(header, 0, header, rateCol, HEADER_STYLE);
  draft.style(header, 0, header, 0, { horizontal: "left" });
  draft.style(firstRec, firstCount, rateRow, rateCol, { horizontal: "center" });
  draft.style(firstTotal, 0, rateRow, 0, { bold: true });
  draft.style(firstTotal, 1, rateRow, columns.length, { horizontal: "center" });

  const columnTotals = columns.map(() => noAnswers());
  const overall = noAnswers();
  recs.forEach((rec, r) => {
    const row = firstRec + r;
    const recCounts = noAnswers();
    draft.set(row, 0, recommendationLabel(rec));
    const addressedTo = new Set(rec.addressedTo);
    columns.forEach((column, c) => {
      const addressed = column.units
        .filter((u) => addressedTo.has(u))
        .map((code) => ({ code, answer: answerOf(responseOf(rec.number, code)) }));
      for (const { answer } of addressed) {
        recCounts[answer]++;
        columnTotals[c][answer]++;
        overall[answer]++;
      }
      draft.set(row, 1 + c, acceptanceCellText(addressed));
      const worst = worstAnswer(addressed.map((u) => u.answer));
      if (worst) draft.style(row, 1 + c, row, 1 + c, ANSWER_STYLES[worst]);
    });
    ANSWERS.forEach((a, i) => draft.set(row, firstCount + i, recCounts[a]));
    rateCell(draft, row, rateCol, acceptanceRate(recCounts));
  });

  ANSWERS.forEach((a, i) => {
    const row = firstTotal + i;
    draft.set(row, 0, `Total ${a.toLowerCase()}`);
    columnTotals.forEach((t, c) => draft.set(row, 1 + c, t[a]));
    for (let j = 0; j <= ANSWERS.length; j++) draft.set(row, firstCount + j, j === i ? overall[a] : "");
  });
  draft.set(rateRow, 0, "Acceptance rate");
  columnTotals.forEach((t, c) => rateCell(draft, rateRow, 1 + c, acceptanceRate(t)));
  for (let j = 0; j < ANSWERS.length; j++) draft.set(rateRow, firstCount + j, "");
  rateCell(draft, rateRow, rateCol, acceptanceRate(overall));

  // Implementation block: latest status, then one block per follow-up period. A form with no status
  // information at all gets none (it would only say "No status" everywhere).
  let next = rateRow + 2;
  if (hasStatusColumns(matrix)) {
    // A follow-up period gets a block once any unit has reported on it; an all-blank column would say only "No status".
    const reported = (col: number) => matrix.responses.some((r) => r.statuses.some((s) => s.column.col === col && s.reading.kind !== "blank"));
    const blocks: { title: string; columnOf: (response: Response) => ImplementationColumn }[] = [
      { title: "Implementation status of accepted and partially accepted recommendations (latest status)", columnOf: latestStatusColumn },
      ...matrix.statusColumns
        .filter((s) => s.role === "followUp" && reported(s.col))
        .map((sc) => ({ title: `Follow-up status: ${sc.period?.label ?? sc.header}`, columnOf: (r: Response) => periodStatusColumn(r, sc.col) })),
    ];
    // Every block's counts in one pass: each accepting row (first row of an addressed unit that accepted or
    // partially accepted, as in the matrix) is looked at once, not once per block
    const counts = recs.map((rec) => {
      const ofRec = blocks.map(() => noStatuses());
      for (const unit of rec.addressedTo) {
        const response = responseOf(rec.number, unit);
        const answer = answerOf(response);
        if (!response || (answer !== "Accepted" && answer !== "Partially accepted")) continue;
        blocks.forEach((block, b) => ofRec[b][block.columnOf(response)]++);
      }
      return ofRec;
    });
    blocks.forEach((block, b) => {
      next = statusBlock(draft, next, block.title, recs, counts.map((ofRec) => ofRec[b])) + 2;
    });
  }

  const cells = draft.cells();
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  const columnWidths = Array.from({ length: width }, (_, c) =>
    c === 0 ? WIDTH.label : c < firstCount ? (options.by === "unit" ? WIDTH.unit : WIDTH.division) : c < rateCol ? WIDTH.count : WIDTH.rate,
  );

  return {
    name: SUMMARY_SHEET_NAME,
    cells,
    styles: draft.styles,
    merges: [],
    columnWidths,
    rowHeights: wrappedRowHeights({ cells, styles: draft.styles, columnWidths }),
    freezeRows: header + 1,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: header, last: header } },
    chart: recs.length ? acceptanceChart(firstRec, recs.length, firstCount, next, Math.min(rateCol, 3)) : undefined,
  };
}

/** Stacked bars of the four answer counts per recommendation, below the tables. */
function acceptanceChart(firstRec: number, n: number, firstCount: number, top: number, right: number): ChartSpec {
  const rows = (col: number): MergedRange => ({ top: firstRec, left: col, bottom: firstRec + n - 1, right: col });
  return {
    kind: "barStacked",
    title: "Acceptance by recommendation (number of units)",
    categories: rows(0),
    series: ANSWERS.map((a: Answer, i) => ({ name: a, values: rows(firstCount + i), color: CHART_COLORS[a] })),
    anchor: { top, left: 0, bottom: top + Math.min(40, Math.max(15, 4 + 2 * n)), right },
  };
}

/**
 * One status table: per recommendation, the status counts of its addressed units that accepted or partially accepted
 * (`counts[i]` for `recs[i]`), then a Total row. Returns its last row.
 */
function statusBlock(draft: SheetDraft, top: number, title: string, recs: readonly Recommendation[], counts: readonly StatusCounts[]): number {
  const rateCol = 1 + IMPLEMENTATION_COLUMNS.length;
  const header = top + 1;
  draft.set(top, 0, title);
  draft.style(top, 0, top, 0, { bold: true });
  draft.set(header, 0, "Recommendation");
  IMPLEMENTATION_COLUMNS.forEach((c, i) => draft.set(header, 1 + i, c));
  draft.set(header, rateCol, "% implemented");
  const total = noStatuses();
  const rateCells: [number, number | null][] = [];
  recs.forEach((rec, r) => {
    const row = header + 1 + r;
    for (const c of IMPLEMENTATION_COLUMNS) total[c] += counts[r][c];
    draft.set(row, 0, recommendationLabel(rec));
    IMPLEMENTATION_COLUMNS.forEach((c, i) => draft.set(row, 1 + i, counts[r][c]));
    rateCells.push([row, implementedRate(counts[r])]);
  });
  const totalRow = header + 1 + recs.length;
  draft.set(totalRow, 0, "Total");
  IMPLEMENTATION_COLUMNS.forEach((c, i) => draft.set(totalRow, 1 + i, total[c]));
  rateCells.push([totalRow, implementedRate(total)]);

  draft.style(header, 0, totalRow, rateCol, { border: true, wrap: true, vertical: "top" });
  draft.style(header, 0, header, rateCol, HEADER_STYLE);
  draft.style(header, 0, header, 0, { horizontal: "left" });
  draft.style(header + 1, 1, totalRow, rateCol, { horizontal: "center" });
  draft.style(totalRow, 0, totalRow, 0, { bold: true });
  for (const [row, rate] of rateCells) rateCell(draft, row, rateCol, rate);
  return totalRow;
}
