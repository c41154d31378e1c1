/**
 * Writing SheetSpecs (the Section 0 summary, the template) into the open workbook, safely: each is written
 * into a new temporary sheet; only once that request succeeded is the sheet it replaces deleted and the new
 * one renamed. A failure leaves no half-made sheet (the temporary one is removed). Two syncs, whatever the size.
 */

import { columnLetter, type CellValue, type MergedRange } from "../core/grid";
import { POINTS_PER_WIDTH, type CellStyle, type ChartSpec, type PrintSpec, type SheetSpec, type StyledRange } from "../core/sheet-spec";
import { parseRangeAddress, rangeOf } from "./address";

/**
 * Column width in points, as Office.js takes it, for a width as a file stores it (what ExcelJS writes): 7 pixels a
 * unit (a digit of Calibri 11, padding included), 0.75 pt a pixel; so both shells give a column the same width.
 */
export function pointsFromCharacters(characters: number): number {
  return Math.round(characters * POINTS_PER_WIDTH * 100) / 100;
}

/** Excel's limit on a dropdown list typed into a validation rule. */
const LIST_SOURCE_LIMIT = 255;
const ALERT_MESSAGE_LIMIT = 225;

/**
 * A value for `Range.values`. Excel reads strings as if typed: `=...` becomes a formula, `1` a number,
 * `2025-12-31` a date. A leading apostrophe keeps text as text; a cell formatted as Text (`@`) keeps it anyway
 * (and would keep the apostrophe too).
 */
export function typed(value: CellValue, textFormat: boolean): CellValue {
  return typeof value === "string" && value !== "" && !textFormat ? `'${value}` : value;
}

function filled<T>(r: MergedRange, value: T): T[][] {
  return Array.from({ length: r.bottom - r.top + 1 }, () => new Array<T>(r.right - r.left + 1).fill(value));
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

export function queueStyle(range: Excel.Range, r: MergedRange, style: CellStyle): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (r.bottom > r.top) edges.push("InsideHorizontal");
    if (r.right > r.left) edges.push("InsideVertical");
    for (const edge of edges) format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous";
  }
}

function queueChart(sheet: Excel.Worksheet, chart: ChartSpec): void {
  if (chart.series.length === 0) return;
  const added = sheet.charts.add(chart.kind === "bar" ? "BarClustered" : "BarStacked", rangeOf(sheet, chart.series[0].values), "Columns");
  added.title.text = chart.title;
  added.legend.position = "Bottom";
  // Categories top to bottom in sheet order, the value axis still along the bottom (as the command line's file)
  added.axes.categoryAxis.reversePlotOrder = true;
  added.axes.categoryAxis.position = "Maximum";
  chart.series.forEach((s, i) => {
    const series = i === 0 ? added.series.getItemAt(0) : added.series.add(s.name);
    series.name = s.name;
    series.setValues(rangeOf(sheet, s.values));
    series.setXAxisValues(rangeOf(sheet, chart.categories));
    series.format.fill.setSolidColor(s.color);
  });
  const a = chart.anchor;
  added.setPosition(rangeOf(sheet, { top: a.top, left: a.left, bottom: a.top, right: a.left }), rangeOf(sheet, { top: a.bottom, left: a.right, bottom: a.bottom, right: a.right }));
}

/** Page set-up (ExcelApi 1.9, the manifest's minimum): paper, scale, margins, print area, titles, page breaks. */
function queuePrint(sheet: Excel.Worksheet, print: PrintSpec): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = print.paperSize;
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (print.scale) layout.zoom = { scale: print.scale };
  const m = print.margins;
  if (m) {
    // Office.js takes points, the spec inches
    layout.leftMargin = m.left * 72;
    layout.rightMargin = m.right * 72;
    layout.topMargin = m.top * 72;
    layout.bottomMargin = m.bottom * 72;
    layout.headerMargin = m.header * 72;
    layout.footerMargin = m.footer * 72;
  }
  if (print.area) layout.setPrintArea(rangeOf(sheet, print.area));
  const rows = print.repeatRows;
  if (rows) layout.setPrintTitleRows(`$${rows.first + 1}:$${rows.last + 1}`);
  const columns = print.repeatColumns;
  if (columns) layout.setPrintTitleColumns(`$${columnLetter(columns.first)}:$${columnLetter(columns.last)}`);
  for (const row of print.pageBreaks ?? []) sheet.horizontalPageBreaks.add(rangeOf(sheet, { top: row, left: 0, bottom: row, right: 0 }));
}

function sameStyle(a: CellStyle, b: CellStyle): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k as keyof CellStyle] === b[k as keyof CellStyle]);
}

/**
 * Joins consecutive styled ranges that have the same style and together make a rectangle (a row of cells
 * that are all "Accepted", say), so the request carries one format change instead of one per cell.
 * Only neighbours in the list are joined, so "later entries win" still holds.
 */
export function coalesceStyles(styles: readonly StyledRange[]): StyledRange[] {
  const out: StyledRange[] = [];
  for (const s of styles) {
    const last = out[out.length - 1];
    if (last && sameStyle(last.style, s.style)) {
      const a = last.range;
      const b = s.range;
      const sideBySide = a.top === b.top && a.bottom === b.bottom && b.left === a.right + 1;
      const stacked = a.left === b.left && a.right === b.right && b.top === a.bottom + 1;
      if (sideBySide || stacked) {
        out[out.length - 1] = { range: { top: a.top, left: a.left, bottom: b.bottom, right: b.right }, style: last.style };
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

/**
 * Queues everything of a spec onto a sheet (no sync): formats, values, styles, merges, widths, panes, print, tables,
 * dropdowns, chart, hidden columns, and last the protection.
 */
export function queueSheetSpec(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const height = spec.cells.length;
  const width = spec.cells.reduce((w, r) => Math.max(w, r.length), 0);

  // Number formats first: a Text (`@`) cell then keeps what is written, and dates show as dates.
  const textCells = new Set<string>();
  for (const { range, style } of spec.styles) {
    if (style.numberFormat === undefined) continue;
    rangeOf(sheet, range).numberFormat = filled(range, style.numberFormat);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (style.numberFormat === "@") textCells.add(`${r},${c}`);
        else textCells.delete(`${r},${c}`);
      }
    }
  }

  if (height > 0 && width > 0) {
    const values = spec.cells.map((row, r) =>
      Array.from({ length: width }, (_, c) => typed(row[c] ?? "", textCells.has(`${r},${c}`))),
    );
    sheet.getRangeByIndexes(0, 0, height, width).values = values;
  }

  // The sheet's one font first, so that styles change only weight, size and colour
  if (spec.font && height > 0 && width > 0) {
    const font = sheet.getRangeByIndexes(0, 0, height, width).format.font;
    font.name = spec.font.name;
    font.size = spec.font.size;
  }
  for (const { range, style } of coalesceStyles(spec.styles)) queueStyle(rangeOf(sheet, range), range, style);
  for (const m of spec.merges) rangeOf(sheet, m).merge(false);
  spec.columnWidths.forEach((w, c) => {
    const letter = columnLetter(c);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = pointsFromCharacters(w);
  });
  // Rows of one height in a run are set together, to keep the request small
  const heights = spec.rowHeights ?? [];
  for (let r = 0; r < heights.length; ) {
    let end = r;
    while (end + 1 < heights.length && heights[end + 1] === heights[r]) end++;
    if (heights[r] > 0) sheet.getRange(`${r + 1}:${end + 1}`).format.rowHeight = heights[r];
    r = end + 1;
  }
  if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows);

  if (spec.print) queuePrint(sheet, spec.print);

  for (const t of spec.tables ?? []) {
    const table = sheet.tables.add(rangeOf(sheet, t.range), true);
    table.name = t.name;
    if (t.style) table.style = t.style;
  }

  for (const d of spec.dropdowns ?? []) {
    const source = d.values.join(",");
    if (d.values.some((v) => v.includes(",")) || source.length > LIST_SOURCE_LIMIT) {
      throw new Error(`The dropdown list "${source.slice(0, 60)}..." cannot be written: Excel takes at most ${LIST_SOURCE_LIMIT} characters and no commas inside values.`);
    }
    const validation = rangeOf(sheet, d.range).dataValidation;
    validation.rule = { list: { inCellDropDown: true, source } };
    if (d.prompt) {
      validation.errorAlert = { showAlert: true, style: "Warning", title: "Not in the list", message: d.prompt.slice(0, ALERT_MESSAGE_LIMIT) };
    }
  }

  if (spec.chart) queueChart(sheet, spec.chart);

  for (const c of spec.hiddenColumns ?? []) {
    const letter = columnLetter(c);
    sheet.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  // Last: once protected, the sheet's cells and formats can no longer be changed. No password (it guides, it does not secure).
  if (spec.protection) {
    for (const r of spec.protection.unlocked) rangeOf(sheet, r).format.protection.locked = false;
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }
}

/** One sheet to write; with `replaces`, the existing sheet of the spec's name is deleted once the new one is complete. */
export interface SheetWrite {
  spec: SheetSpec;
  replaces?: boolean;
}

export interface WriteOptions {
  /** Names of the sheets the workbook has now (temporary names avoid them). */
  existingSheets: readonly string[];
  /** A workbook-level defined name to point at the first written sheet (replacing the old one when `exists`). */
  marker?: { name: string; exists: boolean };
  /** Name of a written sheet to activate at the end. */
  activate?: string;
  /** Sheets to delete once the new ones are complete (sheets of ours that the written ones supersede). */
  remove?: readonly string[];
}

const TEMPORARY_NAME = "Response Matrix (writing)";

/** A sheet name no sheet has: `base`, else `base` numbered ("Response Matrix (writing 2)"); noted as taken. */
export function freeName(taken: Set<string>, base = TEMPORARY_NAME): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base.slice(0, -1)} ${i})`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * Writes sheets safely in two syncs: (1) new temporary sheets with all content; (2) delete what they replace,
 * rename them, move each to the replaced sheet's place, set the marker name, activate. On failure, removes the
 * new sheets in a best-effort clean-up and rethrows.
 */
export async function writeSheets(context: Excel.RequestContext, writes: readonly SheetWrite[], options: WriteOptions): Promise<void> {
  const taken = new Set(options.existingSheets.map((n) => n.toLowerCase()));
  const temporary = writes.map(() => freeName(taken));
  const worksheets = context.workbook.worksheets;
  // Excel is not transactional: a failed second request may have renamed some new sheets already, so once
  // their ids are known the clean-up finds them by id rather than by their temporary names.
  let added: Excel.Worksheet[] = [];
  let committing = false;
  try {
    added = writes.map((w, i) => {
      const sheet = worksheets.add(temporary[i]);
      sheet.load("id");
      queueSheetSpec(sheet, w.spec);
      return sheet;
    });
    const replaced = writes.map((w) => {
      if (!w.replaces) return null;
      // Or null: the user may have deleted it since it was read.
      const old = worksheets.getItemOrNullObject(w.spec.name);
      old.load("position");
      return old;
    });
    const removed = (options.remove ?? []).map((name) => worksheets.getItemOrNullObject(name));
    await context.sync();

    committing = true;
    for (const old of removed) if (!old.isNullObject) old.delete();
    writes.forEach((w, i) => {
      const old = replaced[i] && !replaced[i].isNullObject ? replaced[i] : null;
      const position = old ? old.position : null;
      old?.delete();
      added[i].name = w.spec.name;
      if (position !== null) added[i].position = position;
    });
    if (options.marker && added.length > 0) {
      if (options.marker.exists) context.workbook.names.getItem(options.marker.name).delete();
      context.workbook.names.add(options.marker.name, added[0].getRange("A1"));
    }
    const active = writes.findIndex((w) => w.spec.name === options.activate);
    if (active >= 0) added[active].activate();
    await context.sync();
  } catch (error) {
    await undoWrite(context, committing ? added.map((s) => s.id) : temporary, committing ? options.marker?.name : undefined);
    throw error;
  }
}

/** Writes one sheet safely (see writeSheets). */
export async function writeSheet(
  context: Excel.RequestContext,
  spec: SheetSpec,
  options: WriteOptions & { replaces?: boolean },
): Promise<void> {
  await writeSheets(context, [{ spec, replaces: options.replaces }], options);
}

/**
 * Undoes a failed write, whatever part of it Excel applied: deletes the new sheets (by name or id) where they
 * exist, and a marker name left pointing at one of them or at a deleted sheet (#REF!), so that the marker is
 * either on a real sheet or gone. The sheet a write replaced may already be deleted: then there is no summary,
 * never a half one. Never throws (it runs after another failure).
 */
async function undoWrite(context: Excel.RequestContext, sheets: readonly string[], marker: string | undefined): Promise<void> {
  try {
    const found = sheets.map((key) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(key);
      sheet.load("name");
      return sheet;
    });
    const name = marker ? context.workbook.names.getItemOrNullObject(marker) : null;
    const target = name?.getRangeOrNullObject();
    target?.load("address");
    await context.sync();
    const removed = new Set<string>();
    for (const sheet of found) {
      if (sheet.isNullObject) continue;
      removed.add(sheet.name);
      sheet.delete();
    }
    if (name && target && !name.isNullObject && (target.isNullObject || removed.has(parseRangeAddress(target.address).sheet))) name.delete();
    await context.sync();
  } catch {
    // Excel may still refuse (cell-edit mode, protection); the original error is the one to report.
  }
}
