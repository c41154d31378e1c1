/**
 * A tracker table as CSV (RFC 4180) for Power BI or a SharePoint list: UTF-8 with the byte-order mark Excel needs to
 * read accents, CRLF line ends, a field quoted when it holds a comma, a quote or a line break. Dates are written
 * YYYY-MM-DD, rates as fractions (0.75), blank where the sheet is blank.
 */

import { isoFromSerial } from "../dates";
import type { CellValue } from "../grid";
import type { ColumnKind, TrackerTable } from "./tables";

export const BOM = "\uFEFF";

/**
 * Text Excel would take for a formula when it opens the file (`=`, `+`, `-`, `@`, tab, carriage return first) gets
 * an apostrophe in front, so that it is shown, never run. A lone dash (a placeholder) or a number stays as it is.
 */
export function csvSafeText(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^[-–—\s]+$/.test(text) || /^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  return `'${text}`;
}

/** One value as a CSV field. */
export function csvField(value: CellValue, kind: ColumnKind): string {
  let text: string;
  if (value === "") text = "";
  else if (typeof value === "number") text = kind === "date" ? isoFromSerial(value) : String(value);
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  else text = csvSafeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text: the header row, then one line per row. */
export function csvText(table: Pick<TrackerTable, "columns" | "rows">): string {
  const lines = [table.columns.map((c) => csvField(c.header, "text")).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((c, i) => csvField(row[i] ?? "", c.kind)).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
