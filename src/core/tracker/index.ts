/**
 * The tracker across evaluations (SPEC 10): many workbooks, each reduced to what the tracker keeps
 * (`trackWorkbook`, one at a time), become three sheets and the same three tables as CSV. Pure: the shells read
 * the files and write what this returns.
 */

import type { SheetSpec } from "../sheet-spec";
import { implementedChart, trackerSheet, type TrackerSheetOptions } from "./sheets";
import { trackerTables, type TrackerTable } from "./tables";
import type { TrackedWorkbook } from "./workbook";

export * from "./csv";
export * from "./sheets";
export * from "./tables";
export * from "./units";
export * from "./workbook";

export interface Tracker {
  /** Evaluations (with the chart), Open recommendations, Units. */
  sheets: SheetSpec[];
  /** The same tables, in the same order, for CSV. */
  tables: TrackerTable[];
}

/** The tracker of the workbooks read, in the order given. */
export function tracker(workbooks: readonly TrackedWorkbook[], options: TrackerSheetOptions): Tracker {
  const { evaluations, open, units } = trackerTables(workbooks);
  const tables = [evaluations, open, units];
  const sheets = tables.map((t) => trackerSheet(t, options));
  sheets[0].chart = implementedChart(evaluations);
  return { sheets, tables };
}
