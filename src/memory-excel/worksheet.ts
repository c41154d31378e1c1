/** Excel.Worksheet, with its WorksheetProtection and WorksheetFreezePanes, in memory. */

import { checkRect, MAX_COLUMNS, MAX_ROWS, parseRef, type Rect, splitSheet } from "./address";
import { ClientObject, type Getters, Ref } from "./base";
import { MemoryExcelError } from "./errors";
import { sheetNameProblem, type SheetState, usedRect } from "./state";
import { type Ctx } from "./request-context";
import { invalid, rangeAlive, type RangeTarget, structural, visibleSheets } from "./guards";
import { Range } from "./range";
import { TableCollection, type TablesTarget } from "./table";
import { ChartCollection } from "./chart";
import { PageBreakCollection, PageLayout } from "./page-layout";

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

  private get _ctx(): Ctx {
    return this.context as Ctx;
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (s, v) => {
      const wb = this._ctx.state;
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
      const wb = this._ctx.state;
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
      const wb = this._ctx.state;
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
    return (this._protection ??= new WorksheetProtection(this._ctx, this._ref));
  }

  get freezePanes(): WorksheetFreezePanes {
    return (this._freezePanes ??= new WorksheetFreezePanes(this._ctx, this._ref));
  }

  get tables(): TableCollection {
    const ctx = this._ctx;
    return (this._tables ??= new TableCollection(ctx, new Ref<TablesTarget>(() => {
      const sheet = this._ref.resolve();
      return sheet ? { wb: ctx.state, sheet } : null;
    })));
  }

  get charts(): ChartCollection {
    return (this._charts ??= new ChartCollection(this._ctx, this._ref));
  }

  get pageLayout(): PageLayout {
    return (this._pageLayout ??= new PageLayout(this._ctx, this._ref));
  }

  get horizontalPageBreaks(): PageBreakCollection {
    return (this._horizontalPageBreaks ??= new PageBreakCollection(this._ctx, this._ref));
  }

  private _rangeOn(find: (s: SheetState) => Rect | null, method: string, args: unknown[]): Range {
    const ctx = this._ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const sheet = this._ref.resolve();
        if (!sheet) return null;
        const rect = find(sheet);
        return rect ? { sheet, rect } : null;
      }, rangeAlive(ctx)),
    )._queueCreation(this._typeName, method, args);
  }

  /** A range by A1 address (`A1`, `B2:D9`, `C:C`, `3:5`); the whole sheet without one. */
  getRange(address?: string): Range {
    return this._rangeOn((s) => {
      if (address === undefined || address === "") return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const { sheet, ref } = splitSheet(address);
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase()) throw invalid("Worksheet.getRange", `"${address}" is on another sheet.`);
      return parseRef(ref);
    }, "getRange", [address]);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._rangeOn(() => {
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
    return this._rangeOn((s) => usedRect(s, Boolean(valuesOnly)) ?? { top: 0, left: 0, bottom: 0, right: 0 }, "getUsedRange", [valuesOnly]);
  }

  /** The used range, or a null object for an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._rangeOn((s) => usedRect(s, Boolean(valuesOnly)), "getUsedRangeOrNullObject", [valuesOnly]);
  }

  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw new MemoryExcelError("InvalidOperation", "Worksheet.activate", `The sheet '${s.name}' is hidden.`);
      this._ctx.state.activeSheetId = s.id;
    });
  }

  delete(): void {
    this._call("delete", [], (s) => {
      const wb = this._ctx.state;
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
    )._queueCreation(this._typeName, "getLocationOrNullObject", []);
  }
}
