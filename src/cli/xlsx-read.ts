/**
 * Reading an .xlsx file into the core's Workbook grid with ExcelJS.
 * I/O only: file errors become one sentence (FileError); what the cells mean is the core's business.
 */

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, MergedRange, Sheet, Workbook } from "../core/grid";

/** A file that cannot be read as a workbook (or written), with one sentence saying why and what to do. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

/** The file read both ways: the core's grid, and the ExcelJS workbook (to copy it when writing a summary). */
export interface LoadedWorkbook {
  workbook: Workbook;
  excel: ExcelJS.Workbook;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** ExcelJS turns date-formatted numbers into JS dates (UTC); the core wants the serial number back. */
function serialFromDate(d: Date): number | string {
  const t = d.getTime();
  return Number.isFinite(t) ? (t - EXCEL_EPOCH) / DAY : "";
}

/** A cell's value as the core sees it: text, number or boolean; "" for empty. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "boolean") return value;
  // A damaged file can hold `NaN` or `Infinity` in a number cell: read it as Excel's own error text, not as a number
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? "").join("");
  if ("error" in value) return String(value.error);
  // formulas (plain, shared, array): the result Excel cached when it last saved the file
  if ("formula" in value || "sharedFormula" in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("hyperlink" in value) return cellValue((value as { text?: ExcelJS.CellValue }).text ?? (value as ExcelJS.CellHyperlinkValue).hyperlink);
  if ("text" in value) return cellValue((value as { text: ExcelJS.CellValue }).text);
  return "";
}

/** Merged ranges of a worksheet, 0-based. ExcelJS keeps them only in a private map (its public model getter rebuilds every row). */
function merges(ws: ExcelJS.Worksheet): MergedRange[] {
  const map = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(map).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

/** One worksheet as a grid. A merged range's value is kept only in its top-left cell. */
export function sheetGrid(ws: ExcelJS.Worksheet): Sheet {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // ExcelJS repeats the top-left value in every merged cell
      values[colNumber - 1] = cellValue(cell.value);
    });
    for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = "";
    rows[rowNumber - 1] = values;
  });
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  const sheet: Sheet = { name: ws.name, rows, merges: merges(ws) };
  if (ws.state === "hidden" || ws.state === "veryHidden") sheet.hidden = true;
  return sheet;
}

const ZIP = [0x50, 0x4b]; // "PK": every .xlsx is a zip archive
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file: encrypted .xlsx, or .xls

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** True when the first bytes look like text (a CSV or a text file renamed .xlsx). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  return head.length > 0 && printable / head.length > 0.95;
}

/** The file's bytes, or a sentence about why they cannot be read. */
async function fileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(`The file "${path}" does not exist; check the name and the folder.`);
    if (code === "EISDIR") throw new FileError(`"${path}" is a folder, not an .xlsx workbook; give the path of a file.`);
    if (code === "EACCES" || code === "EPERM") throw new FileError(`The file "${path}" cannot be read: permission denied.`);
    throw new FileError(`The file "${path}" cannot be read (${code ?? "unknown error"}).`);
  }
}

/** Reads an .xlsx file. Throws FileError with one sentence when it is missing, not an .xlsx, password-protected or damaged. */
export async function readXlsxFile(path: string): Promise<LoadedWorkbook> {
  const bytes = await fileBytes(path);
  if (bytes.length === 0) throw new FileError(`The file "${path}" is empty; it is not an Excel workbook.`);
  if (startsWith(bytes, CFB)) {
    throw new FileError(
      `The file "${path}" is password-protected or an old Excel 97-2003 (.xls) workbook; open it in Excel, remove the password or save it as .xlsx, and try again.`,
    );
  }
  if (!startsWith(bytes, ZIP)) {
    throw new FileError(
      looksLikeText(bytes)
        ? `The file "${path}" is text (perhaps a CSV file renamed .xlsx), not an Excel workbook; open it in Excel and save it as .xlsx.`
        : `The file "${path}" is not an Excel .xlsx workbook; open it in Excel and save it as .xlsx.`,
    );
  }
  const excel = new ExcelJS.Workbook();
  try {
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileError(`The file "${path}" could not be opened: it is damaged or not a complete .xlsx workbook; ask for a new copy.`);
  }
  return { workbook: { name: basename(path), sheets: excel.worksheets.map(sheetGrid) }, excel };
}
