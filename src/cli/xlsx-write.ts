/**
 * Writing a SheetSpec (computed by the core) into an ExcelJS worksheet: values, font, styles, merges, widths,
 * frozen rows, tables, dropdowns, print set-up, hidden columns and protection. I/O only: every decision is already in the spec.
 *
 * ExcelJS cannot write charts: a spec's `chart` is added to the finished file by xlsx-chart.ts (saveWorkbook).
 */

import { rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import ExcelJS from "exceljs";
import { a1, columnLetter, parseA1, parseAddress, quoteSheetName, type CellValue, type MergedRange } from "../core/grid";
import type { CellStyle, SheetSpec } from "../core/sheet-spec";
import { FileError, type LoadedWorkbook } from "./xlsx-read";
import { addCharts } from "./xlsx-chart";
import { SUMMARY_MARKER_NAME } from "../core/summary/index";

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
  const wb = new ExcelJS.Workbook();
  wb.creator = "Response Matrix";
  for (const spec of sheets) writeSheetSpec(wb.addWorksheet(spec.name), spec);
  return wb;
}

/** The sheet the workbook-level name `ResponseMatrixSummary` points at: the summary we wrote earlier, or null. */
export function summaryMarkerSheet(wb: ExcelJS.Workbook): string | null {
  const marker = wb.definedNames.model.find((n) => n.name === SUMMARY_MARKER_NAME);
  for (const range of marker?.ranges ?? []) {
    try {
      const sheet = parseAddress(range.split(":")[0]).sheet;
      if (wb.getWorksheet(sheet)) return sheet;
    } catch {
      // a name that points at no cell marks nothing
    }
  }
  return null;
}

type Ordered = { orderNo: number };

/**
 * Adds the summary sheet to a loaded workbook, or replaces our earlier one in its place (`replaces`),
 * and points the marker name at it. The other sheets are left as they are.
 */
export function putSummarySheet(wb: ExcelJS.Workbook, spec: SheetSpec, replaces: boolean): void {
  keepTableFilterButtons(wb);
  for (const sheet of wb.worksheets) tidyDataValidations(sheet);
  const old = replaces ? wb.getWorksheet(spec.name) : undefined;
  const orderNo = old ? (old as unknown as Ordered).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(spec.name);
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo; // same place among the tabs
  writeSheetSpec(ws, spec);
  wb.definedNames.model = wb.definedNames.model.filter((n) => n.name !== SUMMARY_MARKER_NAME);
  wb.definedNames.add(`${quoteSheetName(spec.name)}!$A$1`, SUMMARY_MARKER_NAME);
}

/**
 * ExcelJS reads a table whose filter row has no per-column entry (how Excel saves it) as "buttons hidden" and
 * writes it back so; mark those columns as showing their buttons, as they did in the file.
 */
function keepTableFilterButtons(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (const table of ws.getTables() as unknown as { table?: { columns?: { filterButton?: boolean }[] } }[]) {
      for (const column of table.table?.columns ?? []) column.filterButton ??= true;
    }
  }
}

/**
 * ExcelJS reads each dropdown range as one entry per cell and, when it writes them back, merges the cells into
 * ranges in text order (C10 before C2), producing overlapping ranges. Rewrite the entries as column ranges,
 * which it writes unchanged, so that the copy has each dropdown once, where it was.
 */
function tidyDataValidations(ws: ExcelJS.Worksheet): void {
  const holder = ws as unknown as { dataValidations?: { model: Record<string, ExcelJS.DataValidation | undefined> } };
  const model = holder.dataValidations?.model;
  if (!model) return;
  const cellsOf = new Map<ExcelJS.DataValidation, { row: number; col: number }[]>();
  const ranges: Record<string, ExcelJS.DataValidation> = {};
  for (const [address, validation] of Object.entries(model)) {
    if (!validation) continue;
    if (address.includes(":")) {
      ranges[address] = validation;
      continue;
    }
    const { row, col } = parseA1(address);
    cellsOf.set(validation, [...(cellsOf.get(validation) ?? []), { row, col }]);
  }
  for (const [validation, cells] of cellsOf) {
    cells.sort((a, b) => a.col - b.col || a.row - b.row);
    for (let i = 0; i < cells.length; ) {
      let j = i;
      while (j + 1 < cells.length && cells[j + 1].col === cells[i].col && cells[j + 1].row === cells[j].row + 1) j++;
      ranges[`${a1(cells[i].row, cells[i].col)}:${a1(cells[j].row, cells[j].col)}`] = validation;
      i = j + 1;
    }
  }
  holder.dataValidations!.model = ranges;
}

/** A sheet to add to a workbook: its spec, whether it replaces our earlier sheet of that name, and whether the summary marker points at it. */
export interface AddedSheet {
  spec: SheetSpec;
  replaces: boolean;
  /** Point the workbook-level name ResponseMatrixSummary at this sheet (the summary we made). */
  marker?: boolean;
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
 * change an existing workbook, so how the copy is made (today ExcelJS's full load and save) lives here alone.
 */
export async function writeWorkbookChanges(loaded: LoadedWorkbook, path: string, changes: WorkbookChanges): Promise<void> {
  const wb = loaded.excel;
  for (const { spec, replaces, marker } of changes.sheets ?? []) {
    if (marker) putSummarySheet(wb, spec, replaces);
    else {
      const old = replaces ? wb.getWorksheet(spec.name) : undefined;
      if (old) wb.removeWorksheet(old.id);
      writeSheetSpec(wb.addWorksheet(spec.name), spec);
    }
  }
  for (const c of changes.cells ?? []) {
    const ws = wb.getWorksheet(c.sheet);
    if (!ws) throw new FileError(`The sheet "${c.sheet}" is not in the workbook, so its cells cannot be written.`);
    ws.getCell(c.row + 1, c.col + 1).value = c.value === "" ? null : c.value;
  }
  await saveWorkbook(wb, path, (changes.sheets ?? []).map((s) => s.spec));
}

/**
 * Writes a workbook to `path` through a temporary file in the same folder, renamed at the end,
 * so that a failure part-way never leaves a half-written file under the final name. `sheets` are the specs
 * written into it: the charts they carry are added to the file here, the one point where its bytes are made.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string, sheets: readonly SheetSpec[] = []): Promise<void> {
  const buffer = await wb.xlsx.writeBuffer();
  const bytes = addCharts(new Uint8Array(buffer as ArrayBuffer), sheets);
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
