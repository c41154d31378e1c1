/** Excel.TableCollection and Excel.Table, in memory. */

import { type CellValue } from "../core/grid";
import { intersects, parseRef, type Rect, splitSheet } from "./address";
import { ClientObject, CollectionObject, type Getters, Ref } from "./base";
import { MemoryExcelError } from "./errors";
import {
  definedNameProblem,
  getValue,
  mergesIn,
  nameTaken,
  type SheetState,
  type TableState,
  type WorkbookState,
  writeValues,
} from "./state";
import { type Ctx } from "./request-context";
import { editable, invalid, rangeAlive, type RangeTarget } from "./guards";
import { findSheet } from "./worksheet-collection";
import { Range } from "./range";
import { TableRowCollection } from "./table-rows";

export interface TablesTarget {
  wb: WorkbookState;
  /** null: all tables of the workbook. */
  sheet: SheetState | null;
}

export interface TableTarget {
  sheet: SheetState;
  table: TableState;
}

export function tableAlive(ctx: Ctx) {
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

  private _byName(name: string, orNull: boolean): Table {
    const ctx = this.context as Ctx;
    const ref = new Ref<TableTarget>(() => {
      const tt = this._ref.require("TableCollection.getItem");
      const found = (this._list(tt) as TableTarget[]).find((x) => x.table.name.toLowerCase() === name.toLowerCase());
      if (!found && !orNull) throw new MemoryExcelError("ItemNotFound", "TableCollection.getItem", `There is no table named '${name}'.`);
      return found ?? null;
    }, tableAlive(ctx));
    return new Table(ctx, ref)._queueCreation(this._typeName, orNull ? "getItemOrNullObject" : "getItem", [name]);
  }

  getItem(key: string): Table {
    return this._byName(key, false);
  }

  getItemOrNullObject(key: string): Table {
    return this._byName(key, true);
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

/** The tables that overlap a range (or lie wholly inside it), as Range.getTables gives them. */
export class TableScopedCollection extends CollectionObject<{ sheet: SheetState; rect: Rect; fullyContained: boolean }, Table> {
  readonly _typeName = "TableScopedCollection";

  protected _list(t: { sheet: SheetState; rect: Rect; fullyContained: boolean }): unknown[] {
    const inside = (r: Rect) => r.top >= t.rect.top && r.bottom <= t.rect.bottom && r.left >= t.rect.left && r.right <= t.rect.right;
    return t.sheet.tables.filter((table) => (t.fullyContained ? inside(table.rect) : intersects(table.rect, t.rect))).map((table) => ({ sheet: t.sheet, table }));
  }

  protected _itemProxy(e: unknown): Table {
    const ctx = this.context as Ctx;
    return new Table(ctx, Ref.of(e as TableTarget, tableAlive(ctx)));
  }
}

export class Table extends ClientObject<TableTarget> {
  readonly _typeName = "Table";
  private _rows?: TableRowCollection;
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
  private _rangeOf(method: string, pick: (t: TableState) => Rect | null): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const t = this._ref.resolve();
        const rect = t ? pick(t.table) : null;
        return t && rect ? { sheet: t.sheet, rect } : null;
      }, rangeAlive(ctx)),
    )._queueCreation(this._typeName, method, []);
  }
  getRange(): Range {
    return this._rangeOf("getRange", (t) => t.rect);
  }
  get rows(): TableRowCollection {
    return (this._rows ??= new TableRowCollection(this.context as Ctx, this._ref));
  }
  getHeaderRowRange(): Range {
    return this._rangeOf("getHeaderRowRange", (t) => ({ ...t.rect, bottom: t.rect.top }));
  }
  getDataBodyRange(): Range {
    return this._rangeOf("getDataBodyRange", (t) => ({ ...t.rect, top: t.rect.top + 1 }));
  }
  delete(): void {
    this._call("delete", [], (t) => {
      editable(t.sheet, "Table.delete");
      t.sheet.tables = t.sheet.tables.filter((x) => x.id !== t.table.id);
    });
  }
}

/** Tables are replaced, never changed in place (snapshots share nothing mutable). */
export function replaceTable(t: TableTarget, patch: Partial<TableState>): void {
  t.sheet.tables = t.sheet.tables.map((x) => (x.id === t.table.id ? { ...x, ...patch } : x));
  t.table = t.sheet.tables.find((x) => x.id === t.table.id)!;
}
