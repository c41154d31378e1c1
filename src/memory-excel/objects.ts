/**
 * The Excel JavaScript API objects the add-in uses, in memory, with the names and shapes of `@types/office-js`:
 * RequestContext, Workbook, WorksheetCollection, Worksheet, Range, RangeFormat, DataValidation, tables, charts,
 * page layout, freeze panes, protection, defined names and settings.
 */

import { quoteSheetName, type CellValue } from "../core/grid";
import { ClientObject, CollectionObject, Ref, type Getters, type Operation, type QueueingContext } from "./base";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  checkRect,
  columnCount,
  contains,
  formatAbsoluteRef,
  formatRangeAddress,
  intersects,
  parseRef,
  rowCount,
  splitSheet,
  type Rect,
} from "./address";
import { MemoryExcelError } from "./errors";
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  cellKey,
  definedNameProblem,
  getValue,
  merge,
  mergesIn,
  nameTaken,
  newSheet,
  numberFormatAt,
  patchFormats,
  readValues,
  shaped,
  sheetNameProblem,
  uniformFormat,
  unmerge,
  usedRect,
  writeValues,
  type BorderEdge,
  type CellFormat,
  type ChartSeriesState,
  type ChartState,
  type NameState,
  type SheetState,
  type TableState,
  type ValidationState,
  type WorkbookState,
} from "./state";

/** What the context needs from its host. */
export interface ContextHost {
  readonly state: WorkbookState;
  _execute(ops: Operation[]): Promise<void>;
}

export class MemoryRequestContext implements QueueingContext {
  private pending: Operation[] = [];
  readonly workbook: Workbook;
  /** Office.js keeps tracked objects valid across syncs; here every proxy already is. */
  readonly trackedObjects = { add: (_o: unknown) => {}, remove: (_o: unknown) => {} };

  constructor(readonly host: ContextHost) {
    this.workbook = new Workbook(this, Ref.of(host.state, () => this.state));
  }

  get state(): WorkbookState {
    return this.host.state;
  }

  enqueue(op: Operation): void {
    this.pending.push(op);
  }

  /** True when operations wait for a sync (Excel.run syncs them at the end). */
  get _hasPending(): boolean {
    return this.pending.length > 0;
  }

  _discard(): void {
    this.pending = [];
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.pending;
    this.pending = [];
    await this.host._execute(ops);
    return passThroughValue as T;
  }
}

type Ctx = MemoryRequestContext;

// ---- guards ----

function accessDenied(location: string, detail: string): MemoryExcelError {
  return new MemoryExcelError("AccessDenied", location, detail);
}

/** Sheet protection forbids changing cells, formats, merges, tables, validation and charts. */
function editable(sheet: SheetState, location: string): SheetState {
  if (sheet.protected) throw accessDenied(location, `The sheet '${sheet.name}' is protected.`);
  return sheet;
}

/**
 * On a protected sheet, values may still be written into cells that are all unlocked (as people type into them);
 * a range with any locked cell is refused, as Excel refuses it.
 */
function writableValues(sheet: SheetState, rect: Rect, location: string): SheetState {
  if (!sheet.protected) return sheet;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (sheet.formats.get(cellKey(r, c))?.locked !== false) throw accessDenied(location, `The sheet '${sheet.name}' is protected and the cell is locked.`);
    }
  }
  return sheet;
}

/** Workbook structure protection forbids adding, deleting, renaming, moving, hiding sheets. */
function structural(wb: WorkbookState, location: string): void {
  if (wb.structureProtected) throw accessDenied(location, "The workbook structure is protected.");
}

function invalid(location: string, detail: string): MemoryExcelError {
  return new MemoryExcelError("InvalidArgument", location, detail);
}

function sheetAlive(ctx: Ctx) {
  return (s: SheetState) => (ctx.state.sheets.includes(s) ? s : null);
}

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

function rangeAlive(ctx: Ctx) {
  return (t: RangeTarget) => (ctx.state.sheets.includes(t.sheet) ? t : null);
}

function visibleSheets(wb: WorkbookState): SheetState[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}

// ---- workbook ----

export class Workbook extends ClientObject<WorkbookState> {
  readonly _typeName = "Workbook";
  private _worksheets?: WorksheetCollection;
  private _names?: NamedItemCollection;
  private _settings?: SettingCollection;
  private _tables?: TableCollection;
  private _protection?: WorkbookProtection;

  _getters(): Getters<WorkbookState> {
    return { name: (wb) => wb.name };
  }

  protected override _navigation() {
    return { worksheets: this.worksheets, names: this.names, settings: this.settings, tables: this.tables, protection: this.protection };
  }

  get name(): string {
    return this._get("name");
  }

  get worksheets(): WorksheetCollection {
    return (this._worksheets ??= new WorksheetCollection(this.context as Ctx, this._ref));
  }

  get names(): NamedItemCollection {
    return (this._names ??= new NamedItemCollection(this.context as Ctx, this._ref));
  }

  get settings(): SettingCollection {
    return (this._settings ??= new SettingCollection(this.context as Ctx, this._ref));
  }

  get tables(): TableCollection {
    const ctx = this.context as Ctx;
    return (this._tables ??= new TableCollection(ctx, new Ref<TablesTarget>(() => ({ wb: ctx.state, sheet: null }))));
  }

  get protection(): WorkbookProtection {
    return (this._protection ??= new WorkbookProtection(this.context as Ctx, this._ref));
  }

  /** The selected range (the active sheet's A1 when nothing was selected). */
  getSelectedRange(): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const wb = ctx.state;
        const sel = wb.selection;
        const sheet = sel ? wb.sheets.find((s) => s.id === sel.sheetId) : undefined;
        if (sheet && sel) return { sheet, rect: sel.rect };
        const active = wb.sheets.find((s) => s.id === wb.activeSheetId) ?? wb.sheets[0];
        return { sheet: active, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      }, rangeAlive(ctx)),
    )._queueCreation("getSelectedRange", []);
  }

  getActiveCell(): Range {
    return this.getSelectedRange().getCell(0, 0);
  }
}

export class WorkbookProtection extends ClientObject<WorkbookState> {
  readonly _typeName = "WorkbookProtection";
  _getters(): Getters<WorkbookState> {
    return { protected: (wb) => wb.structureProtected };
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(_password?: string): void {
    this._call("protect", [], (wb) => void (wb.structureProtected = true));
  }
  unprotect(_password?: string): void {
    this._call("unprotect", [], (wb) => void (wb.structureProtected = false));
  }
}

// ---- worksheets ----

function findSheet(wb: WorkbookState, key: string): SheetState | undefined {
  const k = key.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
}

export class WorksheetCollection extends CollectionObject<WorkbookState, Worksheet> {
  readonly _typeName = "WorksheetCollection";

  protected _list(wb: WorkbookState): unknown[] {
    return wb.sheets;
  }

  protected _itemProxy(sheet: unknown): Worksheet {
    const ctx = this.context as Ctx;
    return new Worksheet(ctx, Ref.of(sheet as SheetState, sheetAlive(ctx)));
  }

  private sheetRef(find: (wb: WorkbookState) => SheetState | null): Ref<SheetState> {
    const ctx = this.context as Ctx;
    return new Ref(() => find(ctx.state), sheetAlive(ctx));
  }

  getItem(key: string): Worksheet {
    const ref = this.sheetRef((wb) => {
      const s = findSheet(wb, key);
      if (!s) throw new MemoryExcelError("ItemNotFound", "WorksheetCollection.getItem", `There is no sheet named '${key}'.`);
      return s;
    });
    return new Worksheet(this.context as Ctx, ref)._queueCreation("getItem", [key]);
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context as Ctx, this.sheetRef((wb) => findSheet(wb, key) ?? null))._queueCreation("getItemOrNullObject", [key]);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(
      this.context as Ctx,
      this.sheetRef((wb) => wb.sheets.find((s) => s.id === wb.activeSheetId) ?? visibleSheets(wb)[0] ?? null),
    )._queueCreation("getActiveWorksheet", []);
  }

  getFirst(visibleOnly?: boolean): Worksheet {
    return new Worksheet(
      this.context as Ctx,
      this.sheetRef((wb) => {
        const s = (visibleOnly ? visibleSheets(wb) : wb.sheets)[0];
        if (!s) throw new MemoryExcelError("ItemNotFound", "WorksheetCollection.getFirst");
        return s;
      }),
    )._queueCreation("getFirst", [visibleOnly]);
  }

  /** Adds a sheet at the end (not activated, as in Excel). */
  add(name?: string): Worksheet {
    const ref = this.sheetRef((wb) => {
      structural(wb, "WorksheetCollection.add");
      let sheetName = name;
      if (sheetName === undefined || sheetName === null) {
        let n = wb.sheets.length + 1;
        while (findSheet(wb, `Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      const problem = sheetNameProblem(sheetName, wb.sheets);
      if (problem) throw invalid("WorksheetCollection.add", problem);
      const sheet = newSheet(`{${String(wb.nextId++).padStart(8, "0")}-0001-0000-0000-000000000000}`, sheetName);
      wb.sheets.push(sheet);
      return sheet;
    });
    const sheet = new Worksheet(this.context as Ctx, ref);
    (this.context as Ctx).enqueue({
      request: { type: this._typeName, method: "add", args: [name] },
      writes: true,
      run: () => {
        ref.resolve();
        return { deliver: () => sheet._markExists() };
      },
    });
    return sheet;
  }
}

export class Worksheet extends ClientObject<SheetState> {
  readonly _typeName = "Worksheet";
  private _protection?: WorksheetProtection;
  private _freezePanes?: WorksheetFreezePanes;
  private _tables?: TableCollection;
  private _charts?: ChartCollection;
  private _pageLayout?: PageLayout;
  private _horizontalPageBreaks?: PageBreakCollection;

  _getters(): Getters<SheetState> {
    const wb = () => (this.context as Ctx).state;
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => wb().sheets.indexOf(s),
      visibility: (s) => s.visibility,
      showGridlines: (s) => s.showGridlines,
      tabColor: (s) => s.tabColor,
    };
  }

  protected override _navigation() {
    return { protection: this.protection, freezePanes: this.freezePanes, tables: this.tables, charts: this.charts, pageLayout: this.pageLayout };
  }

  _markExists(): void {
    this._isNull = false;
  }

  private get ctx(): Ctx {
    return this.context as Ctx;
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (s, v) => {
      const wb = this.ctx.state;
      structural(wb, "Worksheet.name");
      const problem = sheetNameProblem(v, wb.sheets, s);
      if (problem) throw invalid("Worksheet.name", problem);
      s.name = v as string;
    });
  }

  get id(): string {
    return this._get("id");
  }

  get position(): number {
    return this._get("position");
  }
  set position(value: number) {
    this._set("position", value, (s, v) => {
      const wb = this.ctx.state;
      structural(wb, "Worksheet.position");
      const p = v as number;
      if (!Number.isInteger(p) || p < 0 || p >= wb.sheets.length) throw invalid("Worksheet.position", `Position ${p} is outside 0..${wb.sheets.length - 1}.`);
      const rest = wb.sheets.filter((x) => x !== s);
      rest.splice(p, 0, s);
      wb.sheets = rest;
    });
  }

  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this._get("visibility");
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this._set("visibility", value, (s, v) => {
      const wb = this.ctx.state;
      structural(wb, "Worksheet.visibility");
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw invalid("Worksheet.visibility", `${String(v)} is not a visibility.`);
      if (v !== "Visible" && visibleSheets(wb).length === 1 && s.visibility === "Visible") {
        throw new MemoryExcelError("InvalidOperation", "Worksheet.visibility", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = v;
      if (v !== "Visible" && wb.activeSheetId === s.id) wb.activeSheetId = visibleSheets(wb)[0]?.id ?? null;
    });
  }

  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(value: boolean) {
    this._set("showGridlines", value, (s, v) => void (s.showGridlines = Boolean(v)));
  }

  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(value: string) {
    this._set("tabColor", value, (s, v) => void (s.tabColor = String(v)));
  }

  get protection(): WorksheetProtection {
    return (this._protection ??= new WorksheetProtection(this.ctx, this._ref));
  }

  get freezePanes(): WorksheetFreezePanes {
    return (this._freezePanes ??= new WorksheetFreezePanes(this.ctx, this._ref));
  }

  get tables(): TableCollection {
    const ctx = this.ctx;
    return (this._tables ??= new TableCollection(ctx, new Ref<TablesTarget>(() => {
      const sheet = this._ref.resolve();
      return sheet ? { wb: ctx.state, sheet } : null;
    })));
  }

  get charts(): ChartCollection {
    return (this._charts ??= new ChartCollection(this.ctx, this._ref));
  }

  get pageLayout(): PageLayout {
    return (this._pageLayout ??= new PageLayout(this.ctx, this._ref));
  }

  get horizontalPageBreaks(): PageBreakCollection {
    return (this._horizontalPageBreaks ??= new PageBreakCollection(this.ctx, this._ref));
  }

  private rangeOn(find: (s: SheetState) => Rect | null, method: string, args: unknown[]): Range {
    const ctx = this.ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const sheet = this._ref.resolve();
        if (!sheet) return null;
        const rect = find(sheet);
        return rect ? { sheet, rect } : null;
      }, rangeAlive(ctx)),
    )._queueCreation(method, args);
  }

  /** A range by A1 address (`A1`, `B2:D9`, `C:C`, `3:5`); the whole sheet without one. */
  getRange(address?: string): Range {
    return this.rangeOn((s) => {
      if (address === undefined || address === "") return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const { sheet, ref } = splitSheet(address);
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) throw invalid("Worksheet.getRange", `"${address}" is on another sheet.`);
      return parseRef(ref);
    }, "getRange", [address]);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.rangeOn(() => {
      const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      checkRect(rect, "Worksheet.getRangeByIndexes");
      return rect;
    }, "getRangeByIndexes", [startRow, startColumn, rowCount, columnCount]);
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; Excel gives A1 for an empty sheet. */
  getUsedRange(valuesOnly?: boolean): Range {
    return this.rangeOn((s) => usedRect(s, Boolean(valuesOnly)) ?? { top: 0, left: 0, bottom: 0, right: 0 }, "getUsedRange", [valuesOnly]);
  }

  /** The used range, or a null object for an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.rangeOn((s) => usedRect(s, Boolean(valuesOnly)), "getUsedRangeOrNullObject", [valuesOnly]);
  }

  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw new MemoryExcelError("InvalidOperation", "Worksheet.activate", `The sheet '${s.name}' is hidden.`);
      this.ctx.state.activeSheetId = s.id;
    });
  }

  delete(): void {
    this._call("delete", [], (s) => {
      const wb = this.ctx.state;
      structural(wb, "Worksheet.delete");
      if (s.visibility === "Visible" && visibleSheets(wb).length === 1) {
        throw new MemoryExcelError("InvalidOperation", "Worksheet.delete", "A workbook must keep at least one visible sheet.");
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      // Names that pointed into the sheet now say #REF!, as in Excel.
      wb.names = wb.names.map((n) => (n.ref && n.ref.sheetId === s.id ? { ...n, ref: null, formula: "=#REF!" } : n));
      if (wb.activeSheetId === s.id) wb.activeSheetId = visibleSheets(wb)[0]?.id ?? null;
      if (wb.selection?.sheetId === s.id) wb.selection = null;
    });
  }
}

export class WorksheetProtection extends ClientObject<SheetState> {
  readonly _typeName = "WorksheetProtection";
  _getters(): Getters<SheetState> {
    return { protected: (s) => s.protected };
  }
  get protected(): boolean {
    return this._get("protected");
  }
  /** Protects the sheet with its options (ExcelApi 1.2); a sheet already protected is refused, as Excel refuses it. */
  protect(options?: Record<string, unknown>, _password?: string): void {
    this._call("protect", [options], (s) => {
      if (s.protected) throw new MemoryExcelError("InvalidOperation", "WorksheetProtection.protect", `The sheet '${s.name}' is already protected.`);
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
    });
  }
  unprotect(_password?: string): void {
    this._call("unprotect", [], (s) => {
      s.protected = false;
      s.protectionOptions = null;
    });
  }
}

export class WorksheetFreezePanes extends ClientObject<SheetState> {
  readonly _typeName = "WorksheetFreezePanes";
  _getters(): Getters<SheetState> {
    return {};
  }
  freezeRows(count?: number): void {
    this._call("freezeRows", [count], (s) => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw invalid("WorksheetFreezePanes.freezeRows", `${n} is not a row count.`);
      s.frozenRows = n;
      s.frozenColumns = 0;
    });
  }
  freezeColumns(count?: number): void {
    this._call("freezeColumns", [count], (s) => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_COLUMNS) throw invalid("WorksheetFreezePanes.freezeColumns", `${n} is not a column count.`);
      s.frozenColumns = n;
      s.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
  /** The frozen rows as a range (`1:2`), or a null object when nothing is frozen. */
  getLocationOrNullObject(): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const sheet = this._ref.resolve();
        if (!sheet || (sheet.frozenRows === 0 && sheet.frozenColumns === 0)) return null;
        const rect = sheet.frozenRows > 0
          ? { top: 0, bottom: sheet.frozenRows - 1, left: 0, right: MAX_COLUMNS - 1 }
          : { top: 0, bottom: MAX_ROWS - 1, left: 0, right: sheet.frozenColumns - 1 };
        return { sheet, rect };
      }, rangeAlive(ctx)),
    )._queueCreation("getLocationOrNullObject", []);
  }
}

// ---- ranges ----

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
      cellCount: (t) => rowCount(t.rect) * columnCount(t.rect),
      values: (t) => readValues(t.sheet, t.rect),
      text: (t) => readValues(t.sheet, t.rect).map((r) => r.map((v) => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v)))),
      numberFormat: (t) => grid(t.rect, (r, c) => numberFormatAt(t.sheet, r, c)),
      formulas: (t) => grid(t.rect, (r, c) => t.sheet.formulas.get(cellKey(r, c)) ?? getValue(t.sheet, r, c)),
      valueTypes: (t) => readValues(t.sheet, t.rect).map((r) => r.map(valueType)),
      columnHidden: (t) => uniformOver(t.rect.left, t.rect.right, (c) => (t.sheet.hiddenColumns.has(c) ? 1 : 0)) === 1,
    };
  }

  protected override _navigation() {
    return { format: this.format, dataValidation: this.dataValidation, worksheet: this.worksheet };
  }

  private get ctx(): Ctx {
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

  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this.ctx, this._ref));
  }

  get dataValidation(): DataValidation {
    return (this._dataValidation ??= new DataValidation(this.ctx, this._ref));
  }

  get worksheet(): Worksheet {
    const ctx = this.ctx;
    return (this._worksheet ??= new Worksheet(ctx, new Ref(() => this._ref.resolve()?.sheet ?? null, sheetAlive(ctx))));
  }

  private derived(method: string, args: unknown[], find: (t: RangeTarget) => Rect | null): Range {
    const ctx = this.ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const t = this._ref.resolve();
        if (!t) return null;
        const rect = find(t);
        if (rect) checkRect(rect, `Range.${method}`);
        return rect ? { sheet: t.sheet, rect } : null;
      }, rangeAlive(ctx)),
    )._queueCreation(method, args);
  }

  getCell(row: number, column: number): Range {
    return this.derived("getCell", [row, column], (t) => ({ top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column }));
  }

  getRow(row: number): Range {
    return this.derived("getRow", [row], (t) => ({ ...t.rect, top: t.rect.top + row, bottom: t.rect.top + row }));
  }

  getColumn(column: number): Range {
    return this.derived("getColumn", [column], (t) => ({ ...t.rect, left: t.rect.left + column, right: t.rect.left + column }));
  }

  getEntireColumn(): Range {
    return this.derived("getEntireColumn", [], (t) => ({ top: 0, bottom: MAX_ROWS - 1, left: t.rect.left, right: t.rect.right }));
  }

  getEntireRow(): Range {
    return this.derived("getEntireRow", [], (t) => ({ top: t.rect.top, bottom: t.rect.bottom, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], (t) => ({ ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], (t) => ({
      top: t.rect.top + rowOffset, bottom: t.rect.bottom + rowOffset, left: t.rect.left + columnOffset, right: t.rect.right + columnOffset,
    }));
  }

  getIntersectionOrNullObject(other: Range | string): Range {
    return this.derived("getIntersectionOrNullObject", [other], (t) => {
      const o = typeof other === "string" ? parseRef(splitSheet(other).ref, "Range.getIntersectionOrNullObject") : other._ref.require("Range.getIntersectionOrNullObject").rect;
      if (!intersects(t.rect, o)) return null;
      return { top: Math.max(t.rect.top, o.top), left: Math.max(t.rect.left, o.left), bottom: Math.min(t.rect.bottom, o.bottom), right: Math.min(t.rect.right, o.right) };
    });
  }

  /** The merged areas overlapping this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreas {
    const ctx = this.ctx;
    return new RangeAreas(
      ctx,
      new Ref<AreasTarget>(() => {
        const t = this._ref.resolve();
        if (!t) return null;
        const areas = mergesIn(t.sheet, t.rect);
        return areas.length ? { sheet: t.sheet, rects: areas } : null;
      }, (a) => (ctx.state.sheets.includes(a.sheet) ? a : null)),
    )._queueCreation("getMergedAreasOrNullObject", []);
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
      const wb = this.ctx.state;
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

function grid<T>(rect: Rect, at: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

function valueType(v: CellValue): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return /^#[A-Z0-9/]+[!?]?$/.test(v) ? "Error" : "String";
}

interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

export class RangeAreas extends ClientObject<AreasTarget> {
  readonly _typeName = "RangeAreas";
  _getters(): Getters<AreasTarget> {
    return {
      address: (a) => a.rects.map((r) => formatRangeAddress(a.sheet.name, r)).join(","),
      areaCount: (a) => a.rects.length,
      cellCount: (a) => a.rects.reduce((n, r) => n + rowCount(r) * columnCount(r), 0),
    };
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
}

// ---- formats ----

/** Points to character widths are Excel's business; this host stores points as given. */
export class RangeFormat extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeFormat";
  private _fill?: RangeFill;
  private _font?: RangeFont;
  private _borders?: RangeBorderCollection;

  _getters(): Getters<RangeTarget> {
    return {
      wrapText: (t) => uniformFormat(t.sheet, t.rect, (f) => f.wrap ?? false),
      horizontalAlignment: (t) => uniformFormat(t.sheet, t.rect, (f) => f.horizontal ?? "General"),
      verticalAlignment: (t) => uniformFormat(t.sheet, t.rect, (f) => f.vertical ?? "Bottom"),
      columnWidth: (t) => uniformOver(t.rect.left, t.rect.right, (c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH),
      rowHeight: (t) => uniformOver(t.rect.top, Math.min(t.rect.bottom, t.rect.top + 100_000), (r) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT),
    };
  }

  protected override _navigation() {
    return { fill: this.fill, font: this.font, borders: this.borders, protection: this.protection };
  }

  private _protection?: FormatProtection;
  /** Cell protection (ExcelApi 1.2). */
  get protection(): FormatProtection {
    return (this._protection ??= new FormatProtection(this.context as Ctx, this._ref));
  }

  get fill(): RangeFill {
    return (this._fill ??= new RangeFill(this.context as Ctx, this._ref));
  }
  get font(): RangeFont {
    return (this._font ??= new RangeFont(this.context as Ctx, this._ref));
  }
  get borders(): RangeBorderCollection {
    return (this._borders ??= new RangeBorderCollection(this.context as Ctx, this._ref));
  }

  private cellFormat(name: string, value: unknown, patch: (v: unknown) => Partial<CellFormat>, check: (v: unknown) => boolean): void {
    this._set(name, value, (t, v) => {
      if (!check(v)) throw invalid(`RangeFormat.${name}`, `${JSON.stringify(v)} is not a valid ${name}.`);
      patchFormats(editable(t.sheet, `RangeFormat.${name}`), t.rect, (old) => ({ ...old, ...patch(v) }), `RangeFormat.${name}`);
    });
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(value: boolean) {
    this.cellFormat("wrapText", value, (v) => ({ wrap: v as boolean }), (v) => typeof v === "boolean");
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    const ok = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
    this.cellFormat("horizontalAlignment", value, (v) => ({ horizontal: v as string }), (v) => ok.includes(v as string));
  }

  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    const ok = ["Top", "Center", "Bottom", "Justify", "Distributed"];
    this.cellFormat("verticalAlignment", value, (v) => ({ vertical: v as string }), (v) => ok.includes(v as string));
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(value: number) {
    this._set("columnWidth", value, (t, v) => {
      editable(t.sheet, "RangeFormat.columnWidth");
      if (typeof v !== "number" || !(v >= 0) || v > 255 * 7.5) throw invalid("RangeFormat.columnWidth", `${String(v)} points is not a column width.`);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }

  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(value: number) {
    this._set("rowHeight", value, (t, v) => {
      editable(t.sheet, "RangeFormat.rowHeight");
      if (typeof v !== "number" || !(v >= 0) || v > 409) throw invalid("RangeFormat.rowHeight", `${String(v)} points is not a row height.`);
      if (t.rect.bottom - t.rect.top > 100_000) throw new MemoryExcelError("GeneralException", "RangeFormat.rowHeight", "The in-memory host sets row heights on at most 100,000 rows.");
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], (t) => void editable(t.sheet, "RangeFormat.autofitColumns"));
  }

  autofitRows(): void {
    this._call("autofitRows", [], (t) => void editable(t.sheet, "RangeFormat.autofitRows"));
  }
}

function uniformOver(from: number, to: number, at: (i: number) => number): number | null {
  const first = at(from);
  for (let i = from + 1; i <= to; i++) if (at(i) !== first) return null;
  return first;
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const NAMED_COLORS = new Set(["black", "white", "red", "green", "blue", "yellow", "orange", "gray", "grey", "purple"]);
function isColor(v: unknown): boolean {
  return typeof v === "string" && (COLOR.test(v) || NAMED_COLORS.has(v.toLowerCase()));
}
/** Excel reports colours as upper-case `#RRGGBB`. */
function normColor(v: unknown): string {
  return String(v).toUpperCase();
}

/** Whether cells are locked (ExcelApi 1.2): it takes effect when the sheet is protected, and cannot change while it is. */
export class FormatProtection extends ClientObject<RangeTarget> {
  readonly _typeName = "FormatProtection";
  _getters(): Getters<RangeTarget> {
    return { locked: (t) => uniformFormat(t.sheet, t.rect, (f) => f.locked ?? true) };
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(value: boolean) {
    this._set("locked", value, (t, v) => {
      if (typeof v !== "boolean") throw invalid("FormatProtection.locked", `${JSON.stringify(v)} is not true or false.`);
      patchFormats(editable(t.sheet, "FormatProtection.locked"), t.rect, (old) => ({ ...old, locked: v }), "FormatProtection.locked");
    });
  }
}

export class RangeFill extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeFill";
  _getters(): Getters<RangeTarget> {
    return { color: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fill ?? "#FFFFFF") };
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._set("color", value, (t, v) => {
      if (!isColor(v)) throw invalid("RangeFill.color", `${JSON.stringify(v)} is not a colour such as #FF0000.`);
      patchFormats(editable(t.sheet, "RangeFill.color"), t.rect, (old) => ({ ...old, fill: normColor(v) }), "RangeFill.color");
    });
  }
  clear(): void {
    this._call("clear", [], (t) => patchFormats(editable(t.sheet, "RangeFill.clear"), t.rect, ({ fill: _f, ...rest }) => rest, "RangeFill.clear"));
  }
}

export class RangeFont extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeFont";
  _getters(): Getters<RangeTarget> {
    return {
      bold: (t) => uniformFormat(t.sheet, t.rect, (f) => f.bold ?? false),
      italic: (t) => uniformFormat(t.sheet, t.rect, (f) => f.italic ?? false),
      color: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fontColor ?? "#000000"),
      size: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fontSize ?? 11),
      name: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fontName ?? "Calibri"),
    };
  }
  private font(name: string, value: unknown, check: (v: unknown) => boolean, patch: (v: unknown) => Partial<CellFormat>): void {
    this._set(name, value, (t, v) => {
      if (!check(v)) throw invalid(`RangeFont.${name}`, `${JSON.stringify(v)} is not a valid font ${name}.`);
      patchFormats(editable(t.sheet, `RangeFont.${name}`), t.rect, (old) => ({ ...old, ...patch(v) }), `RangeFont.${name}`);
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(value: boolean) {
    this.font("bold", value, (v) => typeof v === "boolean", (v) => ({ bold: v as boolean }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(value: boolean) {
    this.font("italic", value, (v) => typeof v === "boolean", (v) => ({ italic: v as boolean }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this.font("color", value, isColor, (v) => ({ fontColor: normColor(v) }));
  }
  get size(): number {
    return this._get("size");
  }
  set size(value: number) {
    this.font("size", value, (v) => typeof v === "number" && v >= 1 && v <= 409, (v) => ({ fontSize: v as number }));
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this.font("name", value, (v) => typeof v === "string" && v !== "", (v) => ({ fontName: v as string }));
  }
}

type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

export class RangeBorderCollection extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeBorderCollection";
  _getters(): Getters<RangeTarget> {
    return {};
  }
  getItem(index: BorderIndex): RangeBorder {
    const border = new RangeBorder(this.context as Ctx, this._ref);
    border.index = index;
    return border;
  }
}

/** Which cell edges a border index covers within a range. */
function edgesOf(index: BorderIndex, rect: Rect): { row: number; col: number; edge: BorderEdge }[] {
  const out: { row: number; col: number; edge: BorderEdge }[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (index === "EdgeTop" && r === rect.top) out.push({ row: r, col: c, edge: "top" });
      if (index === "EdgeBottom" && r === rect.bottom) out.push({ row: r, col: c, edge: "bottom" });
      if (index === "EdgeLeft" && c === rect.left) out.push({ row: r, col: c, edge: "left" });
      if (index === "EdgeRight" && c === rect.right) out.push({ row: r, col: c, edge: "right" });
      if (index === "InsideHorizontal" && r > rect.top) out.push({ row: r, col: c, edge: "top" });
      if (index === "InsideHorizontal" && r < rect.bottom) out.push({ row: r, col: c, edge: "bottom" });
      if (index === "InsideVertical" && c > rect.left) out.push({ row: r, col: c, edge: "left" });
      if (index === "InsideVertical" && c < rect.right) out.push({ row: r, col: c, edge: "right" });
    }
  }
  return out;
}

export class RangeBorder extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeBorder";
  index: BorderIndex = "EdgeTop";
  _getters(): Getters<RangeTarget> {
    return {
      sideIndex: () => this.index,
      style: (t) => {
        const styles = new Set(edgesOf(this.index, t.rect).map((e) => t.sheet.formats.get(cellKey(e.row, e.col))?.borders?.[e.edge] ?? "None"));
        return styles.size === 1 ? [...styles][0] : null;
      },
    };
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this._set("style", value, (t, v) => {
      if (!BORDER_STYLES.includes(v as string)) throw invalid("RangeBorder.style", `${String(v)} is not a border style.`);
      const s = editable(t.sheet, "RangeBorder.style");
      if (this.index === "DiagonalDown" || this.index === "DiagonalUp") return;
      for (const e of edgesOf(this.index, t.rect)) {
        const key = cellKey(e.row, e.col);
        const old = s.formats.get(key) ?? {};
        s.formats.set(key, { ...old, borders: { ...old.borders, [e.edge]: v as string } });
      }
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._set("color", value, (t, v) => {
      if (!isColor(v)) throw invalid("RangeBorder.color", `${JSON.stringify(v)} is not a colour.`);
      editable(t.sheet, "RangeBorder.color");
    });
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(value: string) {
    this._set("weight", value, (t, v) => {
      if (!["Hairline", "Thin", "Medium", "Thick"].includes(v as string)) throw invalid("RangeBorder.weight", `${String(v)} is not a border weight.`);
      editable(t.sheet, "RangeBorder.weight");
    });
  }
}

// ---- data validation ----

const RULE_KINDS = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];

export class DataValidation extends ClientObject<RangeTarget> {
  readonly _typeName = "DataValidation";

  private covering(t: RangeTarget): ValidationState[] {
    return t.sheet.validations.filter((v) => intersects(v.rect, t.rect));
  }

  _getters(): Getters<RangeTarget> {
    const one = (t: RangeTarget) => {
      const vs = this.covering(t);
      return vs.length === 1 && contains(vs[0].rect, t.rect) ? vs[0] : null;
    };
    return {
      type: (t) => {
        const vs = this.covering(t);
        if (vs.length === 0) return "None";
        const v = one(t);
        if (!v) return "Inconsistent";
        const kind = Object.keys(v.rule)[0] ?? "None";
        return kind.charAt(0).toUpperCase() + kind.slice(1);
      },
      rule: (t) => one(t)?.rule ?? {},
      errorAlert: (t) => one(t)?.errorAlert ?? null,
      prompt: (t) => one(t)?.prompt ?? null,
      ignoreBlanks: (t) => one(t)?.ignoreBlanks ?? true,
    };
  }

  get type(): string {
    return this._get("type");
  }

  get rule(): Record<string, unknown> {
    return this._get("rule");
  }
  set rule(value: Record<string, unknown>) {
    this._set("rule", value, (t, v) => {
      const s = editable(t.sheet, "DataValidation.rule");
      const rule = v as Record<string, unknown>;
      const kinds = rule && typeof rule === "object" ? Object.keys(rule).filter((k) => rule[k] !== undefined) : [];
      if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) throw invalid("DataValidation.rule", "A rule has exactly one kind, e.g. { list: {...} }.");
      const stored: Record<string, unknown> = { [kinds[0]]: rule[kinds[0]] };
      if (kinds[0] === "list") {
        const list = rule.list as { inCellDropDown?: unknown; source?: unknown };
        let source = list?.source;
        if (source instanceof Range) {
          const target = source._ref.require("DataValidation.rule");
          source = `=${quoteSheetName(target.sheet.name)}!${formatAbsoluteRef(target.rect)}`;
        }
        if (typeof source !== "string" || source === "") throw invalid("DataValidation.rule", "A list needs a source: comma-separated values or a range.");
        // Excel's limit for a typed-in list.
        if (!source.startsWith("=") && source.length > 255) throw invalid("DataValidation.rule", "A list typed into the rule can hold at most 255 characters.");
        stored.list = { inCellDropDown: list.inCellDropDown !== false, source };
      }
      s.validations = s.validations.filter((x) => !contains(t.rect, x.rect));
      s.validations.push({
        rect: { ...t.rect },
        rule: stored,
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
        prompt: { showPrompt: false, title: "", message: "" },
        ignoreBlanks: true,
      });
    });
  }

  private patchExisting(name: string, value: unknown, patch: (v: ValidationState, value: unknown) => ValidationState): void {
    this._set(name, value, (t, v) => {
      const s = editable(t.sheet, `DataValidation.${name}`);
      const vs = this.covering(t);
      if (vs.length === 0) throw new MemoryExcelError("InvalidOperation", `DataValidation.${name}`, "Set a rule before its alert or prompt.");
      s.validations = s.validations.map((x) => (vs.includes(x) ? patch(x, v) : x));
    });
  }

  get errorAlert(): ValidationState["errorAlert"] {
    return this._get("errorAlert");
  }
  set errorAlert(value: Partial<ValidationState["errorAlert"]>) {
    this.patchExisting("errorAlert", value, (x, v) => {
      const a = v as Partial<ValidationState["errorAlert"]>;
      if (a.style !== undefined && !["Stop", "Warning", "Information"].includes(a.style)) throw invalid("DataValidation.errorAlert", `${a.style} is not an alert style.`);
      if ((a.title?.length ?? 0) > 32) throw invalid("DataValidation.errorAlert", "An alert title has at most 32 characters.");
      if ((a.message?.length ?? 0) > 225) throw invalid("DataValidation.errorAlert", "An alert message has at most 225 characters.");
      return { ...x, errorAlert: { ...x.errorAlert, ...a } };
    });
  }

  get prompt(): ValidationState["prompt"] {
    return this._get("prompt");
  }
  set prompt(value: Partial<ValidationState["prompt"]>) {
    this.patchExisting("prompt", value, (x, v) => {
      const p = v as Partial<ValidationState["prompt"]>;
      if ((p.title?.length ?? 0) > 32) throw invalid("DataValidation.prompt", "A prompt title has at most 32 characters.");
      if ((p.message?.length ?? 0) > 255) throw invalid("DataValidation.prompt", "A prompt message has at most 255 characters.");
      return { ...x, prompt: { ...x.prompt, ...p } };
    });
  }

  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.patchExisting("ignoreBlanks", value, (x, v) => ({ ...x, ignoreBlanks: Boolean(v) }));
  }

  clear(): void {
    this._call("clear", [], (t) => {
      const s = editable(t.sheet, "DataValidation.clear");
      s.validations = s.validations.filter((x) => !intersects(x.rect, t.rect));
    });
  }
}

// ---- tables ----

interface TablesTarget {
  wb: WorkbookState;
  /** null: all tables of the workbook. */
  sheet: SheetState | null;
}

interface TableTarget {
  sheet: SheetState;
  table: TableState;
}

function tableAlive(ctx: Ctx) {
  return (t: TableTarget): TableTarget | null => {
    for (const sheet of ctx.state.sheets) {
      const table = sheet.tables.find((x) => x.id === t.table.id);
      if (table) return { sheet, table };
    }
    return null;
  };
}

export class TableCollection extends CollectionObject<TablesTarget, Table> {
  readonly _typeName = "TableCollection";

  protected _list(t: TablesTarget): unknown[] {
    const sheets = t.sheet ? [t.sheet] : t.wb.sheets;
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  protected _itemProxy(e: unknown): Table {
    const ctx = this.context as Ctx;
    return new Table(ctx, Ref.of(e as TableTarget, tableAlive(ctx)));
  }

  private byName(name: string, orNull: boolean): Table {
    const ctx = this.context as Ctx;
    const ref = new Ref<TableTarget>(() => {
      const tt = this._ref.require("TableCollection.getItem");
      const found = (this._list(tt) as TableTarget[]).find((x) => x.table.name.toLowerCase() === name.toLowerCase());
      if (!found && !orNull) throw new MemoryExcelError("ItemNotFound", "TableCollection.getItem", `There is no table named '${name}'.`);
      return found ?? null;
    }, tableAlive(ctx));
    return new Table(ctx, ref)._queueCreation(orNull ? "getItemOrNullObject" : "getItem", [name]);
  }

  getItem(key: string): Table {
    return this.byName(key, false);
  }

  getItemOrNullObject(key: string): Table {
    return this.byName(key, true);
  }

  /** Adds a table; its first row is the header when `hasHeaders` (blank or repeated headers are renamed, as Excel does). */
  add(address: Range | string, hasHeaders: boolean): Table {
    const ctx = this.context as Ctx;
    const ref = new Ref<TableTarget>(() => {
      const tt = this._ref.require("TableCollection.add");
      let sheet: SheetState;
      let rect: Rect;
      if (address instanceof Range) {
        const r = address._ref.require("TableCollection.add");
        sheet = r.sheet;
        rect = r.rect;
      } else {
        const { sheet: name, ref: a1 } = splitSheet(address);
        const named = name === null ? tt.sheet : findSheet(tt.wb, name);
        if (!named) throw invalid("TableCollection.add", `"${address}" does not name a sheet.`);
        sheet = named;
        rect = parseRef(a1, "TableCollection.add");
      }
      if (tt.sheet && sheet !== tt.sheet) throw invalid("TableCollection.add", "The range is on another sheet.");
      editable(sheet, "TableCollection.add");
      // Excel would insert a header row above the data; the add-in always passes its header row.
      if (!hasHeaders) throw invalid("TableCollection.add", "The in-memory host only adds tables whose first row is the header (hasHeaders = true).");
      if (rect.bottom === rect.top) rect = { ...rect, bottom: rect.bottom + 1 };
      if (rect.bottom - rect.top > 2_000_000) throw invalid("TableCollection.add", "A table cannot cover whole columns.");
      for (const s of tt.wb.sheets) {
        if (s === sheet && s.tables.some((x) => intersects(x.rect, rect))) throw new MemoryExcelError("InvalidOperation", "TableCollection.add", "A table cannot overlap another table.");
      }
      if (mergesIn(sheet, rect).length) throw new MemoryExcelError("InvalidOperation", "TableCollection.add", "A table cannot contain merged cells.");
      const headers: CellValue[] = [];
      const seen = new Set<string>();
      for (let c = rect.left; c <= rect.right; c++) {
        let h = hasHeaders ? String(getValue(sheet, rect.top, c)) : "";
        if (h === "") h = `Column${c - rect.left + 1}`;
        let unique = h;
        for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${h}${n}`;
        seen.add(unique.toLowerCase());
        headers.push(unique);
      }
      writeValues(sheet, { ...rect, bottom: rect.top }, [headers.map((h) => `'${String(h)}`)], "TableCollection.add");
      let n = 1;
      while (nameTaken(tt.wb, `Table${n}`)) n++;
      const table: TableState = { id: String(tt.wb.nextId++), name: `Table${n}`, rect, style: "TableStyleMedium2", showHeaders: true };
      sheet.tables.push(table);
      return { sheet, table };
    }, tableAlive(ctx));
    const table = new Table(ctx, ref);
    ctx.enqueue({
      request: { type: this._typeName, method: "add", args: [address instanceof Range ? "Range" : address, hasHeaders] },
      writes: true,
      run: () => {
        ref.resolve();
        return { deliver: () => table._markExists() };
      },
    });
    return table;
  }
}

export class Table extends ClientObject<TableTarget> {
  readonly _typeName = "Table";
  _getters(): Getters<TableTarget> {
    return {
      name: (t) => t.table.name,
      id: (t) => t.table.id,
      style: (t) => t.table.style,
      showHeaders: (t) => t.table.showHeaders,
      showTotals: () => false,
    };
  }
  _markExists(): void {
    this._isNull = false;
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t, v) => {
      const ctx = this.context as Ctx;
      const problem = definedNameProblem(v);
      if (problem) throw invalid("Table.name", problem);
      if (nameTaken(ctx.state, v as string, t.table)) throw new MemoryExcelError("ItemAlreadyExists", "Table.name", `The name '${String(v)}' is already used by a table or defined name.`);
      replaceTable(t, { name: v as string });
    });
  }
  get id(): string {
    return this._get("id");
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this._set("style", value, (t, v) => {
      if (typeof v !== "string" || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v)) throw invalid("Table.style", `${String(v)} is not a built-in table style.`);
      replaceTable(t, { style: v });
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  private rangeOf(method: string, pick: (t: TableState) => Rect | null): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const t = this._ref.resolve();
        const rect = t ? pick(t.table) : null;
        return t && rect ? { sheet: t.sheet, rect } : null;
      }, rangeAlive(ctx)),
    )._queueCreation(method, []);
  }
  getRange(): Range {
    return this.rangeOf("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this.rangeOf("getHeaderRowRange", (t) => ({ ...t.rect, bottom: t.rect.top }));
  }
  getDataBodyRange(): Range {
    return this.rangeOf("getDataBodyRange", (t) => ({ ...t.rect, top: t.rect.top + 1 }));
  }
  delete(): void {
    this._call("delete", [], (t) => {
      editable(t.sheet, "Table.delete");
      t.sheet.tables = t.sheet.tables.filter((x) => x.id !== t.table.id);
    });
  }
}

/** Tables are replaced, never changed in place (snapshots share nothing mutable). */
function replaceTable(t: TableTarget, patch: Partial<TableState>): void {
  t.sheet.tables = t.sheet.tables.map((x) => (x.id === t.table.id ? { ...x, ...patch } : x));
  t.table = t.sheet.tables.find((x) => x.id === t.table.id)!;
}

// ---- charts ----

const CHART_TYPES = new Set([
  "BarStacked", "BarClustered", "BarStacked100", "ColumnStacked", "ColumnClustered", "ColumnStacked100", "Line", "Pie", "Doughnut", "Area",
]);

interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

function chartAlive(ctx: Ctx) {
  return (t: ChartTarget): ChartTarget | null => {
    if (!ctx.state.sheets.includes(t.sheet)) return null;
    const chart = t.sheet.charts.find((c) => c.id === t.chart.id);
    return chart ? { sheet: t.sheet, chart } : null;
  };
}

function updateChart(t: ChartTarget, patch: (c: ChartState) => ChartState): void {
  editable(t.sheet, "Chart");
  t.sheet.charts = t.sheet.charts.map((c) => (c.id === t.chart.id ? patch(structuredClone(c)) : c));
  t.chart = t.sheet.charts.find((c) => c.id === t.chart.id)!;
}

function rangeRefOf(range: Range | string, sheet: SheetState, wb: WorkbookState, location: string): { sheetId: string; rect: Rect } {
  if (range instanceof Range) {
    const t = range._ref.require(location);
    return { sheetId: t.sheet.id, rect: t.rect };
  }
  const { sheet: name, ref } = splitSheet(range);
  const target = name === null ? sheet : findSheet(wb, name);
  if (!target) throw invalid(location, `"${range}" does not name a sheet.`);
  return { sheetId: target.id, rect: parseRef(ref, location) };
}

export class ChartCollection extends CollectionObject<SheetState, Chart> {
  readonly _typeName = "ChartCollection";
  protected _list(s: SheetState): unknown[] {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  protected _itemProxy(e: unknown): Chart {
    const ctx = this.context as Ctx;
    return new Chart(ctx, Ref.of(e as ChartTarget, chartAlive(ctx)));
  }
  /** Adds a chart; each column of `sourceData` becomes a series (this host does not guess headers). */
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    const ctx = this.context as Ctx;
    const ref = new Ref<ChartTarget>(() => {
      const sheet = editable(this._ref.require("ChartCollection.add"), "ChartCollection.add");
      if (!CHART_TYPES.has(type)) throw invalid("ChartCollection.add", `${type} is not a chart type.`);
      const src = sourceData._ref.require("ChartCollection.add");
      const byRows = seriesBy === "Rows";
      const n = byRows ? rowCount(src.rect) : columnCount(src.rect);
      const series: ChartSeriesState[] = Array.from({ length: n }, (_, i) => ({
        name: `Series${i + 1}`,
        values: {
          sheetId: src.sheet.id,
          rect: byRows ? { ...src.rect, top: src.rect.top + i, bottom: src.rect.top + i } : { ...src.rect, left: src.rect.left + i, right: src.rect.left + i },
        },
        xValues: null,
        color: null,
      }));
      const wb = ctx.state;
      const chart: ChartState = { id: String(wb.nextId++), name: `Chart ${sheet.charts.length + 1}`, type, title: "", series, position: null, legendPosition: "Right" };
      sheet.charts = [...sheet.charts, chart];
      return { sheet, chart };
    }, chartAlive(ctx));
    const chart = new Chart(ctx, ref);
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [type, "Range", seriesBy] }, writes: true, run: () => void ref.resolve() });
    return chart;
  }
}

export class Chart extends ClientObject<ChartTarget> {
  readonly _typeName = "Chart";
  private _title?: ChartTitle;
  private _legend?: ChartLegend;
  private _series?: ChartSeriesCollection;
  private _axes?: ChartAxes;
  _getters(): Getters<ChartTarget> {
    return { name: (t) => t.chart.name, chartType: (t) => t.chart.type, id: (t) => t.chart.id };
  }
  get axes(): ChartAxes {
    return (this._axes ??= new ChartAxes(this.context as Ctx, this._ref));
  }
  protected override _navigation() {
    return { title: this.title, legend: this.legend, series: this.series };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t, v) => updateChart(t, (c) => ({ ...c, name: String(v) })));
  }
  get chartType(): string {
    return this._get("chartType");
  }
  get title(): ChartTitle {
    return (this._title ??= new ChartTitle(this.context as Ctx, this._ref));
  }
  get legend(): ChartLegend {
    return (this._legend ??= new ChartLegend(this.context as Ctx, this._ref));
  }
  get series(): ChartSeriesCollection {
    return (this._series ??= new ChartSeriesCollection(this.context as Ctx, this._ref));
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._call("setPosition", [startCell, endCell], (t) => {
      const wb = (this.context as Ctx).state;
      const start = rangeRefOf(startCell, t.sheet, wb, "Chart.setPosition").rect;
      const end = endCell === undefined ? null : rangeRefOf(endCell, t.sheet, wb, "Chart.setPosition").rect;
      updateChart(t, (c) => ({ ...c, position: { start, end } }));
    });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      editable(t.sheet, "Chart.delete");
      t.sheet.charts = t.sheet.charts.filter((c) => c.id !== t.chart.id);
    });
  }
}

export class ChartAxes extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartAxes";
  private _category?: ChartAxis;
  _getters(): Getters<ChartTarget> {
    return {};
  }
  get categoryAxis(): ChartAxis {
    return (this._category ??= new ChartAxis(this.context as Ctx, this._ref));
  }
}

/** The category axis of a chart: its order and where the value axis crosses it. */
export class ChartAxis extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartAxis";
  _getters(): Getters<ChartTarget> {
    return {
      reversePlotOrder: (t) => t.chart.categoryAxis?.reversePlotOrder ?? false,
      position: (t) => t.chart.categoryAxis?.position ?? "Automatic",
    };
  }
  set reversePlotOrder(value: boolean) {
    this._set("reversePlotOrder", value, (t, v) => updateChart(t, (c) => ({ ...c, categoryAxis: { ...c.categoryAxis, reversePlotOrder: v === true } })));
  }
  set position(value: string) {
    this._set("position", value, (t, v) => {
      if (!["Automatic", "Maximum", "Minimum", "Custom"].includes(v as string)) throw invalid("ChartAxis.position", `${String(v)} is not an axis position.`);
      updateChart(t, (c) => ({ ...c, categoryAxis: { ...c.categoryAxis, position: v as string } }));
    });
  }
}

export class ChartTitle extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartTitle";
  _getters(): Getters<ChartTarget> {
    return { text: (t) => t.chart.title, visible: (t) => t.chart.title !== "" };
  }
  get text(): string {
    return this._get("text");
  }
  set text(value: string) {
    this._set("text", value, (t, v) => updateChart(t, (c) => ({ ...c, title: String(v) })));
  }
}

export class ChartLegend extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartLegend";
  _getters(): Getters<ChartTarget> {
    return { position: (t) => t.chart.legendPosition, visible: (t) => t.chart.legendPosition !== "Invalid" };
  }
  get position(): string {
    return this._get("position");
  }
  set position(value: string) {
    this._set("position", value, (t, v) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(v as string)) throw invalid("ChartLegend.position", `${String(v)} is not a legend position.`);
      updateChart(t, (c) => ({ ...c, legendPosition: v as string }));
    });
  }
}

interface SeriesTarget extends ChartTarget {
  index: number;
}

function seriesAlive(ctx: Ctx) {
  return (t: SeriesTarget): SeriesTarget | null => {
    const c = chartAlive(ctx)(t);
    return c && t.index < c.chart.series.length ? { ...c, index: t.index } : null;
  };
}

export class ChartSeriesCollection extends CollectionObject<ChartTarget, ChartSeries> {
  readonly _typeName = "ChartSeriesCollection";
  protected _list(t: ChartTarget): unknown[] {
    return t.chart.series.map((_, index) => ({ ...t, index }));
  }
  protected _itemProxy(e: unknown): ChartSeries {
    const ctx = this.context as Ctx;
    return new ChartSeries(ctx, Ref.of(e as SeriesTarget, seriesAlive(ctx)));
  }
  getItemAt(index: number): ChartSeries {
    const ctx = this.context as Ctx;
    return new ChartSeries(
      ctx,
      new Ref<SeriesTarget>(() => {
        const t = this._ref.require("ChartSeriesCollection.getItemAt");
        if (!Number.isInteger(index) || index < 0 || index >= t.chart.series.length) throw new MemoryExcelError("ItemNotFound", "ChartSeriesCollection.getItemAt", `The chart has no series ${index}.`);
        return { ...t, index };
      }, seriesAlive(ctx)),
    )._queueCreation("getItemAt", [index]);
  }
  add(name?: string, index?: number): ChartSeries {
    const ctx = this.context as Ctx;
    const ref = new Ref<SeriesTarget>(() => {
      const t = this._ref.require("ChartSeriesCollection.add");
      const at = index ?? t.chart.series.length;
      updateChart(t, (c) => {
        const series = c.series.slice();
        series.splice(at, 0, { name: name ?? `Series${series.length + 1}`, values: null, xValues: null, color: null });
        return { ...c, series };
      });
      return { ...t, index: at };
    }, seriesAlive(ctx));
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [name, index] }, writes: true, run: () => void ref.resolve() });
    return new ChartSeries(ctx, ref);
  }
}

export class ChartSeries extends ClientObject<SeriesTarget> {
  readonly _typeName = "ChartSeries";
  private _format?: ChartSeriesFormat;
  _getters(): Getters<SeriesTarget> {
    return { name: (t) => t.chart.series[t.index].name };
  }
  protected override _navigation() {
    return { format: this.format };
  }
  get format(): ChartSeriesFormat {
    return (this._format ??= new ChartSeriesFormat(this.context as Ctx, this._ref));
  }
  private patch(t: SeriesTarget, p: Partial<ChartSeriesState>): void {
    updateChart(t, (c) => ({ ...c, series: c.series.map((s, i) => (i === t.index ? { ...s, ...p } : s)) }));
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t, v) => this.patch(t, { name: String(v) }));
  }
  setValues(sourceData: Range): void {
    this._call("setValues", [sourceData], (t) => this.patch(t, { values: rangeRefOf(sourceData, t.sheet, (this.context as Ctx).state, "ChartSeries.setValues") }));
  }
  setXAxisValues(sourceData: Range): void {
    this._call("setXAxisValues", [sourceData], (t) => this.patch(t, { xValues: rangeRefOf(sourceData, t.sheet, (this.context as Ctx).state, "ChartSeries.setXAxisValues") }));
  }
  /** Used by ChartFill. */
  _setColor(t: SeriesTarget, color: string | null): void {
    this.patch(t, { color });
  }
}

export class ChartSeriesFormat extends ClientObject<SeriesTarget> {
  readonly _typeName = "ChartSeriesFormat";
  private _fill?: ChartFill;
  _getters(): Getters<SeriesTarget> {
    return {};
  }
  get fill(): ChartFill {
    return (this._fill ??= new ChartFill(this.context as Ctx, this._ref));
  }
}

export class ChartFill extends ClientObject<SeriesTarget> {
  readonly _typeName = "ChartFill";
  _getters(): Getters<SeriesTarget> {
    return {};
  }
  private colour(t: SeriesTarget, color: string | null): void {
    updateChart(t, (c) => ({ ...c, series: c.series.map((s, i) => (i === t.index ? { ...s, color } : s)) }));
  }
  setSolidColor(color: string): void {
    this._call("setSolidColor", [color], (t) => {
      if (!isColor(color)) throw invalid("ChartFill.setSolidColor", `${color} is not a colour.`);
      this.colour(t, normColor(color));
    });
  }
  clear(): void {
    this._call("clear", [], (t) => this.colour(t, null));
  }
}

// ---- page layout ----

const PAPER = new Set(["A3", "A4", "A5", "Letter", "Legal", "Tabloid", "Executive"]);

export class PageLayout extends ClientObject<SheetState> {
  readonly _typeName = "PageLayout";
  _getters(): Getters<SheetState> {
    return {
      orientation: (s) => s.pageLayout.orientation,
      paperSize: (s) => s.pageLayout.paperSize,
      zoom: (s) => s.pageLayout.zoom,
    };
  }
  private patch(name: string, value: unknown, check: (v: unknown) => boolean, apply: (s: SheetState, v: unknown) => void): void {
    this._set(name, value, (s, v) => {
      if (!check(v)) throw invalid(`PageLayout.${name}`, `${JSON.stringify(v)} is not a valid ${name}.`);
      apply(editable(s, `PageLayout.${name}`), v);
    });
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(value: string) {
    this.patch("orientation", value, (v) => v === "Portrait" || v === "Landscape", (s, v) => void (s.pageLayout = { ...s.pageLayout, orientation: v as string }));
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(value: string) {
    this.patch("paperSize", value, (v) => PAPER.has(v as string), (s, v) => void (s.pageLayout = { ...s.pageLayout, paperSize: v as string }));
  }
  get zoom(): PageLayoutZoom {
    return this._get("zoom");
  }
  set zoom(value: PageLayoutZoom) {
    this.patch(
      "zoom",
      value,
      (v) => {
        const z = v as PageLayoutZoom;
        if (!z || typeof z !== "object") return false;
        if (z.scale !== undefined && (z.scale < 10 || z.scale > 400)) return false;
        const pages = [z.horizontalFitToPages, z.verticalFitToPages].filter((p) => p !== undefined);
        return pages.every((p) => Number.isInteger(p) && (p as number) >= 0) && (z.scale === undefined || pages.length === 0);
      },
      (s, v) => void (s.pageLayout = { ...s.pageLayout, zoom: { ...(v as PageLayoutZoom) } }),
    );
  }
  /** Margins in points (Office.js), each a property of its own. */
  set leftMargin(value: number) {
    this.margin("left", value);
  }
  set rightMargin(value: number) {
    this.margin("right", value);
  }
  set topMargin(value: number) {
    this.margin("top", value);
  }
  set bottomMargin(value: number) {
    this.margin("bottom", value);
  }
  set headerMargin(value: number) {
    this.margin("header", value);
  }
  set footerMargin(value: number) {
    this.margin("footer", value);
  }
  private margin(edge: "left" | "right" | "top" | "bottom" | "header" | "footer", value: number): void {
    this.patch(
      `${edge}Margin`,
      value,
      (v) => typeof v === "number" && v >= 0 && v < 409,
      (s, v) => void (s.pageLayout = { ...s.pageLayout, margins: { ...s.pageLayout.margins, [edge]: v as number } }),
    );
  }
  setPrintArea(printArea: Range | string): void {
    this._call("setPrintArea", [printArea], (s) => {
      editable(s, "PageLayout.setPrintArea");
      const ref = rangeRefOf(printArea, s, (this.context as Ctx).state, "PageLayout.setPrintArea");
      if (ref.sheetId !== s.id) throw invalid("PageLayout.setPrintArea", "The print area must be on the same sheet.");
      s.pageLayout = { ...s.pageLayout, printArea: ref.rect };
    });
  }
  setPrintTitleColumns(printTitleColumns: Range | string): void {
    this._call("setPrintTitleColumns", [printTitleColumns], (s) => {
      editable(s, "PageLayout.setPrintTitleColumns");
      const ref = rangeRefOf(printTitleColumns, s, (this.context as Ctx).state, "PageLayout.setPrintTitleColumns");
      if (ref.sheetId !== s.id) throw invalid("PageLayout.setPrintTitleColumns", "Print titles must be on the same sheet.");
      s.pageLayout = { ...s.pageLayout, printTitleColumns: { top: 0, bottom: MAX_ROWS - 1, left: ref.rect.left, right: ref.rect.right } };
    });
  }
  setPrintTitleRows(printTitleRows: Range | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (s) => {
      editable(s, "PageLayout.setPrintTitleRows");
      const ref = rangeRefOf(printTitleRows, s, (this.context as Ctx).state, "PageLayout.setPrintTitleRows");
      if (ref.sheetId !== s.id) throw invalid("PageLayout.setPrintTitleRows", "Print titles must be on the same sheet.");
      s.pageLayout = { ...s.pageLayout, printTitleRows: { top: ref.rect.top, bottom: ref.rect.bottom, left: 0, right: MAX_COLUMNS - 1 } };
    });
  }
}

/** A sheet's horizontal page breaks: `add(range)` starts a page at the range's top row. */
export class PageBreakCollection extends ClientObject<SheetState> {
  readonly _typeName = "PageBreakCollection";
  _getters(): Getters<SheetState> {
    return {};
  }
  add(pageBreakRange: Range | string): void {
    this._call("add", [pageBreakRange], (s) => {
      editable(s, "PageBreakCollection.add");
      const ref = rangeRefOf(pageBreakRange, s, (this.context as Ctx).state, "PageBreakCollection.add");
      const rows = new Set([...(s.pageLayout.rowBreaks ?? []), ref.rect.top]);
      s.pageLayout = { ...s.pageLayout, rowBreaks: [...rows].sort((x, y) => x - y) };
    });
  }
}

interface PageLayoutZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

// ---- defined names ----

function nameAlive(ctx: Ctx) {
  return (n: NameState): NameState | null => ctx.state.names.find((x) => x.name === n.name) ?? null;
}

function nameFormula(wb: WorkbookState, n: NameState): string {
  if (n.ref) {
    const sheet = wb.sheets.find((s) => s.id === n.ref!.sheetId);
    if (sheet) return `=${quoteSheetName(sheet.name)}!${formatAbsoluteRef(n.ref.rect)}`;
  }
  return n.formula ?? "=#REF!";
}

export class NamedItemCollection extends CollectionObject<WorkbookState, NamedItem> {
  readonly _typeName = "NamedItemCollection";
  protected _list(wb: WorkbookState): unknown[] {
    return wb.names;
  }
  protected _itemProxy(e: unknown): NamedItem {
    const ctx = this.context as Ctx;
    return new NamedItem(ctx, Ref.of(e as NameState, nameAlive(ctx)));
  }
  private byName(name: string, orNull: boolean): NamedItem {
    const ctx = this.context as Ctx;
    return new NamedItem(
      ctx,
      new Ref<NameState>(() => {
        const found = ctx.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
        if (!found && !orNull) throw new MemoryExcelError("ItemNotFound", "NamedItemCollection.getItem", `There is no name '${name}'.`);
        return found ?? null;
      }, nameAlive(ctx)),
    )._queueCreation(orNull ? "getItemOrNullObject" : "getItem", [name]);
  }
  getItem(name: string): NamedItem {
    return this.byName(name, false);
  }
  getItemOrNullObject(name: string): NamedItem {
    return this.byName(name, true);
  }
  /** Adds a workbook-level name for a range (or a formula such as `="text"`). */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const ctx = this.context as Ctx;
    const ref = new Ref<NameState>(() => {
      const wb = ctx.state;
      const problem = definedNameProblem(name);
      if (problem) throw invalid("NamedItemCollection.add", problem);
      if (nameTaken(wb, name)) throw new MemoryExcelError("ItemAlreadyExists", "NamedItemCollection.add", `The name '${name}' already exists.`);
      let state: NameState;
      if (reference instanceof Range) {
        const t = reference._ref.require("NamedItemCollection.add");
        state = { name, ref: { sheetId: t.sheet.id, rect: { ...t.rect } }, formula: null, comment: comment ?? "", visible: true };
      } else {
        const text = reference.startsWith("=") ? reference.slice(1) : reference;
        const { sheet } = splitSheet(text);
        const target = sheet === null ? undefined : findSheet(wb, sheet);
        state = target
          ? { name, ref: rangeRefOf(text, target, wb, "NamedItemCollection.add"), formula: null, comment: comment ?? "", visible: true }
          : { name, ref: null, formula: `=${text}`, comment: comment ?? "", visible: true };
      }
      wb.names = [...wb.names, state];
      return state;
    }, nameAlive(ctx));
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [name, reference instanceof Range ? "Range" : reference, comment] }, writes: true, run: () => void ref.resolve() });
    return new NamedItem(ctx, ref);
  }
}

export class NamedItem extends ClientObject<NameState> {
  readonly _typeName = "NamedItem";
  _getters(): Getters<NameState> {
    const wb = () => (this.context as Ctx).state;
    return {
      name: (n) => n.name,
      type: (n) => (n.ref && wb().sheets.some((s) => s.id === n.ref!.sheetId) ? "Range" : n.formula?.includes("#REF!") ? "Error" : "String"),
      formula: (n) => nameFormula(wb(), n),
      value: (n) => nameFormula(wb(), n).slice(1),
      comment: (n) => n.comment,
      visible: (n) => n.visible,
    };
  }
  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get formula(): string {
    return this._get("formula");
  }
  get value(): string {
    return this._get("value");
  }
  get comment(): string {
    return this._get("comment");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (n, v) => {
      const wb = (this.context as Ctx).state;
      wb.names = wb.names.map((x) => (x.name === n.name ? { ...x, visible: Boolean(v) } : x));
    });
  }
  delete(): void {
    this._call("delete", [], (n) => {
      const wb = (this.context as Ctx).state;
      wb.names = wb.names.filter((x) => x.name !== n.name);
    });
  }
  private rangeOf(orNull: boolean): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const n = this._ref.resolve();
        const sheet = n?.ref ? ctx.state.sheets.find((s) => s.id === n.ref!.sheetId) : undefined;
        if (!n || !n.ref || !sheet) {
          if (orNull) return null;
          throw new MemoryExcelError("InvalidOperation", "NamedItem.getRange", "The name does not refer to a range.");
        }
        return { sheet, rect: n.ref.rect };
      }, rangeAlive(ctx)),
    )._queueCreation(orNull ? "getRangeOrNullObject" : "getRange", []);
  }
  getRange(): Range {
    return this.rangeOf(false);
  }
  getRangeOrNullObject(): Range {
    return this.rangeOf(true);
  }
}

// ---- settings ----

function settingAlive(ctx: Ctx) {
  return (key: string): string | null => (ctx.state.settings.has(key) ? key : null);
}

export class SettingCollection extends CollectionObject<WorkbookState, Setting> {
  readonly _typeName = "SettingCollection";
  protected _list(wb: WorkbookState): unknown[] {
    return [...wb.settings.keys()];
  }
  protected _itemProxy(key: unknown): Setting {
    const ctx = this.context as Ctx;
    return new Setting(ctx, Ref.of(key as string, settingAlive(ctx)));
  }
  private byKey(key: string, orNull: boolean): Setting {
    const ctx = this.context as Ctx;
    return new Setting(
      ctx,
      new Ref<string>(() => {
        if (ctx.state.settings.has(key)) return key;
        if (orNull) return null;
        throw new MemoryExcelError("ItemNotFound", "SettingCollection.getItem", `There is no setting '${key}'.`);
      }, settingAlive(ctx)),
    )._queueCreation(orNull ? "getItemOrNullObject" : "getItem", [key]);
  }
  getItem(key: string): Setting {
    return this.byKey(key, false);
  }
  getItemOrNullObject(key: string): Setting {
    return this.byKey(key, true);
  }
  /** Adds or replaces a setting; the value is stored as JSON, like Excel does. */
  add(key: string, value: unknown): Setting {
    const ctx = this.context as Ctx;
    const json = JSON.stringify(value ?? null);
    const ref = new Ref<string>(() => {
      if (typeof key !== "string" || key === "") throw invalid("SettingCollection.add", "A setting needs a key.");
      ctx.state.settings = new Map(ctx.state.settings).set(key, JSON.parse(json));
      return key;
    }, settingAlive(ctx));
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [key, json] }, writes: true, run: () => void ref.resolve() });
    return new Setting(ctx, ref);
  }
}

export class Setting extends ClientObject<string> {
  readonly _typeName = "Setting";
  _getters(): Getters<string> {
    const wb = () => (this.context as Ctx).state;
    return { key: (k) => k, value: (k) => wb().settings.get(k) };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (k, x) => {
      const wb = (this.context as Ctx).state;
      wb.settings = new Map(wb.settings).set(k, JSON.parse(JSON.stringify(x ?? null)));
    });
  }
  delete(): void {
    this._call("delete", [], (k) => {
      const wb = (this.context as Ctx).state;
      const next = new Map(wb.settings);
      next.delete(k);
      wb.settings = next;
    });
  }
}
