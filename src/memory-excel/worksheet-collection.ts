/** Excel.WorksheetCollection, in memory. */

import { CollectionObject, Ref } from "./base";
import { MemoryExcelError } from "./errors";
import { newSheet, sheetNameProblem, type SheetState, type WorkbookState } from "./state";
import { type Ctx } from "./request-context";
import { invalid, sheetAlive, structural, visibleSheets } from "./guards";
import { Worksheet } from "./worksheet";

export function findSheet(wb: WorkbookState, key: string): SheetState | undefined {
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

  private _sheetRef(find: (wb: WorkbookState) => SheetState | null): Ref<SheetState> {
    const ctx = this.context as Ctx;
    return new Ref(() => find(ctx.state), sheetAlive(ctx));
  }

  getItem(key: string): Worksheet {
    const ref = this._sheetRef((wb) => {
      const s = findSheet(wb, key);
      if (!s) throw new MemoryExcelError("ItemNotFound", "WorksheetCollection.getItem", `There is no sheet named '${key}'.`);
      return s;
    });
    return new Worksheet(this.context as Ctx, ref)._queueCreation(this._typeName, "getItem", [key]);
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context as Ctx, this._sheetRef((wb) => findSheet(wb, key) ?? null))._queueCreation(this._typeName, "getItemOrNullObject", [key]);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(
      this.context as Ctx,
      this._sheetRef((wb) => wb.sheets.find((s) => s.id === wb.activeSheetId) ?? visibleSheets(wb)[0] ?? null),
    )._queueCreation(this._typeName, "getActiveWorksheet", []);
  }

  getFirst(visibleOnly?: boolean): Worksheet {
    return new Worksheet(
      this.context as Ctx,
      this._sheetRef((wb) => {
        const s = (visibleOnly ? visibleSheets(wb) : wb.sheets)[0];
        if (!s) throw new MemoryExcelError("ItemNotFound", "WorksheetCollection.getFirst");
        return s;
      }),
    )._queueCreation(this._typeName, "getFirst", [visibleOnly]);
  }

  /** Adds a sheet at the end (not activated, as in Excel). */
  add(name?: string): Worksheet {
    const ref = this._sheetRef((wb) => {
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
