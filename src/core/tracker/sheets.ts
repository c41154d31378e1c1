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
import { wrappedRowHeights, type CellStyle, type ChartSpec, type SheetSpec, type StyledRange } from "../sheet-spec";
import type { TrackerTable } from "./tables";

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
  date: { numberFormat: DATE_FORMAT, horizontal: "left" },
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
  const columnWidths = table.columns.map((c) => c.width);
  const rowHeights = wrappedRowHeights({ cells: rectangular, styles, columnWidths }).map((h) => Math.min(h, MAX_ROW_POINTS));

  return {
    name: table.sheet,
    cells: rectangular,
    styles,
    // The dates beside As of and Generated, over three columns: a narrow second column would show them as ###
    merges: width >= 4 ? [1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: 3 })) : [],
    columnWidths,
    rowHeights,
    freezeRows: header + 1,
    tables: [{ name: table.table, range: { top: header, left: 0, bottom: last, right: width - 1 } }],
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: header, last: header } },
  };
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
