/**
 * The round trip inside the open workbook (SPEC section 9): "Prepare unit sheets" writes one protected sheet per
 * addressed unit, "Merge unit sheets" merges the unit sheets present back into Responses with a Merge log.
 * I/O only: the sheets, the cell changes and the log are the core's (src/core/round-trip).
 *
 * Both read the workbook in 2 syncs (done by the caller) and write in 2 more, whatever the number of units. A
 * failed write is undone: new sheets are deleted, the Responses cells get their old values back, the rows added
 * under an earlier Merge log are cleared.
 */

import { isoFromSerial } from "../core/dates";
import { cellAt, type CellValue, type MergedRange, type Sheet, type Workbook } from "../core/grid";
import { mergeLogSheet, mergeLogSheetName } from "../core/round-trip/log";
import { isPartSheet, readMarker } from "../core/round-trip/marker";
import { mergeParts, type CellChange, type ConflictChoice, type MergeResult } from "../core/round-trip/merge";
import { splitBook } from "../core/round-trip/split";
import type { SheetSpec } from "../core/sheet-spec";
import { joinWithAnd } from "../core/text";
import { rangeOf } from "./address";
import { UserFacingError, type MergedUnitSheets, type PreparedUnitSheets } from "./gateway";
import { coalesceStyles, freeName, queueSheetSpec, queueStyle, typed, writeSheets } from "./write";

const TEMPORARY_LOG = "Response Matrix (merge log)";

/** The workbook's unit sheets as one source of parts. */
function unitSheetsOf(workbook: Workbook) {
  return { source: workbook.name || "this workbook", workbook, kind: "workbook" as const };
}

/**
 * Unit sheets that may be replaced by new ones: those whose answers are all in Responses already (merging them
 * would change nothing). A sheet holding unmerged answers stops the preparation with a sentence; a sheet that
 * cannot be merged at all (another evaluation, a damaged marker) is left as it is.
 */
function replaceableUnitSheets(workbook: Workbook): string[] {
  const rounds = new Set<string>();
  for (const sheet of workbook.sheets) {
    const found = readMarker(sheet);
    if (found && "marker" in found) rounds.add(found.marker.round);
  }
  const replaceable: string[] = [];
  const unmerged: string[] = [];
  for (const round of rounds) {
    let result: MergeResult;
    try {
      result = mergeParts(workbook, [unitSheetsOf(workbook)], { round });
    } catch {
      continue; // a round this workbook no longer has: its sheets are left alone
    }
    for (const p of result.parts) {
      if (p.sheet === null || p.refusedBecause) continue;
      if (p.added + p.changed + p.conflicting > 0) unmerged.push(p.sheet);
      else if (!replaceable.includes(p.sheet)) replaceable.push(p.sheet);
    }
  }
  if (unmerged.length > 0) {
    throw new UserFacingError(
      `The unit ${unmerged.length === 1 ? "sheet" : "sheets"} ${joinWithAnd(unmerged.map((n) => `'${n}'`))} ${unmerged.length === 1 ? "holds" : "hold"} answers not yet merged into Responses. ` +
        `Merge unit sheets first (or delete ${unmerged.length === 1 ? "that sheet" : "those sheets"}), then prepare the new ones.`,
    );
  }
  return replaceable;
}

/** Writes one sheet per addressed unit for the round (2 syncs), replacing unit sheets already merged. */
export async function prepareUnitSheets(context: Excel.RequestContext, workbook: Workbook, sheetNames: readonly string[], round: string, today: string): Promise<PreparedUnitSheets> {
  const replaced = workbook.sheets.some(isPartSheet) ? replaceableUnitSheets(workbook) : [];
  const split = splitBook(workbook, { round, made: today, taken: sheetNames.filter((n) => !replaced.includes(n)) });
  if (split.parts.length === 0) {
    throw new UserFacingError(`No recommendation is addressed to any unit of the Units sheet, so there is nothing to prepare. Fill in "Addressed to" in Recommendations, then try again.`);
  }
  const sheets = split.parts.map((p) => p.spec.name);
  await writeSheets(context, split.parts.map((p) => ({ spec: p.spec })), { existingSheets: sheetNames, activate: sheets[0], remove: replaced });
  return { sheets, round: split.round.name, notAddressed: split.notAddressed, replaced };
}

/** What a merge will write: the core's result and the Merge log (a new sheet, or rows added under our earlier log). */
export interface MergePlan {
  result: MergeResult;
  log: SheetSpec;
  /** The row from which the log's new rows start when they go under an earlier log; null for a new log sheet. */
  appendAt: number | null;
  /** The Responses sheet as read, for putting cells back after a failure. */
  responses: Sheet;
}

/** Merges the workbook's unit sheets in the core. Throws a sentence when there are none. */
export function planMerge(workbook: Workbook, choices: readonly ConflictChoice[], today: string): MergePlan {
  const result = mergeParts(workbook, [unitSheetsOf(workbook)], { choices });
  if (result.parts.length === 0) {
    throw new UserFacingError(
      "This workbook has no unit sheets to merge. Prepare unit sheets first and let each unit fill in its own (or copy the sheet of a part a unit returned into this workbook), then merge.",
    );
  }
  const target = mergeLogSheetName(workbook.sheets);
  const previous = target.replaces ? (workbook.sheets.find((s) => s.name === target.name) ?? null) : null;
  const { spec, firstNewRow } = mergeLogSheet(result, { name: target.name, date: today, previous });
  const responses = workbook.sheets.find((s) => s.name === result.responsesSheet)!;
  return { result, log: spec, appendAt: previous ? firstNewRow : null, responses };
}

/** The rectangle holding every change. */
function bounds(changes: readonly CellChange[]): MergedRange | null {
  if (changes.length === 0) return null;
  const r = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  for (const c of changes) {
    r.top = Math.min(r.top, c.row);
    r.bottom = Math.max(r.bottom, c.row);
    r.left = Math.min(r.left, c.col);
    r.right = Math.max(r.right, c.col);
  }
  return r;
}

/**
 * Values for the changed cells' rectangle: null (left as it is) except the changed cells. Text is written as text;
 * a date as `YYYY-MM-DD`, which Excel reads as a date (a date cell stays one; an empty one gets a date format).
 */
function valuesFor(area: MergedRange, cells: readonly { row: number; col: number; value: CellValue; date?: boolean }[], formats: string[][]): (CellValue | null)[][] {
  return sparse(area, cells, (c) => {
    const format = formats[c.row - area.top]?.[c.col - area.left] ?? "General";
    return c.date && typeof c.value === "number" ? isoFromSerial(c.value) : typed(c.value, format === "@");
  });
}

/** A grid over the area: null (left as it is) except the given cells, which get `value` (skipped when undefined). */
function sparse<C extends { row: number; col: number }, T>(area: MergedRange, cells: readonly C[], value: (c: C) => T | undefined): (T | null)[][] {
  const grid: (T | null)[][] = Array.from({ length: area.bottom - area.top + 1 }, () => new Array<T | null>(area.right - area.left + 1).fill(null));
  for (const c of cells) {
    const v = value(c);
    if (v !== undefined) grid[c.row - area.top][c.col - area.left] = v;
  }
  return grid;
}

/** Rows a merge adds under Responses: where they go, what is read of them in the first sync, and the table they may join. */
interface NewRows {
  /** The new rows over the columns of the Responses header. */
  rect: MergedRange;
  /** The Responses header row. */
  header: number;
  changes: CellChange[];
  /** The row above them (the last of Responses), whose formats they take: its number formats are read. */
  above: Excel.Range;
  /** Their own number formats before the merge (put back by the undo when they do not join a table). */
  before: Excel.Range;
  /** The tables at the ends of the row above, under its first cell, and beside its ends. */
  probes: { ends: Excel.TableScopedCollection[]; below: Excel.TableScopedCollection; beside: Excel.TableScopedCollection[] };
}

function tablesAt(sheet: Excel.Worksheet, row: number, col: number): Excel.TableScopedCollection {
  return sheet.getRangeByIndexes(row, col, 1, 1).getTables(false).load("items/name,items/showTotals");
}

/** Queues the reads the new rows need (first sync). */
function queueNewRowsRead(sheet: Excel.Worksheet, added: NonNullable<MergeResult["addedRows"]>, changes: CellChange[]): NewRows {
  const rect = { top: added.first, bottom: added.last, left: added.left, right: added.right };
  const aboveRect = { ...rect, top: rect.top - 1, bottom: rect.top - 1 };
  return {
    rect,
    header: added.header,
    changes,
    above: rangeOf(sheet, aboveRect).load("numberFormat"),
    before: rangeOf(sheet, rect).load("numberFormat"),
    probes: {
      ends: [tablesAt(sheet, aboveRect.top, rect.left), tablesAt(sheet, aboveRect.top, rect.right)],
      below: tablesAt(sheet, rect.top, rect.left),
      beside: [...(rect.left > 0 ? [tablesAt(sheet, aboveRect.top, rect.left - 1)] : []), tablesAt(sheet, aboveRect.top, rect.right + 1)],
    },
  };
}

/**
 * The table the new rows continue: the one table holding both ends of the row above (so it spans the header's
 * columns), not wider, without a totals row, and ending on that row. Null when there is none (rows then go under
 * Responses as cells, or already lie inside a table that goes on below).
 */
function continuedTable(rows: NewRows): string | null {
  const [first, last] = rows.probes.ends.map((p) => p.items);
  if (first.length !== 1 || last.length !== 1 || first[0].name !== last[0].name || first[0].showTotals) return null;
  const name = first[0].name;
  const holds = (p: Excel.TableScopedCollection) => p.items.some((t) => t.name === name);
  return holds(rows.probes.below) || rows.probes.beside.some(holds) ? null : name;
}

/**
 * Queues the new rows (second sync): added to the table they continue (TableRowCollection.add, several rows at once
 * from ExcelApi 1.4, below the add-in's minimum), given the formats of the row above (Range.copyFrom, ExcelApi 1.9)
 * unless it is the header, then their values, written as into the cells' formats (a date into a cell without a date
 * format gets one). Returns the table's name, or null when the rows are cells under Responses.
 */
function queueNewRows(sheet: Excel.Worksheet, rows: NewRows): string | null {
  const { rect } = rows;
  const height = rect.bottom - rect.top + 1;
  const table = continuedTable(rows);
  if (table) sheet.tables.getItem(table).rows.add(undefined, Array.from({ length: height }, () => new Array<string>(rect.right - rect.left + 1).fill("")));
  const target = rangeOf(sheet, rect);
  const styled = rect.top - 1 !== rows.header;
  if (styled) target.copyFrom(rows.above, "Formats");
  const formats = styled ? Array.from({ length: height }, () => rows.above.numberFormat[0]) : rows.before.numberFormat;
  target.values = valuesFor(rect, rows.changes, formats) as CellValue[][];
  return table;
}

/**
 * Writes a merge in 2 syncs: (1) the new log into a temporary sheet; the number formats and formulas of the cells
 * to change; for rows to add, the formats of the row above and the table it ends; (2) the Responses cells, the new
 * rows (added to that table, styled like the row above), and the log put in place (renamed, or its new rows
 * written under the earlier log). On failure, undoes what Excel applied and rethrows.
 */
export async function writeMerge(context: Excel.RequestContext, plan: MergePlan, sheetNames: readonly string[]): Promise<MergedUnitSheets> {
  const { result, log, appendAt } = plan;
  const worksheets = context.workbook.worksheets;
  const responses = worksheets.getItem(result.responsesSheet);
  const added = result.addedRows;
  const isNew = (c: CellChange) => added !== null && c.row >= added.first && c.row <= added.last;
  const existing = result.changes.filter((c) => !isNew(c));
  const area = bounds(existing);
  const cells = area ? rangeOf(responses, area).load("numberFormat,formulas") : null;
  const newRows = added ? queueNewRowsRead(responses, added, result.changes.filter(isNew)) : null;
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  const temporary = freeName(taken, TEMPORARY_LOG);
  const logSheet = appendAt === null ? worksheets.add(temporary) : worksheets.getItem(log.name);
  if (appendAt === null) {
    logSheet.load("id");
    queueSheetSpec(logSheet, log);
  }
  let committing = false;
  let table: string | null = null;
  try {
    await context.sync();
    committing = true;
    if (area && cells) rangeOf(responses, area).values = valuesFor(area, existing, cells.numberFormat) as CellValue[][];
    if (newRows) table = queueNewRows(responses, newRows);
    if (appendAt === null) logSheet.name = log.name;
    else queueRows(logSheet, log, appendAt);
    await context.sync();
  } catch (error) {
    await undoMerge(context, plan, {
      sheet: appendAt === null ? (committing ? logSheet.id : temporary) : null,
      cells: committing && area && cells ? { area, changes: existing, formats: cells.numberFormat, formulas: cells.formulas } : null,
      rows: committing && newRows ? { rect: newRows.rect, table, formats: newRows.before.numberFormat } : null,
    });
    throw error;
  }
  return { logSheet: log.name, round: result.round?.name ?? null, parts: result.parts, conflicts: result.conflicts, totals: result.totals, responsesSheet: result.responsesSheet };
}

/** The log's rows from `from` on, under the earlier log: values and styles (the rows above are the earlier log, as they are). */
function queueRows(sheet: Excel.Worksheet, spec: SheetSpec, from: number): void {
  const rows = spec.cells.slice(from);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows.length === 0 || width === 0) return;
  sheet.getRangeByIndexes(from, 0, rows.length, width).values = rows.map((r) => Array.from({ length: width }, (_, c) => typed(r[c] ?? "", false)));
  for (const { range, style } of coalesceStyles(spec.styles.filter((s) => s.range.top >= from))) queueStyle(rangeOf(sheet, range), range, style);
}

/** What a failed merge may have changed, for the undo. */
interface Applied {
  /** The new log sheet's id (or temporary name), or null when the log went under an earlier one. */
  sheet: string | null;
  /** The Responses cells changed in rows that were there, with their number formats and formulas before. */
  cells: { area: MergedRange; changes: CellChange[]; formats: string[][]; formulas: unknown[][] } | null;
  /** The rows added: to a table (its name), or as cells under Responses with their number formats before. */
  rows: { rect: MergedRange; table: string | null; formats: string[][] } | null;
}

/**
 * Undoes a failed merge, whatever part of it Excel applied (never throws: the first error is the one to report):
 * deletes the new log sheet; puts the old values (and number formats of dates), and the formulas of the cells that
 * held one, back in the changed cells; deletes the rows added to the Responses table (or clears rows written under Responses, their number formats
 * put back); clears the rows added under an earlier log.
 */
async function undoMerge(context: Excel.RequestContext, plan: MergePlan, what: Applied): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    const responses = worksheets.getItem(plan.result.responsesSheet);
    const added = what.sheet === null ? null : worksheets.getItemOrNullObject(what.sheet);
    added?.load("name");
    if (what.cells) {
      const { area, changes, formats, formulas } = what.cells;
      const old = changes.map((c) => ({ row: c.row, col: c.col, value: cellAt(plan.responses, c.row, c.col) }));
      const range = rangeOf(responses, area);
      range.values = valuesFor(area, old, formats) as CellValue[][];
      // a date written into a cell without a date format gave it one
      const dated = changes.filter((c) => c.date);
      if (dated.length) range.numberFormat = sparse(area, dated, (c) => formats[c.row - area.top][c.col - area.left]) as string[][];
      const formula = (c: CellChange) => {
        const f = formulas[c.row - area.top]?.[c.col - area.left];
        return typeof f === "string" && f.startsWith("=") ? f : undefined;
      };
      if (changes.some(formula)) range.formulas = sparse(area, changes, formula) as string[][];
    }
    const rows = what.rows;
    const tableRange = rows?.table ? responses.tables.getItem(rows.table).getRange().load("rowIndex,rowCount") : null;
    if (rows && !rows.table) {
      const range = rangeOf(responses, rows.rect);
      range.clear("All");
      if (rows.formats.some((r) => r.some((f) => f !== "General"))) range.numberFormat = rows.formats.map((r) => r.map((f) => (f === "General" ? null : f))) as string[][];
    }
    if (plan.appendAt !== null) {
      const count = plan.log.cells.length - plan.appendAt;
      const width = plan.log.cells.reduce((w, r) => Math.max(w, r.length), 1);
      if (count > 0) worksheets.getItem(plan.log.name).getRangeByIndexes(plan.appendAt, 0, count, width).clear();
    }
    await context.sync();
    let again = false;
    if (rows?.table && tableRange) {
      // the table's data rows from the first added one on, deleted from the bottom up
      const kept = rows.rect.top - 1 - tableRange.rowIndex;
      const table = responses.tables.getItem(rows.table);
      for (let i = tableRange.rowCount - 2; i >= kept; i--) table.rows.getItemAt(i).delete();
      again = tableRange.rowCount - 2 >= kept;
    }
    if (added && !added.isNullObject) {
      added.delete();
      again = true;
    }
    if (again) await context.sync();
  } catch {
    // Excel may still refuse (cell-edit mode, protection); the original error is the one to report.
  }
}
