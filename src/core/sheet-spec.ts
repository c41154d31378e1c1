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
  kind: "barStacked";
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
}

/** The rectangle covering one cell. */
export function cellRange(row: number, col: number): MergedRange {
  return { top: row, left: col, bottom: row, right: col };
}
