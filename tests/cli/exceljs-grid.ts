/**
 * The grid ExcelJS reads from an .xlsx file: how the command line read workbooks before it had its own reader,
 * kept as the other side of the differential test (tests/cli/xlsx-differential.test.ts).
 */

import ExcelJS from "exceljs";
import type { CellValue, MergedRange, Sheet, Workbook } from "../../src/core/grid";
import { PackageEdit } from "../../src/cli/xlsx/edit";
import { workbookInfo } from "../../src/cli/xlsx/reader";
import { spans, splice } from "../../src/cli/xlsx/spans";
import { ZipArchive } from "../../src/cli/xlsx/zip";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** ExcelJS turns date-formatted numbers into JS dates (UTC); the core wants the serial number back. */
function serialFromDate(d: Date): number | string {
  const t = d.getTime();
  return Number.isFinite(t) ? (t - EXCEL_EPOCH) / DAY : "";
}

/** A cell's value as the core sees it: text, number or boolean; "" for empty. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? "").join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("hyperlink" in value) return cellValue((value as { text?: ExcelJS.CellValue }).text ?? (value as ExcelJS.CellHyperlinkValue).hyperlink);
  if ("text" in value) return cellValue((value as { text: ExcelJS.CellValue }).text);
  return "";
}

function merges(ws: ExcelJS.Worksheet): MergedRange[] {
  const map = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(map).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

function sheetGrid(ws: ExcelJS.Worksheet): Sheet {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
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

/**
 * The file without its sheets' data validations, which change no cell value but which ExcelJS expands into one
 * entry per cell (a rule over `A1:XFD1048576` never finishes).
 */
function withoutDataValidations(bytes: Buffer): Buffer {
  const archive = new ZipArchive(bytes);
  const info = workbookInfo(archive);
  if (!info) return bytes;
  const pkg = new PackageEdit(archive);
  for (const sheet of info.sheets) {
    const xml = sheet.part ? archive.text(sheet.part) : undefined;
    if (xml === undefined || !xml.includes("dataValidation")) continue;
    const gone = spans(xml).filter((s) => s.depth === 1 && s.name === "dataValidations");
    pkg.set(sheet.part!, splice(xml, gone.map((s) => ({ at: s.at, end: s.end, text: "" }))));
  }
  return pkg.bytes();
}

/** The workbook as ExcelJS reads it (data validations left out first), or the message of ExcelJS's error. */
export async function excelJsGrid(bytes: Buffer): Promise<Workbook | { error: string }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(withoutDataValidations(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { sheets: wb.worksheets.map(sheetGrid) };
}
