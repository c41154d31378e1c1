/**
 * What the in-memory Excel holds: workbook, sheets, cells and their formats, merges, tables, data validation,
 * charts, defined names and settings; and the cell-level behaviour Excel has when values are written.
 * Proxies (one module per Excel object: `workbook.ts`, `worksheet.ts`, `range.ts` ...) change this state only while a request runs at `context.sync()`.
 */

import { serialFromIso } from "../core/dates";
import type { CellValue } from "../core/grid";
import { MAX_COLUMNS, MAX_ROWS, contains, intersects, sameRect, type Rect } from "./address";
import { MemoryExcelError } from "./errors";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";
export type BorderEdge = "top" | "bottom" | "left" | "right";

/** Formatting of one cell. Objects are replaced, never changed in place (snapshots share them). */
export interface CellFormat {
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  borders?: Partial<Record<BorderEdge, string>>;
  /** Cell protection: every cell is locked unless set otherwise; it matters only once the sheet is protected. */
  locked?: boolean;
}

/** A range on a sheet, by the sheet's id so that renaming the sheet keeps it. */
export interface RangeRef {
  sheetId: string;
  rect: Rect;
}

export interface TableState {
  id: string;
  name: string;
  rect: Rect;
  style: string;
  showHeaders: boolean;
}

export interface ValidationState {
  rect: Rect;
  rule: Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ChartSeriesState {
  name: string;
  values: RangeRef | null;
  xValues: RangeRef | null;
  color: string | null;
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  title: string;
  series: ChartSeriesState[];
  /** Top-left and bottom-right cells it covers. */
  position: { start: Rect; end: Rect | null } | null;
  legendPosition: string;
  /** Category axis: categories in reverse order, and where the value axis crosses it. */
  categoryAxis?: { reversePlotOrder?: boolean; position?: string };
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: Rect | null;
  printTitleColumns?: Rect | null;
  printArea?: Rect | null;
  /** Margins in points, as Office.js sets them. */
  margins?: Partial<Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>>;
  /** Rows (0-based) that start a printed page. */
  rowBreaks?: number[];
}

export interface SheetState {
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** The options the sheet was protected with (WorksheetProtectionOptions), while it is protected. */
  protectionOptions: Record<string, unknown> | null;
  /** Hidden columns (0-based). */
  hiddenColumns: Set<number>;
  /** rows[r][c]; missing cells are empty. */
  rows: CellValue[][];
  /** Formulas written (Excel would compute them; this host only records them), by cell key. */
  formulas: Map<number, string>;
  formats: Map<number, CellFormat>;
  merges: Rect[];
  /** In points, as Office.js reports them. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  validations: ValidationState[];
  tables: TableState[];
  charts: ChartState[];
  pageLayout: PageLayoutState;
  showGridlines: boolean;
  tabColor: string;
}

export interface NameState {
  name: string;
  /** A range the name refers to, or a constant formula such as `="text"`. */
  ref: RangeRef | null;
  formula: string | null;
  comment: string;
  visible: boolean;
}

export interface WorkbookState {
  name: string;
  sheets: SheetState[];
  names: NameState[];
  settings: Map<string, unknown>;
  activeSheetId: string | null;
  /** The selected range; `more` holds the other areas of a multi-area selection. */
  selection: (RangeRef & { more?: Rect[] }) | null;
  structureProtected: boolean;
  nextId: number;
}

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
export const DEFAULT_ROW_HEIGHT = 15;
export const MAX_CELL_TEXT = 32_767;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function keyCell(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS };
}

export function newSheet(id: string, name: string): SheetState {
  return {
    id,
    name,
    visibility: "Visible",
    protected: false,
    protectionOptions: null,
    hiddenColumns: new Set(),
    rows: [],
    formulas: new Map(),
    formats: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    frozenRows: 0,
    frozenColumns: 0,
    validations: [],
    tables: [],
    charts: [],
    pageLayout: { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 }, printTitleRows: null },
    showGridlines: true,
    tabColor: "",
  };
}

/** A copy that shares nothing mutable with the original (format objects are immutable). */
export function cloneSheet(s: SheetState): SheetState {
  return {
    ...s,
    rows: s.rows.map((r) => (r ? r.slice() : r)),
    formulas: new Map(s.formulas),
    formats: new Map(s.formats),
    hiddenColumns: new Set(s.hiddenColumns),
    protectionOptions: s.protectionOptions ? { ...s.protectionOptions } : null,
    merges: s.merges.map((m) => ({ ...m })),
    columnWidths: new Map(s.columnWidths),
    rowHeights: new Map(s.rowHeights),
    validations: s.validations.map((v) => structuredClone(v)),
    tables: s.tables.map((t) => ({ ...t, rect: { ...t.rect } })),
    charts: s.charts.map((c) => structuredClone(c)),
    pageLayout: structuredClone(s.pageLayout),
  };
}

/** Everything needed to undo a failed request. */
export interface Snapshot {
  sheets: [SheetState, SheetState][];
  names: NameState[];
  settings: Map<string, unknown>;
  activeSheetId: string | null;
  selection: WorkbookState["selection"];
  name: string;
  structureProtected: boolean;
}

export function snapshot(wb: WorkbookState): Snapshot {
  return {
    sheets: wb.sheets.map((s) => [s, cloneSheet(s)]),
    names: structuredClone(wb.names),
    settings: new Map(wb.settings),
    activeSheetId: wb.activeSheetId,
    selection: wb.selection ? structuredClone(wb.selection) : null,
    name: wb.name,
    structureProtected: wb.structureProtected,
  };
}

/** Puts the workbook back as it was; sheet objects keep their identity so proxies bound to them still work. */
export function restore(wb: WorkbookState, snap: Snapshot): void {
  for (const [sheet, copy] of snap.sheets) Object.assign(sheet, copy);
  wb.sheets = snap.sheets.map(([s]) => s);
  wb.names = snap.names;
  wb.settings = snap.settings;
  wb.activeSheetId = snap.activeSheetId;
  wb.selection = snap.selection;
  wb.name = snap.name;
  wb.structureProtected = snap.structureProtected;
}

// ---- values ----

export function getValue(s: SheetState, row: number, col: number): CellValue {
  const r = s.rows[row];
  if (!r) return "";
  const v = r[col];
  return v === undefined || v === null ? "" : v;
}

function setCell(s: SheetState, row: number, col: number, value: CellValue): void {
  let r = s.rows[row];
  if (!r) {
    if (value === "") return;
    while (s.rows.length < row) s.rows.push([]);
    r = s.rows[row] = [];
  }
  if (value === "" && col >= r.length) return;
  while (r.length < col) r.push("");
  r[col] = value;
}

/** The merged area whose anchor is not (row, col) but which covers it. */
function coveringMerge(s: SheetState, row: number, col: number): Rect | undefined {
  return s.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

const FORMULA_START = /^[=@]|^[+-][^\d.]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

/**
 * What Excel stores when a string is written through `Range.values`: like typing it. A leading apostrophe
 * keeps the rest as text; `=...` is a formula; numbers, percentages, TRUE/FALSE and ISO dates are converted.
 * A cell formatted as Text (`@`) keeps the string as it is.
 */
export function typedIn(
  input: string,
  numberFormat: string,
): { value: CellValue; formula?: string; format?: string } {
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  const t = input.trim();
  if (FORMULA_START.test(t)) return { value: "#NAME?", formula: t };
  if (NUMBER.test(t)) return { value: Number(t) };
  if (/^\(\d+(\.\d*)?\)$/.test(t)) return { value: -Number(t.slice(1, -1)) };
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1)) / 100, format: numberFormat === "General" ? "0%" : undefined };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  const serial = /^\d{4}-\d{2}-\d{2}$/.test(t) ? serialFromIso(t) : null;
  if (serial !== null) return { value: serial, format: numberFormat === "General" ? "yyyy-mm-dd" : undefined };
  return { value: input };
}

function invalidArgument(location: string, detail: string): MemoryExcelError {
  return new MemoryExcelError("InvalidArgument", location, detail);
}

/** Checks a 2-D array (or a single value) against a range's size and returns a per-cell getter. */
export function shaped<T>(input: unknown, rect: Rect, location: string): (r: number, c: number) => T | null {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(input)) return () => input as T;
  if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw invalidArgument(location, `The array is not ${rows} row(s) by ${cols} column(s), the size of the range.`);
  }
  return (r, c) => (input as T[][])[r][c];
}

export function numberFormatAt(s: SheetState, row: number, col: number): string {
  return s.formats.get(cellKey(row, col))?.numberFormat ?? "General";
}

/** `Range.values = ...`: null leaves a cell as it is, like Excel. */
export function writeValues(s: SheetState, rect: Rect, input: unknown, location = "Range.values"): void {
  const at = shaped<unknown>(input, rect, location);
  checkCellCount(rect, location);
  // Validate everything first so a bad value leaves no cell changed.
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = at(r - rect.top, c - rect.left);
      if (v === null || v === undefined) continue;
      if (typeof v === "number" && !Number.isFinite(v)) throw invalidArgument(location, `${v} is not a number Excel can store.`);
      if (typeof v === "string" && v.length > MAX_CELL_TEXT) throw invalidArgument(location, `A cell can hold at most ${MAX_CELL_TEXT} characters.`);
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw invalidArgument(location, `${typeof v} is not a cell value.`);
      if (v !== "" && coveringMerge(s, r, c)) throw invalidArgument(location, "Only the top-left cell of a merged area can hold a value.");
    }
  }
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = at(r - rect.top, c - rect.left) as CellValue | null | undefined;
      if (v === null || v === undefined) continue;
      const key = cellKey(r, c);
      s.formulas.delete(key);
      if (typeof v !== "string") {
        setCell(s, r, c, v);
        continue;
      }
      const typed = typedIn(v, numberFormatAt(s, r, c));
      setCell(s, r, c, typed.value);
      if (typed.formula !== undefined) s.formulas.set(key, typed.formula);
      if (typed.format) s.formats.set(key, { ...s.formats.get(key), numberFormat: typed.format });
    }
  }
}

export function readValues(s: SheetState, rect: Rect): CellValue[][] {
  const out: CellValue[][] = new Array(rect.bottom - rect.top + 1);
  for (let r = rect.top; r <= rect.bottom; r++) {
    const src = s.rows[r];
    const row: CellValue[] = new Array(rect.right - rect.left + 1);
    for (let c = rect.left; c <= rect.right; c++) {
      const v = src ? src[c] : undefined;
      row[c - rect.left] = v === undefined || v === null ? "" : v;
    }
    out[r - rect.top] = row;
  }
  return out;
}

/** Per-cell work on whole columns or rows would need a different store; the adapter never does it. */
function checkCellCount(rect: Rect, location: string): void {
  const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  if (cells > 5_000_000) throw new MemoryExcelError("GeneralException", location, "The in-memory host does not store per-cell data for more than 5 million cells at once.");
}

// ---- formats ----

export function patchFormats(s: SheetState, rect: Rect, patch: (old: CellFormat) => CellFormat, location: string): void {
  checkCellCount(rect, location);
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const key = cellKey(r, c);
      s.formats.set(key, patch(s.formats.get(key) ?? {}));
    }
  }
}

/** A format property of a range: its value when every cell agrees, else null (as Excel reports mixed formats). */
export function uniformFormat<T>(s: SheetState, rect: Rect, read: (f: CellFormat) => T): T | null {
  checkCellCount(rect, "RangeFormat");
  let first = true;
  let value: T | null = null;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = read(s.formats.get(cellKey(r, c)) ?? {});
      if (first) {
        value = v;
        first = false;
      } else if (v !== value) return null;
    }
  }
  return value;
}

// ---- used range ----

/** The smallest rectangle holding every non-empty value (and, unless valuesOnly, every formatted cell); null when there is none. */
export function usedRect(s: SheetState, valuesOnly: boolean): Rect | null {
  return usedRectIn(s, { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }, valuesOnly);
}

/** The used part of `rect` (values only, or with formatted cells too), or null when it holds none. */
export function usedRectIn(s: SheetState, rect: Rect, valuesOnly: boolean): Rect | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  const last = Math.min(rect.bottom, s.rows.length - 1);
  for (let r = rect.top; r <= last; r++) {
    const row = s.rows[r];
    if (!row) continue;
    const end = Math.min(rect.right, row.length - 1);
    for (let c = rect.left; c <= end; c++) {
      if (row[c] === "" || row[c] === undefined || row[c] === null) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (!valuesOnly) {
    for (const key of s.formats.keys()) {
      const { row, col } = keyCell(key);
      if (!contains(rect, { top: row, left: col, bottom: row, right: col })) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

// ---- merges ----

export function merge(s: SheetState, rect: Rect, across: boolean, location = "Range.merge"): void {
  if (s.tables.some((t) => intersects(t.rect, rect))) throw new MemoryExcelError("InvalidOperation", location, "Cells in a table cannot be merged.");
  const areas: Rect[] = across
    ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ top: rect.top + i, bottom: rect.top + i, left: rect.left, right: rect.right }))
    : [rect];
  for (const area of areas) {
    if (area.top === area.bottom && area.left === area.right) continue;
    // Excel widens nothing: an existing merged area must lie wholly inside the new one.
    for (const m of s.merges) {
      if (intersects(m, area) && !contains(area, m)) throw invalidArgument(location, "The range overlaps part of a merged area.");
    }
    s.merges = s.merges.filter((m) => !contains(area, m));
    // Like Excel, only the top-left value survives.
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        if (s.rows[r] && s.rows[r][c] !== undefined) s.rows[r][c] = "";
        s.formulas.delete(cellKey(r, c));
      }
    }
    s.merges.push({ ...area });
  }
}

export function unmerge(s: SheetState, rect: Rect): void {
  s.merges = s.merges.filter((m) => !intersects(m, rect));
}

export function mergesIn(s: SheetState, rect: Rect): Rect[] {
  return s.merges.filter((m) => intersects(m, rect));
}

// ---- names ----

/** Excel's rules for sheet names; returns why a name is not allowed, or null. */
export function sheetNameProblem(name: unknown, sheets: SheetState[], self?: SheetState): string | null {
  if (typeof name !== "string" || name.trim() === "") return "A sheet name cannot be blank.";
  if (name.length > 31) return "A sheet name has at most 31 characters.";
  if (/[[\]:*?/\\]/.test(name)) return "A sheet name cannot contain [ ] : * ? / \\.";
  if (name.startsWith("'") || name.endsWith("'")) return "A sheet name cannot begin or end with an apostrophe.";
  if (name.toLowerCase() === "history") return "'History' is reserved by Excel.";
  if (sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) return `A sheet named '${name}' already exists.`;
  return null;
}

/** Excel's rules for table and defined names; returns why a name is not allowed, or null. */
export function definedNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name === "") return "A name cannot be blank.";
  if (name.length > 255) return "A name has at most 255 characters.";
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return `"${name}" is not a valid name: start with a letter or _, no spaces.`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name) || /^R\d*C\d*$/i.test(name)) return `"${name}" looks like a cell reference.`;
  return null;
}

/** True when a table or defined name already uses `name` (case-insensitive). */
export function nameTaken(wb: WorkbookState, name: string, except?: TableState): boolean {
  const key = name.toLowerCase();
  return wb.names.some((n) => n.name.toLowerCase() === key) || wb.sheets.some((s) => s.tables.some((t) => t !== except && t.name.toLowerCase() === key));
}

export function findSheetById(wb: WorkbookState, id: string): SheetState | undefined {
  return wb.sheets.find((s) => s.id === id);
}

export function rectInsideSheet(rect: Rect): boolean {
  return rect.top >= 0 && rect.left >= 0 && rect.bottom < MAX_ROWS && rect.right < MAX_COLUMNS;
}

export { sameRect };
