/**
 * A sheet as a 2-D array of cell values, and A1 addresses.
 * Cells hold what Excel gives: strings, numbers (dates as serial numbers), booleans; empty is "".
 */

export type CellValue = string | number | boolean;

/** A rectangular block of merged cells (0-based, inclusive). */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** rows[r][c]; rows may be ragged, missing cells read as "". */
  rows: CellValue[][];
  merges?: MergedRange[];
  hidden?: boolean;
}

export interface Workbook {
  /** The file or workbook name, used as a fallback title. */
  name?: string;
  sheets: Sheet[];
}

/** A cell address as a value: sheet name plus 0-based row and column. */
export interface CellAddress {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** The cell value at (row, col), "" when outside the grid or empty. */
export function cellAt(sheet: Sheet, row: number, col: number): CellValue {
  const r = sheet.rows[row];
  if (!r) return "";
  const v = r[col];
  return v === undefined || v === null ? "" : v;
}

/** Number of columns of the widest row. */
export function width(sheet: Sheet): number {
  let w = 0;
  for (const r of sheet.rows) if (r.length > w) w = r.length;
  return w;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) -> "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "C7" -> { row: 6, col: 2 }; throws on anything else. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) throw new Error(`"${ref}" is not a cell reference such as C7.`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Quotes a sheet name for a formula or address when Excel would: `Sheet1` stays, `My sheet` -> `'My sheet'`, `O'Neil` -> `'O''Neil'`. */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(r|c|rc)\d*$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** The one place addresses become text: `'Sheet name'!C7`. */
export function formatAddress(at: CellAddress): string {
  return `${quoteSheetName(at.sheet)}!${a1(at.row, at.col)}`;
}

/** Parses `'Sheet name'!C7` or `Sheet1!C7` back into an address. */
export function parseAddress(text: string): CellAddress {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(text);
  if (!m) throw new Error(`"${text}" is not an address such as 'Sheet name'!C7.`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, ...parseA1(m[3]) };
}

/** True when the cell holds nothing but white space. */
export function isBlank(v: CellValue | null | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}
