/** Range addresses as Excel writes and reads them: `A1`, `B2:D9`, `C:C`, `3:5`, `'My sheet'!A1:B2`. */

import { a1, columnIndex, columnLetter, quoteSheetName, type MergedRange } from "../core/grid";
import { MemoryExcelError } from "./errors";

/** A rectangle of cells, 0-based and inclusive (the core's MergedRange). */
export type Rect = MergedRange;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

function invalid(location: string, detail: string): MemoryExcelError {
  return new MemoryExcelError("InvalidArgument", location, detail);
}

/** Splits `'Sheet'!A1:B2` into its sheet name (or null) and the A1 part. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: null, ref: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}

type Part = { row: number | null; col: number | null };

function parsePart(part: string, location: string): Part {
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(part);
  if (cell) return { row: Number(cell[2]) - 1, col: columnIndex(cell[1]) };
  const col = /^\$?([A-Za-z]{1,3})$/.exec(part);
  if (col) return { row: null, col: columnIndex(col[1]) };
  const row = /^\$?(\d{1,7})$/.exec(part);
  if (row) return { row: Number(row[1]) - 1, col: null };
  throw invalid(location, `"${part}" is not a cell, column or row reference.`);
}

/** Parses an A1 reference (no sheet) into a rectangle; throws InvalidArgument like Excel. */
export function parseRef(ref: string, location = "Worksheet.getRange"): Rect {
  const parts = ref.trim().split(":");
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === "")) throw invalid(location, `"${ref}" is not a range address.`);
  const a = parsePart(parts[0], location);
  const b = parts.length === 2 ? parsePart(parts[1], location) : a;
  // A single "C" or "3" is not a range in Excel; "C:C" and "3:3" are.
  if (parts.length === 1 && (a.row === null || a.col === null)) throw invalid(location, `"${ref}" is not a range address.`);
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) throw invalid(location, `"${ref}" mixes cells with whole rows or columns.`);
  const top = a.row ?? 0;
  const bottom = b.row ?? MAX_ROWS - 1;
  const left = a.col ?? 0;
  const right = b.col ?? MAX_COLUMNS - 1;
  const rect = { top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) };
  checkRect(rect, location);
  return rect;
}

export function checkRect(rect: Rect, location: string): void {
  const ok =
    Number.isInteger(rect.top) && Number.isInteger(rect.left) && Number.isInteger(rect.bottom) && Number.isInteger(rect.right) &&
    rect.top >= 0 && rect.left >= 0 && rect.bottom < MAX_ROWS && rect.right < MAX_COLUMNS && rect.top <= rect.bottom && rect.left <= rect.right;
  if (!ok) throw invalid(location, `The range ${JSON.stringify(rect)} is outside the sheet.`);
}

/** `A1:C5`, `C:C` or `3:5` as Excel prints them (relative, no `$`). */
export function formatRef(rect: Rect): string {
  const wholeColumns = rect.top === 0 && rect.bottom === MAX_ROWS - 1;
  const wholeRows = rect.left === 0 && rect.right === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) return `${columnLetter(rect.left)}:${columnLetter(rect.right)}`;
  if (wholeRows && !wholeColumns) return `${rect.top + 1}:${rect.bottom + 1}`;
  const start = a1(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? start : `${start}:${a1(rect.bottom, rect.right)}`;
}

/** `'My sheet'!A1:C5`, the form of `Range.address`. */
export function formatRangeAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${formatRef(rect)}`;
}

/** `$A$1:$C$5`, the form used in defined names. */
export function formatAbsoluteRef(rect: Rect): string {
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  return rect.top === rect.bottom && rect.left === rect.right ? cell(rect.top, rect.left) : `${cell(rect.top, rect.left)}:${cell(rect.bottom, rect.right)}`;
}

export function rowCount(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function columnCount(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}
