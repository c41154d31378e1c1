import { isoFromSerial } from "../dates";
import { cellOf, hasStatusColumns, isOverdue, latestStatusCell, recLabel, unitLabel, eachResponse } from "../matrix";
import type { StatusCell } from "../model";
import type { Rule } from "./types";

/** The latest status as a message names it. */
function describe(cell: StatusCell | null): string {
  if (!cell) return "no status is given";
  const r = cell.reading;
  if (r.kind === "known") return `the latest status is ${r.value}`;
  if (r.kind === "open") return `the latest status is O (open)`;
  return r.kind === "unknown" ? `the latest status reads "${r.text}"` : "no status is given";
}

/** Accepted or partially accepted, the target date is before the "as of" date, and the latest status is not Implemented. */
export const overdue: Rule = {
  meta: {
    id: "overdue",
    title: "Past its target date",
    severity: "warning",
    description: "Target date has passed and the latest status is not Implemented",
  },
  check(matrix, report) {
    if (!matrix.columns.has("targetDate") || !hasStatusColumns(matrix)) return;
    eachResponse(matrix, (r) => {
      if (r.targetDate.kind !== "date" || !isOverdue(matrix, r)) return;
      const at = cellOf(matrix, r, "targetDate");
      if (!at) return;
      report({
        at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the target date ${isoFromSerial(r.targetDate.serial)} has passed ` +
          `(as of ${isoFromSerial(matrix.asOf)}) and ${describe(latestStatusCell(r))}. Update the status, or agree a new target date and enter it.`,
      });
    });
  },
};
