/** What the Excel objects check before they act: protection, a live sheet, a valid argument. */

import { type Rect } from "./address";
import { MemoryExcelError } from "./errors";
import { cellKey, type SheetState, type WorkbookState } from "./state";
import { type Ctx } from "./request-context";

export function accessDenied(location: string, detail: string): MemoryExcelError {
  return new MemoryExcelError("AccessDenied", location, detail);
}

/** Sheet protection forbids changing cells, formats, merges, tables, validation and charts. */
export function editable(sheet: SheetState, location: string): SheetState {
  if (sheet.protected) throw accessDenied(location, `The sheet '${sheet.name}' is protected.`);
  return sheet;
}

/**
 * On a protected sheet, values may still be written into cells that are all unlocked (as people type into them);
 * a range with any locked cell is refused, as Excel refuses it.
 */
export function writableValues(sheet: SheetState, rect: Rect, location: string): SheetState {
  if (!sheet.protected) return sheet;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (sheet.formats.get(cellKey(r, c))?.locked !== false) throw accessDenied(location, `The sheet '${sheet.name}' is protected and the cell is locked.`);
    }
  }
  return sheet;
}

/** Workbook structure protection forbids adding, deleting, renaming, moving, hiding sheets. */
export function structural(wb: WorkbookState, location: string): void {
  if (wb.structureProtected) throw accessDenied(location, "The workbook structure is protected.");
}

export function invalid(location: string, detail: string): MemoryExcelError {
  return new MemoryExcelError("InvalidArgument", location, detail);
}

/** A collection's `getItemAt(index)`: the index, or ItemNotFound unless it is one of the `count` items (`none` says which is missing). */
export function itemIndex(index: number, count: number, location: string, none: string): number {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new MemoryExcelError("ItemNotFound", location, none);
  return index;
}

export function sheetAlive(ctx: Ctx) {
  return (s: SheetState) => (ctx.state.sheets.includes(s) ? s : null);
}

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

export function rangeAlive(ctx: Ctx) {
  return (t: RangeTarget) => (ctx.state.sheets.includes(t.sheet) ? t : null);
}

export function visibleSheets(wb: WorkbookState): SheetState[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}
