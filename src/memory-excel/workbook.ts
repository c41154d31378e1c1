/** Excel.Workbook and Excel.WorkbookProtection, in memory. */

import { ClientObject, type Getters, Ref } from "./base";
import { type WorkbookState } from "./state";
import { type Ctx } from "./request-context";
import { rangeAlive, type RangeTarget } from "./guards";
import { WorksheetCollection } from "./worksheet-collection";
import { MemoryExcelError } from "./errors";
import { Range } from "./range";
import { type AreasTarget, RangeAreas } from "./range-areas";
import { TableCollection, type TablesTarget } from "./table";
import { NamedItemCollection } from "./named-item";
import { SettingCollection } from "./setting";

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

  /** The selected range (the active sheet's A1 when nothing was selected); fails on a multi-area selection, as Excel does. */
  getSelectedRange(): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const { sheet, rects } = selectedAreas(ctx.state);
        if (rects.length > 1) throw new MemoryExcelError("InvalidSelection", "Workbook.getSelectedRange", "Several areas are selected.");
        return { sheet, rect: rects[0] };
      }, rangeAlive(ctx)),
    )._queueCreation(this._typeName, "getSelectedRange", []);
  }

  /** Every area of the selection. */
  getSelectedRanges(): RangeAreas {
    const ctx = this.context as Ctx;
    return new RangeAreas(
      ctx,
      new Ref<AreasTarget>(() => selectedAreas(ctx.state), (a) => (ctx.state.sheets.includes(a.sheet) ? a : null)),
    )._queueCreation(this._typeName, "getSelectedRanges", []);
  }

  getActiveCell(): Range {
    return this.getSelectedRange().getCell(0, 0);
  }
}

/** The selection's sheet and areas; the active sheet's A1 when nothing was selected. */
function selectedAreas(wb: WorkbookState): AreasTarget {
  const sel = wb.selection;
  const sheet = sel ? wb.sheets.find((s) => s.id === sel.sheetId) : undefined;
  if (sheet && sel) return { sheet, rects: [sel.rect, ...(sel.more ?? [])] };
  const active = wb.sheets.find((s) => s.id === wb.activeSheetId) ?? wb.sheets[0];
  return { sheet: active, rects: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
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
