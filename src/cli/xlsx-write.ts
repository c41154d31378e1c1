/**
 * Writing workbooks. Two ways, each for its purpose:
 * - a change to an existing workbook (writeWorkbookChanges): at the level of its parts (src/cli/xlsx/edit.ts),
 *   adding the sheets and rewriting the cells it changes and copying every other part as it was, so nothing the
 *   workbook holds is lost; a SheetSpec becomes sheet XML in src/cli/xlsx/sheet-xml.ts;
 * - a new workbook (workbookOf + saveWorkbook): built with ExcelJS, loaded only when a command writes one, with
 *   writeSheetSpec (values, font, styles, merges, widths, frozen rows, tables, dropdowns, print set-up, hidden
 *   columns and protection).
 * ExcelJS writes no charts: a new workbook's are added to its finished bytes by the part-level writer (addCharts),
 * which writes an added sheet's chart with it; the chart's DrawingML is xlsx-chart.ts's.
 */

import { createRequire } from "node:module";
import { rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import type ExcelJS from "exceljs";
import { a1, columnLetter, quoteSheetName, type CellValue } from "../core/grid";
import { eachRowFormats, formatAlignment, formatFont, type CellFormat, type SheetSpec } from "../core/sheet-spec";
import { hasChart, MissingSheet, SheetNameTaken, WorkbookEdit, type AddedRows, type AddedSheet } from "./xlsx/edit";
import { SharedFormulaCell, type CellSet } from "./xlsx/cells";
import { FileError, type LoadedWorkbook } from "./xlsx-read";
import { workbookInfo } from "./xlsx/reader";
import { listFormula, rangeRef } from "./xlsx/sheet-xml";
import { argb } from "./xlsx/styles";
import { ZipArchive } from "./xlsx/zip";

/** ExcelJS, loaded on first use: reading never needs it, and loading it costs about 0.4 s. */
function excelJs(): typeof ExcelJS {
  return createRequire(import.meta.url)("exceljs") as typeof ExcelJS;
}

/** A new workbook's default font, which a cell's font without a name of its own starts from. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFA6A6A6" } };

/** A cell format as ExcelJS's style (the decisions of what it sets are formatFont's and formatAlignment's). */
function excelStyle(format: CellFormat): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font = formatFont(format);
  if (font) {
    style.font = {
      // ExcelJS writes a font with only the properties given: without a name and size, a reader falls back on its own
      ...(font.name ? {} : DEFAULT_FONT),
      ...(font.name ? { name: font.name } : {}),
      ...(font.size ? { size: font.size } : {}),
      ...(font.bold !== undefined ? { bold: font.bold } : {}),
      ...(font.italic !== undefined ? { italic: font.italic } : {}),
      ...(font.color ? { color: { argb: argb(font.color) } } : {}),
    };
  }
  if (format.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) } };
  const alignment = formatAlignment(format);
  if (alignment) {
    style.alignment = {
      ...(alignment.wrap !== undefined ? { wrapText: alignment.wrap } : {}),
      ...(alignment.horizontal ? { horizontal: alignment.horizontal } : {}),
      ...(alignment.vertical ? { vertical: alignment.vertical } : {}),
    };
  }
  if (format.numberFormat) style.numFmt = format.numberFormat;
  if (format.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (format.unlocked) style.protection = { locked: false };
  return style;
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

  // Each cell's format once (the sheet's font, its styles, unlocked or not), one ExcelJS style per distinct format
  const styles = new Map<CellFormat, Partial<ExcelJS.Style>>();
  eachRowFormats(spec, (r, row) => {
    for (const [c, format] of row) {
      const style = styles.get(format) ?? styles.set(format, excelStyle(format)).get(format)!;
      ws.getCell(r + 1, c + 1).style = { ...style };
    }
  });

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
    validations.add(rangeRef(d.range), {
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
  // No password: the protection guides people to the cells to fill, it secures nothing. Widths and heights stay adjustable.
  if (spec.protection) (ws as unknown as { sheetProtection: object }).sheetProtection = { sheet: true, formatColumns: true, formatRows: true };
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
  /** Rows the cells add under the last row of a sheet: styled like the row above, and joined to the table that ends there. */
  addedRows?: AddedRows & { sheet: string };
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
      edit.setCells(sheet, cells, changes.addedRows?.sheet === sheet ? changes.addedRows : undefined);
    } catch (e) {
      if (e instanceof MissingSheet) throw new FileError(`The sheet "${sheet}" is not in the workbook, so its cells cannot be written.`);
      if (e instanceof SharedFormulaCell) {
        throw new FileError(`The cell ${quoteSheetName(sheet)}!${e.ref} holds a formula other cells share, so it cannot be overwritten; copy the column and paste it as values, then try again.`);
      }
      throw e;
    }
  }
  return edit.bytes();
}

/**
 * Writes a new workbook to `path` through a temporary file in the same folder, renamed at the end, so that a failure
 * part-way never leaves a half-written file under the final name. `sheets` are the specs written into it: the
 * charts they carry are added to the file here, the one point where its bytes are made.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string, sheets: readonly SheetSpec[] = []): Promise<void> {
  await writeFileAtomically(path, addCharts(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), sheets));
}

/**
 * Adds the charts of sheet specs to a finished package (ExcelJS writes none), each to the sheet of its name, the
 * way a sheet added to a workbook gets its chart (WorkbookEdit). The bytes as they were when no spec has a chart.
 */
export function addCharts(xlsx: Uint8Array, sheets: readonly SheetSpec[]): Uint8Array {
  if (!sheets.some(hasChart)) return xlsx;
  const archive = new ZipArchive(Buffer.from(xlsx.buffer, xlsx.byteOffset, xlsx.byteLength));
  const info = workbookInfo(archive);
  if (!info) return xlsx;
  const edit = new WorkbookEdit(archive, info);
  for (const spec of sheets) edit.addChart(spec);
  return edit.bytes();
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
