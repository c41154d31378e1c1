/** Excel.Range, in memory. */

import { type CellValue } from "../core/grid";
import {
  checkRect,
  columnCount,
  formatRangeAddress,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRef,
  type Rect,
  rowCount,
  splitSheet,
} from "./address";
import { ClientObject, type Getters, Ref } from "./base";
import { MemoryExcelError } from "./errors";
import { CELL_READ_LIMIT, MERGED_AREAS_LIMIT } from "./limits";
import { cellKey, type CellFormat, getValue, keyCell, merge, mergesIn, numberFormatAt, readValues, shaped, unmerge, usedRectIn, writeValues } from "./state";
import { TableScopedCollection } from "./table";
import { type Ctx } from "./request-context";
import { editable, invalid, rangeAlive, type RangeTarget, sheetAlive, writableValues } from "./guards";
import { Worksheet } from "./worksheet";
import { type AreasTarget, cellCountOf, RangeAreas } from "./range-areas";
import { RangeFormat, uniformOver } from "./range-format";
import { DataValidation } from "./data-validation";

export class Range extends ClientObject<RangeTarget> {
  readonly _typeName = "Range";
  private _format?: RangeFormat;
  private _dataValidation?: DataValidation;
  private _worksheet?: Worksheet;

  _getters(): Getters<RangeTarget> {
    return {
      address: (t) => formatRangeAddress(t.sheet.name, t.rect),
      addressLocal: (t) => formatRangeAddress(t.sheet.name, t.rect),
      rowIndex: (t) => t.rect.top,
      columnIndex: (t) => t.rect.left,
      rowCount: (t) => rowCount(t.rect),
      columnCount: (t) => columnCount(t.rect),
      cellCount: (t) => cellCountOf([t.rect]),
      values: (t) => this._cells(t, "values", () => readValues(t.sheet, t.rect)),
      text: (t) => this._cells(t, "text", () => readValues(t.sheet, t.rect).map((r) => r.map((v) => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v))))),
      numberFormat: (t) => this._cells(t, "numberFormat", () => grid(t.rect, (r, c) => numberFormatAt(t.sheet, r, c))),
      formulas: (t) => this._cells(t, "formulas", () => grid(t.rect, (r, c) => t.sheet.formulas.get(cellKey(r, c)) ?? getValue(t.sheet, r, c))),
      valueTypes: (t) => this._cells(t, "valueTypes", () => readValues(t.sheet, t.rect).map((r) => r.map(valueType))),
      columnHidden: (t) => uniformOver(t.rect.left, t.rect.right, (c) => (t.sheet.hiddenColumns.has(c) ? 1 : 0)) === 1,
    };
  }

  /** A per-cell property: Excel reads at most 5,000,000 cells at once; more fails, or gives null on some platforms. */
  private _cells<V>(t: RangeTarget, property: string, read: () => V): V | null {
    const cells = rowCount(t.rect) * columnCount(t.rect);
    if (cells <= CELL_READ_LIMIT) return read();
    if (this._ctx.host.largeReads === "null") return null;
    throw new MemoryExcelError("RangeExceedsLimit", `Range.${property}`, `The range has ${cells} cells; Excel reads at most ${CELL_READ_LIMIT} at once.`);
  }

  protected override _navigation() {
    return { format: this.format, dataValidation: this.dataValidation, worksheet: this.worksheet };
  }

  private get _ctx(): Ctx {
    return this.context as Ctx;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get values(): CellValue[][] {
    return this._get("values");
  }
  set values(value: unknown[][]) {
    this._set("values", value, (t, v) => writeValues(writableValues(t.sheet, t.rect, "Range.values"), t.rect, v));
  }

  /** Whether all the range's columns are hidden (ExcelApi 1.2). Hiding is a column format: refused on a protected sheet. */
  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  set columnHidden(value: boolean) {
    this._set("columnHidden", value, (t, v) => {
      editable(t.sheet, "Range.columnHidden");
      if (typeof v !== "boolean") throw invalid("Range.columnHidden", `${JSON.stringify(v)} is not true or false.`);
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        if (v) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }

  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this._set("numberFormat", value, (t, v) => {
      editable(t.sheet, "Range.numberFormat");
      const at = shaped<unknown>(v, t.rect, "Range.numberFormat");
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const f = at(r - t.rect.top, c - t.rect.left);
          if (f === null || f === undefined) continue;
          if (typeof f !== "string") throw invalid("Range.numberFormat", "A number format is text.");
          const key = cellKey(r, c);
          t.sheet.formats.set(key, { ...t.sheet.formats.get(key), numberFormat: f });
        }
      }
    });
  }

  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  /** Formulas written as Excel takes them: `=...` a formula, anything else a value as `values` takes it; null leaves a cell. */
  set formulas(value: unknown[][]) {
    this._set("formulas", value, (t, v) => writeValues(writableValues(t.sheet, t.rect, "Range.formulas"), t.rect, v, "Range.formulas"));
  }

  /** The tables overlapping the range, or (fullyContained) lying wholly inside it. */
  getTables(fullyContained?: boolean): TableScopedCollection {
    const ctx = this._ctx;
    return new TableScopedCollection(
      ctx,
      new Ref(() => {
        const t = this._ref.resolve();
        return t ? { ...t, fullyContained: Boolean(fullyContained) } : null;
      }, (t) => (ctx.state.sheets.includes(t.sheet) ? t : null)),
    )._queueCreation(this._typeName, "getTables", [fullyContained]);
  }

  /**
   * Copies the source range's formats onto this range (`copyType` "Formats"), the source repeated over a larger
   * destination as Excel repeats it. The other copy types are not modelled: the host refuses them.
   */
  copyFrom(source: Range | string, copyType: "All" | "Formulas" | "Values" | "Formats" = "All", skipBlanks = false, transpose = false): void {
    this._call("copyFrom", [source instanceof Range ? "Range" : source, copyType, skipBlanks, transpose], (t) => {
      const location = "Range.copyFrom";
      if (copyType !== "Formats" || skipBlanks || transpose) throw invalid(location, "The in-memory host copies only formats (copyType \"Formats\", without skipBlanks or transpose).");
      const from = typeof source === "string" ? { sheet: t.sheet, rect: parseRef(splitSheet(source).ref, location) } : source._ref.require(location);
      const s = editable(t.sheet, location);
      const rows = rowCount(from.rect);
      const cols = columnCount(from.rect);
      // the destination grows to the source's size; a larger one repeats the source when it is a multiple of it
      const bottom = Math.max(t.rect.bottom, t.rect.top + rows - 1);
      const right = Math.max(t.rect.right, t.rect.left + cols - 1);
      const formats = new Map<number, CellFormat>();
      for (const [key, f] of from.sheet.formats) {
        const { row, col } = keyCell(key);
        if (row >= from.rect.top && row <= from.rect.bottom && col >= from.rect.left && col <= from.rect.right) formats.set(cellKey(row - from.rect.top, col - from.rect.left), f);
      }
      for (const key of [...s.formats.keys()]) {
        const { row, col } = keyCell(key);
        if (row >= t.rect.top && row <= bottom && col >= t.rect.left && col <= right) s.formats.delete(key);
      }
      for (let r = t.rect.top; r <= bottom; r++) {
        for (const [key, f] of formats) {
          const { row, col } = keyCell(key);
          if ((r - t.rect.top) % rows !== row) continue;
          for (let c = t.rect.left + col; c <= right; c += cols) s.formats.set(cellKey(r, c), f);
        }
      }
    });
  }

  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this._ctx, this._ref));
  }

  get dataValidation(): DataValidation {
    return (this._dataValidation ??= new DataValidation(this._ctx, this._ref));
  }

  get worksheet(): Worksheet {
    const ctx = this._ctx;
    return (this._worksheet ??= new Worksheet(ctx, new Ref(() => this._ref.resolve()?.sheet ?? null, sheetAlive(ctx))));
  }

  private _derived(method: string, args: unknown[], find: (t: RangeTarget) => Rect | null): Range {
    const ctx = this._ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const t = this._ref.resolve();
        if (!t) return null;
        const rect = find(t);
        if (rect) checkRect(rect, `Range.${method}`);
        return rect ? { sheet: t.sheet, rect } : null;
      }, rangeAlive(ctx)),
    )._queueCreation(this._typeName, method, args);
  }

  getCell(row: number, column: number): Range {
    return this._derived("getCell", [row, column], (t) => ({ top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column }));
  }

  getRow(row: number): Range {
    return this._derived("getRow", [row], (t) => ({ ...t.rect, top: t.rect.top + row, bottom: t.rect.top + row }));
  }

  getColumn(column: number): Range {
    return this._derived("getColumn", [column], (t) => ({ ...t.rect, left: t.rect.left + column, right: t.rect.left + column }));
  }

  getEntireColumn(): Range {
    return this._derived("getEntireColumn", [], (t) => ({ top: 0, bottom: MAX_ROWS - 1, left: t.rect.left, right: t.rect.right }));
  }

  getEntireRow(): Range {
    return this._derived("getEntireRow", [], (t) => ({ top: t.rect.top, bottom: t.rect.bottom, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], (t) => ({ ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived("getOffsetRange", [rowOffset, columnOffset], (t) => ({
      top: t.rect.top + rowOffset, bottom: t.rect.bottom + rowOffset, left: t.rect.left + columnOffset, right: t.rect.right + columnOffset,
    }));
  }

  getIntersectionOrNullObject(other: Range | string): Range {
    return this._derived("getIntersectionOrNullObject", [other], (t) => {
      const o = typeof other === "string" ? parseRef(splitSheet(other).ref, "Range.getIntersectionOrNullObject") : other._ref.require("Range.getIntersectionOrNullObject").rect;
      if (!intersects(t.rect, o)) return null;
      return { top: Math.max(t.rect.top, o.top), left: Math.max(t.rect.left, o.left), bottom: Math.min(t.rect.bottom, o.bottom), right: Math.min(t.rect.right, o.right) };
    });
  }

  /** The used part of this range (values only, or with formatted cells too), or a null object when it holds none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._derived("getUsedRangeOrNullObject", [valuesOnly], (t) => usedRectIn(t.sheet, t.rect, Boolean(valuesOnly)));
  }

  /** The merged areas overlapping this range, or a null object when there are none; fails above 512 areas, as Excel does. */
  getMergedAreasOrNullObject(): RangeAreas {
    const ctx = this._ctx;
    return new RangeAreas(
      ctx,
      new Ref<AreasTarget>(() => {
        const t = this._ref.resolve();
        if (!t) return null;
        const areas = mergesIn(t.sheet, t.rect);
        // Microsoft documents the limit but not the error; GeneralException is this host's guess.
        if (areas.length > MERGED_AREAS_LIMIT) {
          throw new MemoryExcelError("GeneralException", "Range.getMergedAreasOrNullObject", `The range holds ${areas.length} merged areas; Excel returns at most ${MERGED_AREAS_LIMIT}.`);
        }
        return areas.length ? { sheet: t.sheet, rects: areas } : null;
      }, (a) => (ctx.state.sheets.includes(a.sheet) ? a : null)),
    )._queueCreation(this._typeName, "getMergedAreasOrNullObject", []);
  }

  merge(across?: boolean): void {
    this._call("merge", [across], (t) => merge(editable(t.sheet, "Range.merge"), t.rect, Boolean(across)));
  }

  unmerge(): void {
    this._call("unmerge", [], (t) => unmerge(editable(t.sheet, "Range.unmerge"), t.rect));
  }

  /** Selects the range, activating its sheet. */
  select(): void {
    this._call("select", [], (t) => {
      if (t.sheet.visibility !== "Visible") throw new MemoryExcelError("InvalidOperation", "Range.select", `The sheet '${t.sheet.name}' is hidden.`);
      const wb = this._ctx.state;
      wb.activeSheetId = t.sheet.id;
      wb.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }

  clear(applyTo?: "All" | "Formats" | "Contents"): void {
    this._call("clear", [applyTo], (t) => {
      const s = editable(t.sheet, "Range.clear");
      const what = applyTo ?? "All";
      if (what !== "Formats") {
        const blank = grid(t.rect, () => "" as CellValue);
        unmerge(s, t.rect);
        writeValues(s, t.rect, blank, "Range.clear");
      }
      if (what !== "Contents") {
        for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) s.formats.delete(cellKey(r, c));
      }
    });
  }
}

export function grid<T>(rect: Rect, at: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

export function valueType(v: CellValue): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return /^#[A-Z0-9/]+[!?]?$/.test(v) ? "Error" : "String";
}
