/**
 * The canonical workbook of SPEC section 2 as sheets to write: `Units`, `Recommendations` and `Responses`,
 * each an Excel table with a bold, frozen header row and dropdowns on the columns with a fixed vocabulary.
 * "Create template" (task pane) and `response-matrix template` (CLI) both write these.
 */

import type { CellValue, MergedRange } from "./grid";
import { SHEET_FONT, cellRange, wrappedRowHeights, type CellStyle, type DropdownSpec, type SheetSpec, type StyledRange } from "./sheet-spec";
import { ACCEPTANCES, STATUSES } from "./vocabulary";
import { EXAMPLE_RECOMMENDATIONS, EXAMPLE_RESPONSES, EXAMPLE_TITLE, EXAMPLE_UNITS } from "./example/seed002";

export const PRIORITIES = ["Critical", "Important", "High", "Medium", "Low"] as const;

/** A column of a template table: header, width in characters, and what its cells take. */
interface Column {
  header: string;
  width: number;
  /** Long text: wrapped. */
  wrap?: boolean;
  numberFormat?: string;
  dropdown?: { values: readonly string[]; prompt: string };
}

const TEXT = "@";
const DATE = "yyyy-mm-dd";

const acceptanceList = { values: ACCEPTANCES, prompt: "Choose Accepted, Partially accepted, Rejected, No response or Not applicable." };
const statusList = { values: STATUSES, prompt: "Choose Not started, Planned, Under implementation, Implemented or Not implemented." };

export const UNITS_COLUMNS: readonly Column[] = [
  { header: "Code", width: 12 },
  { header: "Name", width: 50, wrap: true },
  { header: "Division", width: 38, wrap: true },
  { header: "Aliases", width: 20 },
];

export const RECOMMENDATIONS_COLUMNS: readonly Column[] = [
  { header: "No.", width: 7, numberFormat: TEXT },
  { header: "Recommendation", width: 80, wrap: true },
  { header: "Priority", width: 12, dropdown: { values: PRIORITIES, prompt: "Choose Critical, Important, High, Medium or Low." } },
  { header: "Category", width: 16 },
  { header: "Addressed to", width: 48, wrap: true },
];

/**
 * Responses: one row per recommendation and unit. Beyond the required No., Unit and Acceptance, the form's
 * columns (planned action, budget, status) plus what follow-up needs: Responsible and Target date (UN
 * evaluation guidance asks for both), three follow-up statuses at 6 months, 1 year and 2 years (as seed 002),
 * Comments (why a recommendation is only partially accepted or rejected), Evidence (what shows an action is
 * implemented) and Response date (from which the follow-ups fall due).
 */
export const RESPONSES_COLUMNS: readonly Column[] = [
  { header: "No.", width: 7, numberFormat: TEXT },
  { header: "Unit", width: 10 },
  { header: "Acceptance", width: 20, dropdown: acceptanceList },
  { header: "Planned action", width: 60, wrap: true },
  { header: "Responsible", width: 22, wrap: true },
  { header: "Budget", width: 20, wrap: true },
  { header: "Target date", width: 13, numberFormat: DATE },
  { header: "Status", width: 22, dropdown: statusList },
  { header: "Status at 6 months", width: 22, dropdown: statusList },
  { header: "Status at 1 year", width: 22, dropdown: statusList },
  { header: "Status at 2 years", width: 22, dropdown: statusList },
  { header: "Comments", width: 40, wrap: true },
  { header: "Evidence", width: 30, wrap: true },
  { header: "Response date", width: 14, numberFormat: DATE },
];

/** Rows a table gets when it has no data, so that the table and its dropdowns exist. */
export const EMPTY_ROWS = 5;

const HEADER_STYLE: CellStyle = { bold: true, wrap: true, vertical: "top" };

/** One table sheet: `above` rows (labels) then the header row and the data rows. */
function tableSheet(name: string, tableName: string, columns: readonly Column[], data: CellValue[][], above: CellValue[][] = []): SheetSpec {
  const headerRow = above.length;
  const rows = data.length ? data : Array.from({ length: EMPTY_ROWS }, () => columns.map(() => "" as CellValue));
  const last = headerRow + rows.length;
  const right = columns.length - 1;
  const column = (c: number): MergedRange => ({ top: headerRow + 1, left: c, bottom: last, right: c });

  const styles: StyledRange[] = [
    { range: { top: headerRow + 1, left: 0, bottom: last, right }, style: { vertical: "top" } },
    ...columns.flatMap((col, c) => [
      ...(col.wrap ? [{ range: column(c), style: { wrap: true } }] : []),
      ...(col.numberFormat ? [{ range: column(c), style: { numberFormat: col.numberFormat } }] : []),
    ]),
    { range: { top: headerRow, left: 0, bottom: headerRow, right }, style: HEADER_STYLE },
  ];
  const dropdowns: DropdownSpec[] = columns.flatMap((col, c) =>
    col.dropdown ? [{ range: column(c), values: [...col.dropdown.values], prompt: col.dropdown.prompt }] : [],
  );

  const cells = [...above, columns.map((c) => c.header), ...rows];
  const columnWidths = columns.map((c) => c.width);
  return {
    name,
    cells,
    styles,
    merges: [],
    columnWidths,
    // Rows as tall as their wrapped text, so that the example prints whole
    rowHeights: wrappedRowHeights({ cells, styles, columnWidths, font: SHEET_FONT }),
    font: SHEET_FONT,
    freezeRows: headerRow + 1,
    tables: [{ name: tableName, range: { top: headerRow, left: 0, bottom: last, right }, style: "TableStyleMedium2" }],
    dropdowns,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } },
  };
}

/**
 * The canonical workbook's sheets; with `example`, filled with seed 002 (14 units, 5 recommendations, 53 answers);
 * with `recommendations`, its Recommendations sheet holds these rows (No., Recommendation, Priority, Category, Addressed to),
 * e.g. the recommendations read from report text.
 */
export function templateSheets(options: { example: boolean; recommendations?: readonly (readonly CellValue[])[] }): SheetSpec[] {
  const ex = options.example;
  const units = ex ? EXAMPLE_UNITS.map((u) => [u.code, u.name, u.division, u.aliases]) : [];
  const given = options.recommendations?.map((r) => RECOMMENDATIONS_COLUMNS.map((_, c) => r[c] ?? ""));
  const recs = given ?? (ex ? EXAMPLE_RECOMMENDATIONS.map((r) => [r.number, r.text, "", "", r.addressedTo]) : []);
  const responses = ex
    ? EXAMPLE_RESPONSES.map((r) => [r.number, r.unit, r.acceptance, r.action, "", r.budget, "", r.status, "", "", "", "", "", ""])
    : [];

  // The evaluation title sits in a labelled cell above the recommendations; the reader takes it as the summary's title.
  const title: CellValue[][] = [["Title", ex ? EXAMPLE_TITLE : ""], []];
  const recommendations = tableSheet("Recommendations", "RecommendationsTable", RECOMMENDATIONS_COLUMNS, recs, title);
  recommendations.styles.unshift(
    { range: cellRange(0, 0), style: { bold: true } },
    { range: cellRange(0, 1), style: { bold: true, fontSize: 13 } },
  );
  recommendations.rowHeights = wrappedRowHeights({ ...recommendations, font: SHEET_FONT });

  return [
    tableSheet("Units", "UnitsTable", UNITS_COLUMNS, units),
    recommendations,
    tableSheet("Responses", "ResponsesTable", RESPONSES_COLUMNS, responses),
  ];
}
