/**
 * A sheet to write, as data: values, styles, merges, widths, tables, dropdowns, print set-up, chart.
 * The core computes these (Section 0 summary, template); the shells only write them (through ExcelJS or the add-in).
 */

import type { CellValue, MergedRange } from "./grid";

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
  print?: {
    orientation: "landscape" | "portrait";
    paperSize: "A4";
    /** Fit all columns on one page wide. */
    fitToWidth: boolean;
    /** Rows repeated at the top of every printed page (0-based, inclusive). */
    repeatRows?: { first: number; last: number };
  };
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

/** Excel's default row height for 11-point text, in points: one line. */
const LINE_POINTS = 15;
/** Characters of ordinary text that fit in one Excel width unit (widths count the digit 0, text runs narrower). */
const CHARS_PER_WIDTH = 1.1;

/**
 * Row heights that show all the text of wrapped cells: Excel does not grow a row for wrapped text in a
 * file written by a program, so a summary printed as it is would hide the end of long labels.
 */
export function wrappedRowHeights(spec: Pick<SheetSpec, "cells" | "styles" | "columnWidths">): number[] {
  const lines: number[] = [];
  for (const { range, style } of spec.styles) {
    if (!style.wrap) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const v = spec.cells[r]?.[c];
        if (typeof v !== "string" || v === "") continue;
        const perLine = Math.max(1, Math.floor((spec.columnWidths[c] ?? 8.43) * CHARS_PER_WIDTH));
        const n = v.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
        if (n > (lines[r] ?? 1)) lines[r] = n;
      }
    }
  }
  return Array.from({ length: lines.length }, (_, r) => (lines[r] && lines[r] > 1 ? lines[r] * LINE_POINTS : 0));
}
