/** Reading the addresses Office.js returns: `'My sheet'!B3:F20`, and lists of them (`RangeAreas.address`); a rectangle as a range. */

import { parseA1, type MergedRange } from "../core/grid";

const SHEET = String.raw`(?:'(?:[^']|'')+'|[^'!,]+)`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const ONE = new RegExp(String.raw`^(${SHEET})!(${CELL})(?::(${CELL}))?$`);
const MANY = new RegExp(String.raw`${SHEET}!${CELL}(?::${CELL})?`, "g");

/** `'My sheet'!B3:F20` -> sheet name and 0-based rectangle. */
export function parseRangeAddress(address: string): { sheet: string; rect: MergedRange } {
  const m = ONE.exec(address.trim());
  if (!m) throw new Error(`"${address}" is not a range address such as Sheet1!A1:C5.`);
  const sheet = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
  const a = parseA1(m[2]);
  const b = m[3] ? parseA1(m[3]) : a;
  return { sheet, rect: { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) } };
}

/** `Sheet1!A1:A3,Sheet1!B5:C5` -> rectangles (sheet names may hold commas when quoted). */
export function parseAreasAddress(address: string): MergedRange[] {
  return (address.match(MANY) ?? []).map((a) => parseRangeAddress(a).rect);
}

/** The range of a 0-based rectangle on a sheet. */
export function rangeOf(sheet: Excel.Worksheet, r: MergedRange): Excel.Range {
  return sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}
