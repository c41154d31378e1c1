/**
 * The check at the edge for a workbook from a shell: accepts exactly what `WorkbookSchema` (model.ts) accepts
 * and gives the same workbook back, but without copying every cell, which made parsing a large workbook cost
 * more than validating it. Rows are copied only where a null or missing cell has to become "".
 */

import type { CellValue, MergedRange, Sheet, Workbook } from "./grid";

type Shaped = Record<string, unknown>;

/** An object as zod's `z.object` takes one: not null, not an array. */
function isObject(v: unknown): v is Shaped {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isCell(v: unknown): boolean {
  const t = typeof v;
  return t === "string" || t === "boolean" || (t === "number" && Number.isFinite(v));
}

function isIndex(v: unknown): boolean {
  return Number.isSafeInteger(v);
}

/** The row with null and missing cells as "", the row itself when it has none; null when a cell is not a cell value. */
function checkRow(row: unknown): CellValue[] | null {
  if (!Array.isArray(row)) return null;
  let copy: CellValue[] | null = null;
  for (let c = 0; c < row.length; c++) {
    const v: unknown = row[c];
    if (v === null || v === undefined) {
      copy ??= row.slice(0, c);
      copy.push("");
    } else if (!isCell(v)) return null;
    else if (copy) copy.push(v as CellValue);
  }
  return copy ?? (row as CellValue[]);
}

function checkMerges(merges: unknown): MergedRange[] | undefined | null {
  if (merges === undefined) return undefined;
  if (!Array.isArray(merges)) return null;
  const out: MergedRange[] = [];
  for (const m of merges) {
    if (!isObject(m) || !isIndex(m.top) || !isIndex(m.left) || !isIndex(m.bottom) || !isIndex(m.right)) return null;
    out.push({ top: m.top as number, left: m.left as number, bottom: m.bottom as number, right: m.right as number });
  }
  return out;
}

function checkSheet(sheet: unknown): Sheet | null {
  if (!isObject(sheet) || typeof sheet.name !== "string" || !Array.isArray(sheet.rows)) return null;
  if (sheet.hidden !== undefined && typeof sheet.hidden !== "boolean") return null;
  const merges = checkMerges(sheet.merges);
  if (merges === null) return null;
  const source: unknown[] = sheet.rows;
  let rows: CellValue[][] | null = null;
  for (let r = 0; r < source.length; r++) {
    const row = checkRow(source[r]);
    if (row === null) return null;
    if (row !== source[r]) rows ??= source.slice(0, r) as CellValue[][];
    if (rows) rows.push(row);
  }
  const out: Sheet = { name: sheet.name, rows: rows ?? (source as CellValue[][]) };
  if (merges !== undefined) out.merges = merges;
  if (sheet.hidden !== undefined) out.hidden = sheet.hidden as boolean;
  return out;
}

/** The workbook when `input` has the shape of one (cells strings, finite numbers, booleans; null read as ""), else null. */
export function asWorkbook(input: unknown): Workbook | null {
  if (!isObject(input) || !Array.isArray(input.sheets)) return null;
  if (input.name !== undefined && typeof input.name !== "string") return null;
  const sheets: Sheet[] = [];
  for (const s of input.sheets as unknown[]) {
    const sheet = checkSheet(s);
    if (sheet === null) return null;
    sheets.push(sheet);
  }
  const out: Workbook = { sheets };
  if (input.name !== undefined) out.name = input.name as string;
  return out;
}
