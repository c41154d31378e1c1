/**
 * The tracker's sheets as data: each table under a title block (title, as-of and generated dates, the notes saying
 * how it is counted), as an Excel table with filters, printed as the Section 0 summary is (A4 landscape, all columns
 * on one page wide, the header row repeated on every page). The Evaluations sheet carries the chart of % implemented.
 *
 * Layout of each sheet (rows 1-based, as Excel shows them):
 *   1  the title;  2  As of;  3  Generated;  4…  one note per row;  then a blank row, the header row and the rows.
 */

import { serialFromIso } from "../dates";
import type { CellValue, MergedRange } from "../grid";
import {
  PRINT_MARGINS, PRINTED_POINTS_PER_WIDTH, SHEET_FONT, printableWidth, shareSpare, widthForText, wrappedRowHeights,
  type CellStyle, type ChartSpec, type SheetSpec, type StyledRange,
} from "../sheet-spec";
import { MIN_PRINTED_POINTS } from "../summary/index";
import { textWidth, widestWord } from "../text-measure";
import type { TrackerColumn, TrackerTable } from "./tables";

export const TRACKER_TITLE = "Recommendation tracker";
const DATE_FORMAT = "yyyy-mm-dd";
const PERCENT_FORMAT = "0%";
/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;
/** The chart's bar colour: Okabe–Ito bluish green, as Accepted in the summary's chart. */
const IMPLEMENTED_COLOR = "#009E73";

/** How a column's cells are shown, by kind. */
const COLUMN_STYLES: Record<TrackerTable["columns"][number]["kind"], CellStyle> = {
  text: { wrap: true },
  count: {},
  rate: { numberFormat: PERCENT_FORMAT },
  // a date written as text ("Q2 2024, once funded") wraps as a text column's cells do
  date: { numberFormat: DATE_FORMAT, horizontal: "left", wrap: true },
};

/** The 0-based row of a tracker sheet's header row. */
export function headerRow(table: Pick<TrackerTable, "notes">): number {
  return 3 + table.notes.length + 1;
}

export interface TrackerSheetOptions {
  /** ISO dates YYYY-MM-DD. */
  asOf: string;
  generated: string;
}

/** One table as a sheet. */
export function trackerSheet(table: TrackerTable, options: TrackerSheetOptions): SheetSpec {
  const header = headerRow(table);
  const first = header + 1;
  // An Excel table has at least one row under its header: an empty table keeps one blank row
  const last = header + Math.max(1, table.rows.length);
  const width = table.columns.length;
  const cells: CellValue[][] = [
    [`${TRACKER_TITLE} – ${table.title}`],
    ["As of", serialFromIso(options.asOf) ?? options.asOf],
    ["Generated", serialFromIso(options.generated) ?? options.generated],
    ...table.notes.map((n) => [n]),
    [],
    table.columns.map((c) => c.header),
    ...table.rows,
  ];
  while (cells.length <= last) cells.push([]);
  const rectangular = cells.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));

  const body = (left: number, right = left): MergedRange => ({ top: first, left, bottom: last, right });
  const styles: StyledRange[] = [
    { range: { top: 0, left: 0, bottom: 0, right: 0 }, style: { bold: true, fontSize: 14 } },
    { range: { top: 1, left: 0, bottom: 2, right: 0 }, style: { bold: true } },
    { range: { top: 1, left: 1, bottom: 2, right: 1 }, style: { numberFormat: DATE_FORMAT, horizontal: "left" } },
    { range: { top: 3, left: 0, bottom: 2 + table.notes.length, right: 0 }, style: { italic: true } },
    { range: { top: header, left: 0, bottom: header, right: width - 1 }, style: { bold: true, wrap: true, vertical: "top" } },
  ];
  // One style per column, so that each cell is styled once (a tracker can have tens of thousands of rows)
  table.columns.forEach((c, i) => styles.push({ range: body(i), style: { vertical: "top", ...COLUMN_STYLES[c.kind] } }));
  const columnWidths = fittedWidths(table.columns, table.rows);
  const rowHeights = wrappedRowHeights({ cells: rectangular, styles, columnWidths, font: SHEET_FONT }).map((h) => Math.min(h, MAX_ROW_POINTS));

  return {
    name: table.sheet,
    cells: rectangular,
    styles,
    // The dates beside As of and Generated, over three columns: a narrow second column would show them as ###
    merges: width >= 4 ? [1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: 3 })) : [],
    columnWidths,
    rowHeights,
    font: SHEET_FONT,
    freezeRows: header + 1,
    tables: [{ name: table.table, range: { top: header, left: 0, bottom: last, right: width - 1 } }],
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: header, last: header }, margins: PRINT_MARGINS },
  };
}

/** The widest the columns may be together (printed width units) for one page wide to print the text at MIN_PRINTED_POINTS or more. */
function trackerPageUnits(): number {
  return (printableWidth(PRINT_MARGINS) * 0.98 * SHEET_FONT.size) / MIN_PRINTED_POINTS / PRINTED_POINTS_PER_WIDTH;
}

/** How a number, date or rate of a column prints, for its width. */
function shown(v: CellValue, column: TrackerColumn): string {
  if (column.kind === "date" && typeof v === "number") return "2025-12-31";
  if (column.kind === "rate" && typeof v === "number") return "100%";
  return String(v);
}

/** The width (in points) that holds most of a column's texts on one line: the 9th of every 10, sorted by width, so that one long outlier does not take the page. */
function typicalWidth(widths: number[]): number {
  if (widths.length === 0) return 0;
  widths.sort((a, b) => a - b);
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.9))];
}

/**
 * Column widths fitted to what the columns hold, within one page wide at a readable print size: each column as
 * wide as its header's widest word (headers never break inside a word) and its widest number or date; then, while
 * the page has room, each text column widens towards the width that holds its texts on one line, first up to its
 * reading width (`column.width`), then beyond it for the columns whose texts are longer still. A column whose cells
 * are all blank stays as narrow as its header, and leaves its room to the columns with long texts.
 */
function fittedWidths(columns: readonly TrackerColumn[], rows: readonly CellValue[][]): number[] {
  const size = SHEET_FONT.size;
  const least = columns.map((c) => widestWord(c.header, size, true));
  const natural = [...least];
  columns.forEach((column, i) => {
    const lengths: number[] = [];
    for (const row of rows) {
      const v = row[i];
      if (v === "" || v === undefined || v === null) continue;
      const text = shown(v, column);
      const points = textWidth(text, size);
      // A number or date never wraps: its column holds it. A text's words should not break either, up to the column's reading width
      if (typeof v === "number") least[i] = Math.max(least[i], points);
      else least[i] = Math.max(least[i], Math.min(widestWord(text, size), column.width * PRINTED_POINTS_PER_WIDTH));
      lengths.push(points);
    }
    natural[i] = Math.max(least[i], typicalWidth(lengths));
  });
  const widths = least.map((p) => widthForText(p));
  let spare = trackerPageUnits() - widths.reduce((a, b) => a + b, 0);
  // Up to each column's reading width, then up to the width of its texts: each step shares what room is left
  for (const cap of [(i: number) => Math.min(natural[i], columns[i].width * PRINTED_POINTS_PER_WIDTH), (i: number) => natural[i]]) {
    spare = shareSpare(widths, widths.map((w, i) => Math.max(0, widthForText(cap(i)) - w)), spare);
  }
  return widths;
}

/**
 * Clustered bars of % implemented, one per evaluation (the Evaluations table's `Evaluation` and `% implemented`
 * columns), under the table. A workbook that could not be read has its label and no bar.
 */
export function implementedChart(table: TrackerTable): ChartSpec | undefined {
  const labelCol = table.columns.findIndex((c) => c.header === "Evaluation");
  const rateCol = table.columns.findIndex((c) => c.header === "% implemented");
  if (table.rows.length === 0 || labelCol < 0 || rateCol < 0) return undefined;
  const first = headerRow(table) + 1;
  const last = first + table.rows.length - 1;
  const column = (col: number): MergedRange => ({ top: first, left: col, bottom: last, right: col });
  const top = last + 2;
  return {
    kind: "bar",
    title: "% implemented by evaluation (implemented ÷ accepted or partially accepted)",
    categories: column(labelCol),
    series: [{ name: "% implemented", values: column(rateCol), color: IMPLEMENTED_COLOR }],
    anchor: { top, left: 0, bottom: top + Math.min(60, Math.max(15, 4 + 2 * table.rows.length)), right: Math.min(7, table.columns.length - 1) },
  };
}
