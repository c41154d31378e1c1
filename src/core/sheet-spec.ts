/**
 * A sheet to write, as data: values, styles, merges, widths, tables, dropdowns, print set-up, chart.
 * The core computes these (Section 0 summary, template); the shells only write them (through ExcelJS or the add-in).
 */

import type { CellValue, MergedRange } from "./grid";
import { lineHeight, wrappedLines } from "./text-measure";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Fill colour `#RRGGBB`. */
  fill?: string;
  /** Font colour `#RRGGBB`. */
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Excel number format, e.g. `0%` or `yyyy-mm-dd`. */
  numberFormat?: string;
  /** Thin border on every edge of every cell of the range. */
  border?: boolean;
}

/** A style applied to a rectangular range (0-based, inclusive); later entries win. */
export interface StyledRange {
  range: MergedRange;
  style: CellStyle;
}

/** An Excel table over a range whose first row is the header. */
export interface TableSpec {
  name: string;
  range: MergedRange;
  style?: string;
}

/** A dropdown (list data validation) on a range. */
export interface DropdownSpec {
  range: MergedRange;
  values: string[];
  /** Shown when a value is typed that is not in the list; Excel then warns but still accepts it. */
  prompt?: string;
}

export interface ChartSpec {
  /** Horizontal bars: stacked (one bar per category, series stacked) or clustered (series side by side). */
  kind: "barStacked" | "bar";
  title: string;
  /** Category labels (one per bar), a single column. */
  categories: MergedRange;
  /** One series per column; the header row above `values` gives the series name. */
  series: { name: string; values: MergedRange; color: string }[];
  /** Where the chart sits: top-left cell, bottom-right cell. */
  anchor: MergedRange;
}

/** Page margins in inches, as Excel's Page Setup takes them. */
export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PrintSpec {
  orientation: "landscape" | "portrait";
  paperSize: "A4";
  /** Fit all columns on one page wide (the printer picks the scale). */
  fitToWidth?: boolean;
  /** Print scale in percent, when not fitted to the page width. */
  scale?: number;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  repeatRows?: { first: number; last: number };
  /** Columns repeated at the left of every printed page, for a sheet wider than a page (0-based, inclusive). */
  repeatColumns?: { first: number; last: number };
  /** The printed range; cells outside it stay on the sheet but are not printed. */
  area?: MergedRange;
  /** Rows that start a new printed page (0-based), so that a table does not start at the foot of a page. */
  pageBreaks?: number[];
  margins?: PageMargins;
}

/** The one font of a sheet: every cell of its grid is written in it, styles change only weight, size and colour. */
export interface SheetFont {
  name: string;
  size: number;
}

export interface SheetSpec {
  name: string;
  /** Values by row; dates as serial numbers with a date number format. "" is empty. */
  cells: CellValue[][];
  styles: StyledRange[];
  merges: MergedRange[];
  /** Column widths in Excel character units, by column index. */
  columnWidths: number[];
  /** Row heights in points, by row index; 0 or missing keeps Excel's default. */
  rowHeights?: number[];
  /** Rows to freeze at the top. */
  freezeRows?: number;
  tables?: TableSpec[];
  dropdowns?: DropdownSpec[];
  font?: SheetFont;
  print?: PrintSpec;
  chart?: ChartSpec;
  /**
   * Protect the sheet, without a password (it guides people, it does not secure anything): every cell is locked
   * except those of the `unlocked` ranges. Column widths and row heights stay adjustable.
   */
  protection?: { unlocked: MergedRange[] };
  /** Columns hidden from view (0-based). */
  hiddenColumns?: number[];
}

/** The rectangle covering one cell. */
export function cellRange(row: number, col: number): MergedRange {
  return { top: row, left: col, bottom: row, right: col };
}

/** The font the sheets we write name (with Arial's widths, which text-measure.ts knows): on every Excel, and LibreOffice prints it with the same widths. */
export const SHEET_FONT: SheetFont = { name: "Arial", size: 10 };
/** A new workbook's own font size (Calibri or Aptos 11), for sheets that name no font. */
const DEFAULT_FONT_SIZE = 11;
/** Excel's default row height in points (one line of the workbook's 11-point font). */
const DEFAULT_ROW_HEIGHT = 15;
/** One Excel column-width unit in points: the width of a digit of the workbook's default font (7 pixels). */
export const POINTS_PER_WIDTH = 5.25;
/**
 * One column-width unit as printed at most: LibreOffice measures the unit with the default font's digit at print
 * resolution (5.58 points for Calibri 11) where Excel takes 7 pixels (5.25 points); fitting a page uses the wider.
 */
export const PRINTED_POINTS_PER_WIDTH = 5.6;
/** Points of a column's width that text cannot use: the cell's inner margins and the gridline. */
export const CELL_PADDING = 6;
/** Points above and below the lines of a cell. */
const ROW_PADDING = 3;

/**
 * Widens columns (Excel width units, in quarters) by what each wants, sharing `spare` units out in proportion to
 * the wants when it cannot give them all; returns what is left of `spare`.
 */
export function shareSpare(widths: number[], wants: readonly number[], spare: number): number {
  const wanted = wants.reduce((a, b) => a + b, 0);
  if (spare <= 0 || wanted === 0) return spare;
  const share = Math.min(1, spare / wanted);
  widths.forEach((w, i) => (widths[i] = Math.floor((w + wants[i] * share) * 4) / 4));
  return spare - wanted * share;
}

/** The column width (Excel character units) that holds text this many points wide on one line. */
export function widthForText(points: number): number {
  return Math.ceil(((points + CELL_PADDING) / POINTS_PER_WIDTH) * 4) / 4;
}

/** The room for text in a column of this width, in points. */
export function textRoom(width: number): number {
  return Math.max(1, width * POINTS_PER_WIDTH - CELL_PADDING);
}

/** A4 landscape in points, and the margins we print it with (inches). */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
export const PRINT_MARGINS: PageMargins = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** The width a page of A4 landscape leaves for cells at 100 %, in points. */
export function printableWidth(margins: PageMargins = PRINT_MARGINS): number {
  return A4_LANDSCAPE.width - (margins.left + margins.right) * 72;
}

/** The height a page of A4 landscape leaves for cells at a scale (percent), in points of the sheet. */
export function printableHeight(scale: number, margins: PageMargins = PRINT_MARGINS): number {
  return ((A4_LANDSCAPE.height - (margins.top + margins.bottom) * 72) * 100) / scale;
}

/** A row's height as printed: its own, or the default. */
export function rowHeightOf(heights: readonly number[] | undefined, row: number): number {
  return heights?.[row] || DEFAULT_ROW_HEIGHT;
}

/**
 * Rows before which a new page starts, so that no block (a table with its title, a chart) starts on a page too
 * full to hold it; a block longer than a page starts on a page of its own and the printer breaks it.
 */
export function blockPageBreaks(blocks: readonly { top: number; bottom: number }[], heights: readonly number[], pageHeight: number): number[] {
  const breaks: number[] = [];
  let used = 0;
  let row = 0;
  for (const block of blocks) {
    for (; row < block.top; row++) used += rowHeightOf(heights, row);
    let height = 0;
    for (; row <= block.bottom; row++) height += rowHeightOf(heights, row);
    if (used > 0 && used + height > pageHeight) {
      breaks.push(block.top);
      used = 0;
    }
    used = (used + height) % pageHeight;
  }
  return breaks;
}

/**
 * The print scale of columns this wide (points at 100 %): the largest (at most 100 %) that fits them on one page
 * wide, but never below `minScale`; below it the sheet prints on several pages wide (repeat its first column then).
 */
export function printScale(widthPoints: number, minScale: number, margins: PageMargins = PRINT_MARGINS): { scale: number; oneWide: boolean } {
  const fit = Math.floor((printableWidth(margins) / Math.max(1, widthPoints)) * 100);
  return fit >= minScale ? { scale: Math.min(100, fit), oneWide: true } : { scale: minScale, oneWide: false };
}

/**
 * Row heights that show all the text of their cells, wrapped at word boundaries in the column width (merged
 * columns together) at the cell's font size: Excel does not grow a row for wrapped text in a file written by a
 * program, so a sheet printed as it is would hide the end of long labels. 0 where the default height does.
 */
export function wrappedRowHeights(spec: Pick<SheetSpec, "cells" | "styles" | "columnWidths"> & Partial<Pick<SheetSpec, "merges" | "font">>): number[] {
  const base = spec.font?.size ?? DEFAULT_FONT_SIZE;
  const width = spec.columnWidths.length;
  const spans = new Map<number, number>();
  for (const m of spec.merges ?? []) {
    if (m.top === m.bottom) spans.set(m.top * width + m.left, m.right);
  }
  const heights: number[] = [];
  const measure = (r: number, formats?: ReadonlyMap<number, CellFormat>) => {
    let tallest = 0;
    (spec.cells[r] ?? []).forEach((v, c) => {
      if (typeof v !== "string" || v === "") return;
      const style = formats?.get(c) ?? {};
      const size = style.fontSize ?? base;
      let columnPoints = 0;
      for (let k = c; k <= (spans.get(r * width + c) ?? c); k++) columnPoints += (spec.columnWidths[k] ?? 8.43) * POINTS_PER_WIDTH;
      const lines = style.wrap
        ? wrappedLines(v, Math.max(1, columnPoints - CELL_PADDING), size, style.bold)
        : v.split("\n").length;
      tallest = Math.max(tallest, lines * lineHeight(size) + ROW_PADDING);
    });
    heights[r] = tallest > DEFAULT_ROW_HEIGHT ? Math.ceil(tallest * 4) / 4 : 0;
  };
  eachRowFormats({ cells: spec.cells, styles: spec.styles }, (r, formats) => {
    if (r < spec.cells.length) measure(r, formats);
  });
  for (let r = 0; r < spec.cells.length; r++) if (heights[r] === undefined) measure(r);
  while (heights.length && heights[heights.length - 1] === 0) heights.pop();
  return heights;
}

/**
 * What a writer writes for one cell: the spec's styles covering it merged (later ones win property by property),
 * the sheet's font named, and whether the cell stays editable in a protected sheet. Both of the command line's
 * writers (a new workbook, a sheet added to a workbook) write these, so that a spec means the same in each.
 */
export interface CellFormat extends CellStyle {
  /** The font's name; with it the cell names its size too (the sheet's, or the style's). */
  fontName?: string;
  /** Left editable when the sheet is protected. */
  unlocked?: boolean;
}

/** Excel's last row and column (0-based): a range reaching past them stops there. */
const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/**
 * The format of every cell a spec formats, row by row from the top: `visit` gets each row that has any, its formats
 * by column. Each cell of the grid is in the sheet's font (when it names one), then come its styles and the unlocked
 * cells of its protection. Cells formatted alike share one object, so a writer can turn each format into its own
 * form once; one row's formats are held at a time, so a sheet of many rows costs no more memory than one.
 */
export function eachRowFormats(
  spec: Pick<SheetSpec, "cells" | "styles"> & Partial<Pick<SheetSpec, "font" | "protection">>,
  visit: (row: number, formats: ReadonlyMap<number, CellFormat>) => void,
): void {
  const base: CellFormat = spec.font ? { fontName: spec.font.name, fontSize: spec.font.size } : {};
  // The layers, in the order they apply: the grid (in the sheet's font), the styles, the unlocked cells
  const layers: { range: MergedRange; patch: CellFormat }[] = [];
  const width = spec.cells.reduce((w, row) => Math.max(w, row.length), 0);
  if (spec.font && spec.cells.length && width) layers.push({ range: { top: 0, left: 0, bottom: spec.cells.length - 1, right: width - 1 }, patch: {} });
  for (const { range, style } of spec.styles) layers.push({ range, patch: style });
  const unlocked: CellFormat = { unlocked: true };
  for (const range of spec.protection?.unlocked ?? []) layers.push({ range, patch: unlocked });

  // One object per distinct format: the format a cell had, and the patch applied to it, give the next
  const next = new Map<CellFormat, Map<CellFormat, CellFormat>>();
  const apply = (format: CellFormat, patch: CellFormat): CellFormat => {
    const byPatch = next.get(format) ?? next.set(format, new Map()).get(format)!;
    let out = byPatch.get(patch);
    if (!out) {
      const merged: Record<string, unknown> = { ...format };
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
      byPatch.set(patch, (out = merged as CellFormat));
    }
    return out;
  };

  // A sweep down the rows: the layers covering a row are those started and not yet ended, applied in their order
  const byTop = layers.map((_, i) => i).sort((a, b) => layers[a].range.top - layers[b].range.top);
  let active: number[] = [];
  for (let k = 0, row = 0; k < byTop.length || active.length > 0; row++) {
    if (active.length === 0) row = Math.max(row, layers[byTop[k]].range.top);
    if (row > LAST_ROW) break;
    let added = false;
    for (; k < byTop.length && layers[byTop[k]].range.top <= row; k++, added = true) active.push(byTop[k]);
    if (added) active.sort((a, b) => a - b);
    const formats = new Map<number, CellFormat>();
    for (const i of active) {
      const { range, patch } = layers[i];
      for (let c = range.left; c <= Math.min(range.right, LAST_COL); c++) formats.set(c, apply(formats.get(c) ?? base, patch));
    }
    if (formats.size) visit(row, formats);
    active = active.filter((i) => layers[i].range.bottom > row);
  }
}

/** A cell's own font: what a format sets of it, or undefined where the cell keeps the workbook's default font. */
export function formatFont(f: CellFormat): { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string } | undefined {
  if (!f.fontName && f.bold === undefined && f.italic === undefined && !f.fontColor && !f.fontSize) return undefined;
  return { name: f.fontName, size: f.fontSize || undefined, bold: f.bold, italic: f.italic, color: f.fontColor };
}

/** A cell's alignment, or undefined where it keeps the default. */
export function formatAlignment(f: CellFormat): { wrap?: boolean; horizontal?: CellStyle["horizontal"]; vertical?: CellStyle["vertical"] } | undefined {
  if (f.wrap === undefined && !f.horizontal && !f.vertical) return undefined;
  return { wrap: f.wrap, horizontal: f.horizontal, vertical: f.vertical };
}
