/**
 * Excel.TableRowCollection and Excel.TableRow, in memory: rows added to a table and deleted from it, with the
 * cells under the table (in its columns) moved down or up as Excel moves them.
 *
 * As Microsoft documents `TableRowCollection.add`: ExcelApi 1.1 adds a single row, 1.4 several at once, 1.15 takes
 * `alwaysInsert`; `index` null or -1 (or left out) adds at the end; values must have as many columns as the table.
 * Excel refuses with InsertDeleteConflict a move that would cut through another table or a merged area, and
 * refuses any of it on a protected sheet. A dropdown on a table column's rows (ending on its last row) grows with
 * the table, as Excel's table expansion extends it; ranges below move with the cells.
 */

import { type CellValue } from "../core/grid";
import { intersects, MAX_ROWS, type Rect } from "./address";
import { ClientObject, CollectionObject, type Getters, Ref } from "./base";
import { MemoryExcelError } from "./errors";
import { editable, invalid, itemIndex, rangeAlive, type RangeTarget } from "./guards";
import { compareVersions } from "./requirements";
import { type Ctx } from "./request-context";
import { cellKey, keyCell, shaped, writeValues, type SheetState, type TableState } from "./state";
import { Range } from "./range";
import { replaceTable, type TableTarget, tableAlive } from "./table";

/** A data row of a table: the table and the row's index among its data rows (0 under the header). */
interface RowTarget extends TableTarget {
  index: number;
}

function conflict(location: string, detail: string): MemoryExcelError {
  return new MemoryExcelError("InsertDeleteConflict", location, detail);
}

/** The table's data rows, as Excel counts them (no header row, no totals row in this host). */
function dataRows(table: TableState): number {
  return table.rect.bottom - table.rect.top;
}

/**
 * Moves the cells of columns `left..right` from row `from` down to the sheet's end by `delta` rows (up when
 * negative; the rows moved over are dropped): values, formulas and formats. Refuses to cut through another table
 * or a merged area, as Excel does.
 */
function moveCells(sheet: SheetState, table: TableState, from: number, delta: number, location: string): void {
  const moved: Rect = { top: delta < 0 ? from + delta : from, left: table.rect.left, bottom: MAX_ROWS - 1, right: table.rect.right };
  for (const t of sheet.tables) if (t.id !== table.id && intersects(t.rect, moved)) throw conflict(location, `It would move cells of the table '${t.name}'.`);
  for (const m of sheet.merges) if (intersects(m, moved)) throw conflict(location, "It would move part of a merged area.");
  const rows = Math.max(sheet.rows.length, from) + Math.max(delta, 0);
  const { left, right } = table.rect;
  const inColumns = (key: number) => {
    const { row, col } = keyCell(key);
    return col >= left && col <= right && row >= moved.top;
  };
  for (const map of [sheet.formulas, sheet.formats] as Map<number, unknown>[]) {
    const entries = [...map].filter(([k]) => inColumns(k));
    for (const [k] of entries) map.delete(k);
    for (const [k, v] of entries) {
      const { row, col } = keyCell(k);
      if (row >= from) map.set(cellKey(row + delta, col), v);
    }
  }
  const values: CellValue[][] = [];
  for (let r = from; r < rows; r++) values.push(Array.from({ length: right - left + 1 }, (_, i) => sheet.rows[r]?.[left + i] ?? ""));
  for (let r = moved.top; r < rows; r++) for (let c = left; c <= right; c++) if (sheet.rows[r] && c < sheet.rows[r].length) sheet.rows[r][c] = "";
  values.forEach((row, i) => {
    const r = from + delta + i;
    if (r >= 0 && row.some((v) => v !== "")) {
      while (sheet.rows.length <= r) sheet.rows.push([]);
      const target = (sheet.rows[r] ??= []);
      row.forEach((v, j) => {
        if (v === "") return;
        while (target.length < left + j) target.push("");
        target[left + j] = v;
      });
    }
  });
  // dropdowns in the table's columns: those below move; those over the rows inserted or deleted grow or shrink,
  // and so does one on a column's rows that ends on the table's last row when rows are added at the end
  const atEnd = delta > 0 && from === table.rect.bottom + 1;
  sheet.validations = sheet.validations.flatMap((v) => {
    const r = v.rect;
    if (r.left < left || r.right > right) return [v];
    if (r.top >= from) return [{ ...v, rect: { ...r, top: r.top + delta, bottom: r.bottom + delta } }];
    const over = delta > 0 ? r.bottom >= from || (atEnd && r.bottom === table.rect.bottom && r.top > table.rect.top) : r.bottom >= from + delta;
    if (!over) return [v];
    const bottom = r.bottom + delta;
    return bottom < r.top ? [] : [{ ...v, rect: { ...r, bottom } }];
  });
}

export class TableRowCollection extends CollectionObject<TableTarget, TableRow> {
  readonly _typeName = "TableRowCollection";

  protected _list(t: TableTarget): unknown[] {
    return Array.from({ length: dataRows(t.table) }, (_, index) => ({ ...t, index }));
  }

  protected _itemProxy(e: unknown): TableRow {
    const ctx = this.context as Ctx;
    return new TableRow(ctx, Ref.of(e as RowTarget, rowAlive(ctx)));
  }

  /** Adds rows to the table (see the module's comment); returns the first of them. */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRow {
    const ctx = this.context as Ctx;
    const location = "TableRowCollection.add";
    const grid = Array.isArray(values) ? (values as unknown[]) : null;
    const count = grid ? grid.length : 1;
    const ref = new Ref<RowTarget>(() => {
      const t = this._ref.require(location);
      if (count > 1 && compareVersions(ctx.host.excelApi, "1.4") < 0) {
        throw new MemoryExcelError("InvalidArgument", location, `Adding ${count} rows at once needs ExcelApi 1.4; this Excel supports ExcelApi up to ${ctx.host.excelApi}.`);
      }
      if (alwaysInsert !== undefined && compareVersions(ctx.host.excelApi, "1.15") < 0) {
        throw new MemoryExcelError("ApiNotFound", location, `alwaysInsert is in ExcelApi 1.15; this Excel supports ExcelApi up to ${ctx.host.excelApi}.`);
      }
      if (alwaysInsert === false) throw invalid(location, "The in-memory host adds rows only by inserting them into the table (alwaysInsert true, the default).");
      editable(t.sheet, location);
      const rows = dataRows(t.table);
      const at = index === undefined || index === null || index === -1 ? rows : index;
      if (!Number.isInteger(at) || at < 0 || at > rows) throw invalid(location, `${String(index)} is not a row position of the table (0 to ${rows}).`);
      const width = t.table.rect.right - t.table.rect.left + 1;
      if (grid && (count === 0 || grid.some((r) => !Array.isArray(r) || r.length !== width))) {
        throw invalid(location, `The values must be rows of ${width} cells, one per column of the table.`);
      }
      const first = t.table.rect.top + 1 + at;
      if (t.table.rect.bottom + count >= MAX_ROWS) throw conflict(location, "The rows would go past the sheet's last row.");
      moveCells(t.sheet, t.table, first, count, location);
      replaceTable(t, { rect: { ...t.table.rect, bottom: t.table.rect.bottom + count } });
      const rect = { top: first, left: t.table.rect.left, bottom: first + count - 1, right: t.table.rect.right };
      if (grid) writeValues(t.sheet, rect, grid, location);
      else if (values !== undefined) writeValues(t.sheet, rect, [shapedRow(values, width)], location);
      return { ...t, index: at };
    }, rowAlive(ctx));
    const row = new TableRow(ctx, ref);
    ctx.enqueue({
      request: { type: this._typeName, method: "add", args: [index, values, alwaysInsert] },
      writes: true,
      run: () => {
        ref.resolve();
        return { deliver: () => row._markExists() };
      },
    });
    return row;
  }

  /** The data row at `index` (ItemNotFound past the last). */
  getItemAt(index: number): TableRow {
    const ctx = this.context as Ctx;
    return new TableRow(
      ctx,
      new Ref<RowTarget>(() => {
        const t = this._ref.require("TableRowCollection.getItemAt");
        return { ...t, index: itemIndex(index, dataRows(t.table), "TableRowCollection.getItemAt", `The table has no row ${index}.`) };
      }, rowAlive(ctx)),
    )._queueCreation(this._typeName, "getItemAt", [index]);
  }
}

/** One value for every column of a single added row. */
function shapedRow(value: unknown, width: number): unknown[] {
  const at = shaped<unknown>(value, { top: 0, left: 0, bottom: 0, right: width - 1 }, "TableRowCollection.add");
  return Array.from({ length: width }, (_, c) => at(0, c));
}

function rowAlive(ctx: Ctx) {
  const alive = tableAlive(ctx);
  return (t: RowTarget): RowTarget | null => {
    const found = alive(t);
    return found ? { ...found, index: t.index } : null;
  };
}

export class TableRow extends ClientObject<RowTarget> {
  readonly _typeName = "TableRow";
  _getters(): Getters<RowTarget> {
    return { index: (t) => t.index };
  }
  _markExists(): void {
    this._isNull = false;
  }
  get index(): number {
    return this._get("index");
  }
  /** The row's cells. */
  getRange(): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const t = this._ref.resolve();
        if (!t) return null;
        const row = t.table.rect.top + 1 + t.index;
        return { sheet: t.sheet, rect: { ...t.table.rect, top: row, bottom: row } };
      }, rangeAlive(ctx)),
    )._queueCreation(this._typeName, "getRange", []);
  }
  /** Deletes the row from the table: the cells under it, in the table's columns, move up. */
  delete(): void {
    this._call("delete", [], (t) => {
      editable(t.sheet, "TableRow.delete");
      if (t.index >= dataRows(t.table)) throw new MemoryExcelError("ItemNotFound", "TableRow.delete", "The row was deleted.");
      if (dataRows(t.table) === 1) {
        // Excel keeps one (empty) data row in a table
        writeValues(t.sheet, { ...t.table.rect, top: t.table.rect.bottom }, Array.from({ length: 1 }, () => Array(t.table.rect.right - t.table.rect.left + 1).fill("")), "TableRow.delete");
        return;
      }
      const row = t.table.rect.top + 1 + t.index;
      moveCells(t.sheet, t.table, row + 1, -1, "TableRow.delete");
      replaceTable(t, { rect: { ...t.table.rect, bottom: t.table.rect.bottom - 1 } });
    });
  }
}
