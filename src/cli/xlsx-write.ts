/**
 * Writing workbooks. Two ways, each for its purpose:
 * - a change to an existing workbook (writeWorkbookChanges): at the level of its parts (src/cli/xlsx/edit.ts),
 *   adding the sheets and rewriting the cells it changes and copying every other part as it was, so nothing the
 *   workbook holds is lost; a SheetSpec becomes sheet XML in src/cli/xlsx/sheet-xml.ts;
 * - a new workbook (workbookOf + saveWorkbook): built with ExcelJS, loaded only when a command writes one, with
 *   writeSheetSpec (values, font, styles, merges, widths, frozen rows, tables, dropdowns, print set-up, hidden
 *   columns and protection).
 * Neither library writes charts: a spec's `chart` is added to the finished bytes by xlsx-chart.ts.
 */

import { createRequire } from "node:module";
import { rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import type ExcelJS from "exceljs";
import { a1, columnLetter, quoteSheetName, type CellValue, type MergedRange } from "../core/grid";
import type { CellStyle, SheetSpec } from "../core/sheet-spec";
import { MissingSheet, SheetNameTaken, WorkbookEdit, type AddedSheet } from "./xlsx/edit";
import { SharedFormulaCell, type CellSet } from "./xlsx/cells";
import { FileError, type LoadedWorkbook } from "./xlsx-read";
import { addCharts } from "./xlsx-chart";

export { summaryMarkerSheet } from "./xlsx-read";
export type { AddedSheet } from "./xlsx/edit";

/** ExcelJS, loaded on first use: reading never needs it, and loading it costs about 0.4 s. */
function excelJs(): typeof ExcelJS {
  return createRequire(import.meta.url)("exceljs") as typeof ExcelJS;
}

/** `#RRGGBB` -> ExcelJS's ARGB. */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function rangeA1(r: MergedRange): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** The workbook's one font (Excel's default), named on every styled cell. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFA6A6A6" } };

/** Applies a style to one cell, keeping what earlier styles set (later entries win property by property). */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontSize) {
    cell.font = {
      // ExcelJS writes a font with only the properties given: without a name and size, a reader falls back on its own
      ...DEFAULT_FONT,
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontal || style.vertical) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
    };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

/** An inline list for a dropdown: `"Accepted,Rejected"`. Excel cannot escape commas in such a list, and caps it at 255 characters. */
function listFormula(values: readonly string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(",")}"`;
}

type WithDataValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/** Writes a sheet spec into an empty worksheet. */
export function writeSheetSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const valueOf = (v: CellValue | undefined): ExcelJS.CellValue => (v === undefined || v === "" ? null : v);

  spec.cells.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== "" && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
    });
  });

  // A table writes its own header and rows; ExcelJS needs them as columns and rows.
  for (const t of spec.tables ?? []) {
    const { top, left, bottom, right } = t.range;
    const columns: ExcelJS.TableColumnProperties[] = [];
    for (let c = left; c <= right; c++) columns.push({ name: String(spec.cells[top]?.[c] ?? "") || `Column${c - left + 1}`, filterButton: true });
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const values: ExcelJS.CellValue[] = [];
      for (let c = left; c <= right; c++) values.push(valueOf(spec.cells[r]?.[c]));
      rows.push(values);
    }
    ws.addTable({
      name: t.name,
      ref: a1(top, left),
      headerRow: true,
      style: { theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns,
      rows,
    });
  }

  // The sheet's one font on every cell of its grid first, so that styles keep its name (a font entry without a
  // name prints in whatever font the reader picks)
  if (spec.font) {
    const font = { name: spec.font.name, size: spec.font.size };
    const width = spec.cells.reduce((w, row) => Math.max(w, row.length), 0);
    for (let r = 0; r < spec.cells.length; r++) for (let c = 0; c < width; c++) ws.getCell(r + 1, c + 1).font = font;
  }

  for (const { range, style } of spec.styles) {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) applyStyle(ws.getCell(r + 1, c + 1), style);
    }
  }

  for (const m of spec.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  spec.columnWidths.forEach((w, c) => {
    if (w > 0) ws.getColumn(c + 1).width = w;
  });
  spec.rowHeights?.forEach((h, r) => {
    if (h > 0) ws.getRow(r + 1).height = h;
  });

  if (spec.freezeRows) ws.views = [{ state: "frozen", xSplit: 0, ySplit: spec.freezeRows, topLeftCell: a1(spec.freezeRows, 0) }];

  const validations = (ws as unknown as WithDataValidations).dataValidations;
  for (const d of spec.dropdowns ?? []) {
    validations.add(rangeA1(d.range), {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(d.values)],
      // a warning, not a stop: Excel still accepts other text, which validation then reports with a suggestion
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Not in the list",
      error: d.prompt ?? "This value is not in the list.",
    });
  }

  if (spec.print) {
    const p = spec.print;
    // ExcelJS puts a `$` before what it is given: `A$1` becomes the absolute `$A$1`
    const absolute = (row: number, col: number) => `${columnLetter(col)}$${row + 1}`;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: p.orientation,
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: p.scale ?? 100 }),
      ...(p.margins ? { margins: p.margins } : {}),
      ...(p.area ? { printArea: `${absolute(p.area.top, p.area.left)}:${absolute(p.area.bottom, p.area.right)}` } : {}),
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}` } : {}),
      ...(p.repeatColumns ? { printTitlesColumn: `${columnLetter(p.repeatColumns.first)}:${columnLetter(p.repeatColumns.last)}` } : {}),
    };
  }
  // A break after the row above the one that starts a page
  for (const row of spec.print?.pageBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  for (const c of spec.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  if (spec.protection) {
    for (const range of spec.protection.unlocked) {
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) ws.getCell(r + 1, c + 1).protection = { locked: false };
      }
    }
    // No password: the protection guides people to the cells to fill, it secures nothing. Widths and heights stay adjustable.
    (ws as unknown as { sheetProtection: object }).sheetProtection = { sheet: true, formatColumns: true, formatRows: true };
  }
  // spec.chart: added to the file's bytes by saveWorkbook (ExcelJS has no charts).
}

/** A new workbook holding the given sheets, in order. */
export function workbookOf(sheets: readonly SheetSpec[]): ExcelJS.Workbook {
  const wb = new (excelJs().Workbook)();
  wb.creator = "Response Matrix";
  for (const spec of sheets) writeSheetSpec(wb.addWorksheet(spec.name), spec);
  return wb;
}

/** One cell to set in an existing sheet (0-based row and column). */
export interface CellChange {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

/** What a command changes in a workbook: sheets it adds (or replaces) and cells it sets. Everything else stays. */
export interface WorkbookChanges {
  sheets?: AddedSheet[];
  cells?: CellChange[];
}

/**
 * Writes a copy of a loaded workbook with the changes to `path` (never over the input). The one way commands
 * change an existing workbook: the parts the changes need are rewritten or added, every other part is copied as
 * it was (charts, pivot tables, pictures, comments, dropdowns, macros' parts survive).
 */
export async function writeWorkbookChanges(loaded: LoadedWorkbook, path: string, changes: WorkbookChanges): Promise<void> {
  await writeFileAtomically(path, changedWorkbookBytes(loaded, changes));
}

/** The bytes of the changed workbook: the one point where they are produced. */
export function changedWorkbookBytes(loaded: LoadedWorkbook, changes: WorkbookChanges): Uint8Array {
  if (!loaded.info) throw new FileError(`The file "${loaded.path}" holds no workbook part, so nothing can be added to it; open it in Excel and save it again.`);
  const edit = new WorkbookEdit(loaded.archive, loaded.info);
  for (const sheet of changes.sheets ?? []) {
    try {
      edit.putSheet(sheet);
    } catch (e) {
      if (e instanceof SheetNameTaken) throw new FileError(`The workbook already has a sheet named "${e.sheet}" (Excel does not tell names apart by case); nothing was written.`);
      throw e;
    }
  }
  const bySheet = new Map<string, CellSet[]>();
  for (const c of changes.cells ?? []) (bySheet.get(c.sheet) ?? bySheet.set(c.sheet, []).get(c.sheet)!).push(c);
  for (const [sheet, cells] of bySheet) {
    try {
      edit.setCells(sheet, cells);
    } catch (e) {
      if (e instanceof MissingSheet) throw new FileError(`The sheet "${sheet}" is not in the workbook, so its cells cannot be written.`);
      if (e instanceof SharedFormulaCell) {
        throw new FileError(`The cell ${quoteSheetName(sheet)}!${e.ref} holds a formula other cells share, so it cannot be overwritten; copy the column and paste it as values, then try again.`);
      }
      throw e;
    }
  }
  return addCharts(edit.bytes(), (changes.sheets ?? []).map((s) => s.spec));
}

/**
 * Writes a workbook to `path` through a temporary file in the same folder, renamed at the end,
 * so that a failure part-way never leaves a half-written file under the final name. `sheets` are the specs
 * written into it: the charts they carry are added to the file here, the one point where its bytes are made.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string, sheets: readonly SheetSpec[] = []): Promise<void> {
  await writeFileAtomically(path, addCharts(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), sheets));
}

/** Writes bytes to `path` through a temporary file in the same folder, renamed at the end; a failure is a FileError. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "its folder does not exist" :
      code === "EACCES" || code === "EPERM" || code === "EROFS" ? "permission denied (is it open in Excel, or the folder read-only?)" :
      code === "EISDIR" ? "it is a folder" :
      code === "EBUSY" ? "it is open in another program; close it first" : `${code ?? "unknown error"}`;
    throw new FileError(`The file "${path}" could not be written: ${why}.`);
  }
}
