/**
 * The Section 0 summary sheet as data (SPEC section 6): title block, acceptance matrix with its column totals and
 * legend, the counts per recommendation, implementation block (latest status, then each follow-up period), and a
 * stacked-bar chart; sized and set up to print on A4 landscape, in English or French.
 * The shells only write what this returns, so the task pane and the CLI produce the same sheet.
 *
 * Layout (rows 1-based, as Excel shows them):
 *   1    `Section 0 – Summary of response`
 *   2–4  Evaluation, Generated (date and time), As of
 *   6    matrix header: Recommendation | one column per division or unit
 *   7…   one row per recommendation (number and first sentence), then under the division columns the counts
 *        `Units that accepted` … `Units with no response` and the `Acceptance rate` of each column; then the legend
 *   then the table `Units by answer, per recommendation` (a row per recommendation and `All recommendations`), the
 *   chart of those counts, the implementation block and one block per follow-up period (when the form has status columns).
 * The counts of findings sit to the right of the title block, outside the print area, saying so.
 */

import { serialFromTimestamp } from "../dates";
import type { CellValue, MergedRange } from "../grid";
import { hasStatusColumns } from "../matrix";
import type { Finding, Recommendation, Response, ResponseMatrix } from "../model";
import { countBySeverity } from "../severity";
import {
  POINTS_PER_WIDTH, PRINTED_POINTS_PER_WIDTH, PRINT_MARGINS, SHEET_FONT, blockPageBreaks, printScale, printableHeight, shareSpare,
  printableWidth, rowHeightOf, widthForText, wrappedRowHeights, type CellStyle, type ChartSpec, type SheetSpec, type StyledRange,
} from "../sheet-spec";
import { textWidth, widestWord } from "../text-measure";
import { ANSWERS, type Answer } from "../vocabulary";
import {
  ANSWER_STYLES, CHART_COLORS, acceptanceCellText, acceptanceRate, answerOf, colourAnswer, firstResponses, noAnswers,
  recommendationLabel, summaryColumns, type AnswerCounts,
} from "./acceptance";
import {
  IMPLEMENTATION_COLUMNS, implementedRate, latestStatusColumn, noStatuses, periodStatusColumn, type ImplementationColumn,
  type StatusCounts,
} from "./implementation";
import { SUMMARY_SHEET_NAME } from "./sheet-name";
import { periodText, summaryWords, type SummaryLanguage, type SummaryWords } from "./words";

export * from "./acceptance";
export * from "./implementation";
export * from "./sheet-name";
export * from "./words";
export { headerLanguage } from "./language";
export { valueAt, styleAt } from "./cells";

export interface SummaryOptions {
  by: "division" | "unit";
  /** When the summary was generated: `YYYY-MM-DDTHH:MM` local time (or a date alone). */
  generated: string;
  /** Language of every word the sheet writes (default English). */
  language?: SummaryLanguage;
}

export const SUMMARY_TITLE = summaryWords("en").title;
/** 0-based row of the matrix header (Excel row 6). */
export const MATRIX_HEADER_ROW = 5;
/** Shown where a rate has nothing to divide by (no unit addressed, nothing accepted). */
export const NO_RATE = "–";
/** No text of the printed sheet may print smaller than this, in points. */
export const MIN_PRINTED_POINTS = 8;

const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", fontColor: "#000000", wrap: true, vertical: "middle", horizontal: "center" };
const TITLE_SIZE = 14;
const DATE_FORMAT = "yyyy-mm-dd";
const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
const PERCENT_FORMAT = "0%";

/** Where the blocks of the summary sit, 0-based rows, for `n` recommendations (the writers' and the tests' one map). */
export function section0Layout(n: number) {
  const header = MATRIX_HEADER_ROW;
  const firstRec = header + 1;
  const firstFooter = firstRec + n;
  const rateRow = firstFooter + ANSWERS.length;
  const legendTitle = rateRow + 2;
  const legendRows = summaryWords("en").legend.length;
  const countsTitle = legendTitle + legendRows + 2;
  const countsHeader = countsTitle + 1;
  const countsFirst = countsHeader + 1;
  const countsTotal = countsFirst + n;
  return { header, firstRec, firstFooter, rateRow, legendTitle, countsTitle, countsHeader, countsFirst, countsTotal, next: countsTotal + 2 };
}

/** Cells and styles filled in as the layout goes down the sheet. */
class SheetDraft {
  readonly rows: CellValue[][] = [];
  readonly styles: StyledRange[] = [];
  /** Rows holding a block title in column A, to span the printed width. */
  readonly titleRows: number[] = [];
  /** The blocks (title to last row) that should each start on a page that holds them. */
  readonly blocks: { top: number; bottom: number }[] = [];

  set(row: number, col: number, value: CellValue): void {
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row][col] = value;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    if (bottom >= top && right >= left) this.styles.push({ range: { top, left, bottom, right }, style });
  }

  /** A block's title: bold, in column A, spanning the printed width when the sheet is finished. */
  title(row: number, text: string): void {
    this.set(row, 0, text);
    this.style(row, 0, row, 0, { bold: true });
    this.titleRows.push(row);
  }

  /** The rows, rectangular, "" where nothing was written. */
  cells(width: number): CellValue[][] {
    return this.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  }
}

/** A rate as a number formatted `0%`, or `–` when there is nothing to divide by. */
function rateCell(draft: SheetDraft, row: number, col: number, rate: number | null): void {
  draft.set(row, col, rate ?? NO_RATE);
  draft.style(row, col, row, col, { numberFormat: PERCENT_FORMAT, horizontal: "center" });
}

/** A table's frame: borders and wrapping over it, the filled header, left-aligned labels, centred numbers, a bold last row. */
function tableStyle(draft: SheetDraft, header: number, last: number, right: number, boldLast: boolean): void {
  draft.style(header, 0, last, right, { border: true, wrap: true, vertical: "top" });
  draft.style(header, 0, header, right, HEADER_STYLE);
  draft.style(header, 0, header, 0, { horizontal: "left" });
  draft.style(header + 1, 1, last, right, { horizontal: "center" });
  if (boldLast) draft.style(last, 0, last, 0, { bold: true });
}

/** Recommendations in sheet order, each number once (a repeated number is the same recommendation to the responses). */
function distinctRecommendations(matrix: ResponseMatrix): Recommendation[] {
  const seen = new Set<string>();
  return matrix.recommendations.filter((r) => !seen.has(r.number) && seen.add(r.number));
}

/** The Section 0 summary sheet of a matrix, as data. */
export function section0Summary(matrix: ResponseMatrix, findings: readonly Finding[], options: SummaryOptions): SheetSpec {
  const words = summaryWords(options.language ?? "en");
  const draft = new SheetDraft();
  const columns = summaryColumns(matrix.units, options.by);
  const recs = distinctRecommendations(matrix);
  const responseOf = firstResponses(matrix);
  const at = section0Layout(recs.length);

  // Title block
  draft.set(0, 0, words.title);
  draft.style(0, 0, 0, 0, { bold: true, fontSize: TITLE_SIZE });
  const generated = serialFromTimestamp(options.generated);
  const titleRows: [string, CellValue, string | undefined][] = [
    [words.evaluation, matrix.title, undefined],
    [words.generated, generated ?? options.generated, DATE_TIME_FORMAT],
    [words.asOf, matrix.asOf, DATE_FORMAT],
  ];
  titleRows.forEach(([label, value, numberFormat], i) => {
    draft.set(1 + i, 0, label);
    draft.set(1 + i, 1, value);
    draft.style(1 + i, 1, 1 + i, 1, { horizontal: "left", vertical: "top", ...(numberFormat ? { numberFormat } : {}) });
  });
  draft.style(1, 0, titleRows.length, 0, { bold: true, vertical: "top" });

  // Acceptance matrix, its column totals below it
  const { header, firstRec, firstFooter, rateRow } = at;
  const lastMatrixCol = columns.length;
  draft.set(header, 0, words.recommendation);
  columns.forEach((c, i) => draft.set(header, 1 + i, c.label));
  tableStyle(draft, header, rateRow, lastMatrixCol, false);
  draft.style(firstRec, 1, at.firstFooter - 1, lastMatrixCol, { horizontal: "left" });
  draft.style(firstFooter, 0, rateRow, 0, { bold: true });

  const columnTotals = columns.map(() => noAnswers());
  const recTotals = recs.map(() => noAnswers());
  recs.forEach((rec, r) => {
    const row = firstRec + r;
    draft.set(row, 0, recommendationLabel(rec, words));
    const addressedTo = new Set(rec.addressedTo);
    columns.forEach((column, c) => {
      const addressed = column.units
        .filter((u) => addressedTo.has(u))
        .map((code) => ({ code, answer: answerOf(responseOf(rec.number, code)) }));
      for (const { answer } of addressed) {
        recTotals[r][answer]++;
        columnTotals[c][answer]++;
      }
      draft.set(row, 1 + c, acceptanceCellText(addressed, words));
      const colour = colourAnswer(addressed.map((u) => u.answer));
      if (colour) draft.style(row, 1 + c, row, 1 + c, ANSWER_STYLES[colour]);
    });
  });
  ANSWERS.forEach((a, i) => {
    draft.set(firstFooter + i, 0, words.unitsThat[a]);
    columnTotals.forEach((t, c) => draft.set(firstFooter + i, 1 + c, t[a]));
  });
  draft.set(rateRow, 0, words.acceptanceRate);
  columnTotals.forEach((t, c) => rateCell(draft, rateRow, 1 + c, acceptanceRate(t)));

  // Legend: what the fills mean, each line filled as the cells it explains
  draft.title(at.legendTitle, words.legendTitle);
  words.legend.forEach((entry, i) => {
    const row = at.legendTitle + 1 + i;
    draft.set(row, 0, entry.text);
    draft.style(row, 0, row, 0, { border: true, wrap: true, vertical: "top", ...(entry.fill ? ANSWER_STYLES[entry.fill] : {}) });
  });

  draft.blocks.push({ top: 0, bottom: rateRow }, { top: at.legendTitle, bottom: at.legendTitle + words.legend.length });

  // Counts per recommendation: the chart's data
  countsTable(draft, at, recs, recTotals, words);
  draft.blocks.push({ top: at.countsTitle, bottom: at.countsTotal });

  // The chart of those counts right under them; its columns are known once the widths are
  const chartRows = recs.length ? { top: at.next, bottom: at.next + chartHeightRows(recs.length) } : null;
  if (chartRows) draft.blocks.push(chartRows);

  // Implementation block: latest status, then one block per follow-up period. A form with no status
  // information at all gets none (it would only say "No status" everywhere).
  let next = chartRows ? chartRows.bottom + 2 : at.next;
  if (hasStatusColumns(matrix)) {
    // A follow-up period gets a block once any unit has reported on it; an all-blank column would say only "No status".
    const reported = (col: number) => matrix.responses.some((r) => r.statuses.some((s) => s.column.col === col && s.reading.kind !== "blank"));
    const blocks: { title: string; columnOf: (response: Response) => ImplementationColumn }[] = [
      { title: words.latestStatusTitle, columnOf: latestStatusColumn },
      ...matrix.statusColumns
        .filter((s) => s.role === "followUp" && reported(s.col))
        .map((sc) => ({
          title: words.followUpTitle(sc.period ? periodText(sc.period, words) : sc.header),
          columnOf: (r: Response) => periodStatusColumn(r, sc.col),
        })),
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
      const last = statusBlock(draft, next, block.title, recs, counts.map((ofRec) => ofRec[b]), words);
      draft.blocks.push({ top: next, bottom: last });
      next = last + 2;
    });
  }

  // Block titles span the printed width, wrapped, so none runs off the page
  const lastCol = Math.max(lastMatrixCol, ANSWERS.length + 1, hasStatusColumns(matrix) ? IMPLEMENTATION_COLUMNS.length + 1 : 0);
  // and the title block's values take the whole width beside their labels
  const valueRows = titleRows.map((_, i) => 1 + i);
  const merges = [...valueRows, ...draft.titleRows].map((r) => ({ top: r, left: r <= titleRows.length ? 1 : 0, bottom: r, right: lastCol }));
  for (const m of merges) draft.style(m.top, m.left, m.top, m.right, { wrap: true, vertical: "top" });

  // Checks for the office, to the right of the title block, outside the print area
  const checksCol = lastCol + 2;
  const tally = countBySeverity(findings);
  draft.set(0, checksCol, words.checksTitle);
  draft.style(0, checksCol, 0, checksCol, { bold: true });
  (["error", "warning", "info"] as const).forEach((severity, i) => {
    draft.set(1 + i, checksCol, words.severities[severity]);
    draft.set(1 + i, checksCol + 1, tally[severity]);
  });

  const width = checksCol + 2;
  const cells = draft.cells(width);
  const spannedRows = new Set(merges.map((m) => m.top));
  const fitted = printWidths(cells, draft.styles, lastCol, header, spannedRows, options.by);
  const columnWidths = [...fitted.widths, 2, widthForText(textWidth(words.severities.warning, SHEET_FONT.size, true)), 8];
  const chart = chartRows ? acceptanceChart(at, recs.length, chartRows, columnWidths, lastCol, words) : undefined;
  const rowHeights = wrappedRowHeights({ cells, styles: draft.styles, columnWidths, merges, font: SHEET_FONT });
  const bottom = Math.max(cells.length - 1, chart?.anchor.bottom ?? 0);

  // The matrix with its totals on one page when it can be, still printing no text below the limit; else its
  // header row repeats on every page
  let scale = fitted.scale;
  let matrixHeight = 0;
  for (let r = 0; r <= rateRow; r++) matrixHeight += rowHeightOf(rowHeights, r);
  const repeatHeader = matrixHeight > printableHeight(scale) && matrixHeight > printableHeight(minScale());
  if (!repeatHeader && matrixHeight > printableHeight(scale)) scale = Math.floor((printableHeight(100) / matrixHeight) * 100);
  const pageHeight = printableHeight(scale) - (repeatHeader ? rowHeightOf(rowHeights, header) : 0);

  return {
    name: SUMMARY_SHEET_NAME,
    cells,
    styles: draft.styles,
    merges,
    columnWidths,
    rowHeights,
    freezeRows: header + 1,
    font: SHEET_FONT,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      scale,
      margins: PRINT_MARGINS,
      area: { top: 0, left: 0, bottom, right: lastCol },
      pageBreaks: blockPageBreaks(draft.blocks, rowHeights, pageHeight),
      // The first column on every page across, when the sheet is wider than a page
      ...(repeatHeader ? { repeatRows: { first: header, last: header } } : {}),
      ...(fitted.oneWide ? {} : { repeatColumns: { first: 0, last: 0 } }),
    },
    chart,
  };
}

/** The smallest print scale (percent) at which the sheet's font still prints at MIN_PRINTED_POINTS. */
function minScale(): number {
  return Math.ceil((MIN_PRINTED_POINTS / SHEET_FONT.size) * 100);
}

/** Points of text room a column would like, beyond its widest word: the label column reads best about 45 characters wide. */
const PREFERRED = { label: 240, division: 110, unit: 80 };
/** The label column never narrower than this (points), so labels do not run to many lines. */
const MIN_LABEL = 130;

/**
 * Column widths and print scale: each column as wide as its widest word (headers never break inside a word) and
 * no narrower than its widest number; then, while the page has room, the label and matrix columns widen towards
 * their preferred width. The scale fits the columns on one page wide unless that would print text below
 * MIN_PRINTED_POINTS: then it stays at that limit and the sheet prints on several pages wide.
 */
function printWidths(
  cells: CellValue[][], styles: readonly StyledRange[], lastCol: number, header: number, spanned: ReadonlySet<number>,
  by: "division" | "unit",
): { widths: number[]; scale: number; oneWide: boolean } {
  const size = SHEET_FONT.size;
  const bold = new Set<string>();
  for (const { range, style } of styles) {
    if (style.bold === undefined) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= Math.min(range.right, lastCol); c++) {
        if (style.bold) bold.add(`${r},${c}`);
        else bold.delete(`${r},${c}`);
      }
    }
  }
  const least: number[] = Array.from({ length: lastCol + 1 }, (_, c) => (c === 0 ? MIN_LABEL : 0));
  const natural = [...least];
  cells.forEach((row, r) => {
    // The title block (rows above the matrix) overflows or is merged; spanned rows share the whole width
    if (r < header || spanned.has(r)) return;
    for (let c = 0; c <= lastCol; c++) {
      const v = row[c];
      if (v === "" || v === undefined) continue;
      const text = typeof v === "number" && v > 0 && v < 1 ? "100%" : String(v);
      const b = bold.has(`${r},${c}`);
      least[c] = Math.max(least[c], widestWord(text, size, b));
      natural[c] = Math.max(natural[c], textWidth(text, size, b));
    }
  });
  const preferred = (c: number) => (c === 0 ? PREFERRED.label : PREFERRED[by]);
  // In width units: each column holds its widest word (in Excel's narrower unit), the page counts the wider one
  const widths = least.map((p) => widthForText(p));
  const spare = (printableWidth() * 0.98) / PRINTED_POINTS_PER_WIDTH - widths.reduce((a, b) => a + b, 0);
  shareSpare(widths, widths.map((w, c) => Math.max(0, widthForText(Math.min(natural[c], Math.max(least[c], preferred(c)))) - w)), spare);
  const total = widths.reduce((a, w) => a + w * PRINTED_POINTS_PER_WIDTH, 0);
  const { scale, oneWide } = printScale(total, minScale());
  return { widths, scale, oneWide };
}

/** `Units by answer, per recommendation`: the counts of each recommendation's addressed units, then all of them. */
function countsTable(draft: SheetDraft, at: ReturnType<typeof section0Layout>, recs: readonly Recommendation[], totals: readonly AnswerCounts[], words: SummaryWords): void {
  const rateCol = ANSWERS.length + 1;
  draft.title(at.countsTitle, words.unitsByRecommendation);
  draft.set(at.countsHeader, 0, words.recommendation);
  ANSWERS.forEach((a, i) => draft.set(at.countsHeader, 1 + i, words.unitsThat[a]));
  draft.set(at.countsHeader, rateCol, words.acceptanceRate);
  const all = noAnswers();
  recs.forEach((rec, r) => {
    const row = at.countsFirst + r;
    draft.set(row, 0, words.recommendationNo(rec.number));
    ANSWERS.forEach((a, i) => {
      draft.set(row, 1 + i, totals[r][a]);
      all[a] += totals[r][a];
    });
  });
  draft.set(at.countsTotal, 0, words.allRecommendations);
  ANSWERS.forEach((a, i) => draft.set(at.countsTotal, 1 + i, all[a]));
  tableStyle(draft, at.countsHeader, at.countsTotal, rateCol, true);
  recs.forEach((_, r) => rateCell(draft, at.countsFirst + r, rateCol, acceptanceRate(totals[r])));
  rateCell(draft, at.countsTotal, rateCol, acceptanceRate(all));
}

/** Rows the chart takes for `n` recommendations: a bar of about 26 points each, plus title, axis and legend. */
function chartHeightRows(n: number): number {
  return Math.min(28, Math.max(14, Math.ceil((90 + 26 * n) / 15)));
}

/** Stacked bars of the four answer counts per recommendation (the counts table), under that table, about as wide as the page. */
function acceptanceChart(
  at: ReturnType<typeof section0Layout>, n: number, place: { top: number; bottom: number }, widths: readonly number[], lastCol: number,
  words: SummaryWords,
): ChartSpec {
  const rows = (col: number): MergedRange => ({ top: at.countsFirst, left: col, bottom: at.countsFirst + n - 1, right: col });
  // As many columns as make about 600 points (a chart that reads well, within the printed width)
  let right = 0;
  for (let used = widths[0] * POINTS_PER_WIDTH; right < lastCol && used + widths[right + 1] * POINTS_PER_WIDTH <= 600; right++) {
    used += widths[right + 1] * POINTS_PER_WIDTH;
  }
  return {
    kind: "barStacked",
    title: words.chartTitle,
    categories: rows(0),
    series: ANSWERS.map((a: Answer, i) => ({ name: words.answers[a], values: rows(1 + i), color: CHART_COLORS[a] })),
    anchor: { top: place.top, left: 0, bottom: place.bottom, right },
  };
}

/**
 * One status table: per recommendation, the status counts of its addressed units that accepted or partially accepted
 * (`counts[i]` for `recs[i]`), then a Total row. Returns its last row.
 */
function statusBlock(
  draft: SheetDraft, top: number, title: string, recs: readonly Recommendation[], counts: readonly StatusCounts[], words: SummaryWords,
): number {
  const rateCol = 1 + IMPLEMENTATION_COLUMNS.length;
  const header = top + 1;
  draft.title(top, title);
  draft.set(header, 0, words.recommendation);
  IMPLEMENTATION_COLUMNS.forEach((c, i) => draft.set(header, 1 + i, words.statuses[c]));
  draft.set(header, rateCol, words.implemented);
  const total = noStatuses();
  const rateCells: [number, number | null][] = [];
  recs.forEach((rec, r) => {
    const row = header + 1 + r;
    for (const c of IMPLEMENTATION_COLUMNS) total[c] += counts[r][c];
    draft.set(row, 0, recommendationLabel(rec, words));
    IMPLEMENTATION_COLUMNS.forEach((c, i) => draft.set(row, 1 + i, counts[r][c]));
    rateCells.push([row, implementedRate(counts[r])]);
  });
  const totalRow = header + 1 + recs.length;
  draft.set(totalRow, 0, words.total);
  IMPLEMENTATION_COLUMNS.forEach((c, i) => draft.set(totalRow, 1 + i, total[c]));
  rateCells.push([totalRow, implementedRate(total)]);
  tableStyle(draft, header, totalRow, rateCol, true);
  for (const [row, rate] of rateCells) rateCell(draft, row, rateCol, rate);
  return totalRow;
}
