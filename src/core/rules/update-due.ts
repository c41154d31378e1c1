import { addMonths, isoFromSerial, serialFromYmd } from "../dates";
import type { Period } from "../headers";
import { isAccepting, recLabel, unitLabel, eachResponse } from "../matrix";
import type { StatusColumn } from "../model";
import type { Rule } from "./types";

/**
 * The day after which a follow-up status is due: `months` after the response date, or 31 December of a
 * year-only period. Null when it cannot be told, or when the named year ended before the response was given.
 */
export function followUpDueDate(period: Period | null, responseDate: number): number | null {
  if (!period) return null;
  if (period.months !== null) return addMonths(responseDate, period.months);
  if (period.year === null) return null;
  const end = serialFromYmd(period.year, 12, 31);
  return end >= responseDate ? end : null;
}

/** A follow-up period counted from the response date has passed and that period's status cell is blank. */
export const updateDue: Rule = {
  meta: {
    id: "update-due",
    title: "Follow-up update due",
    severity: "info",
    description: "A follow-up status update is due and its cell is blank",
  },
  check(matrix, report) {
    const dueDates: DueDates = new Map();
    eachResponse(matrix, (r) => {
      if (!isAccepting(r)) return;
      const responseDate = r.responseDate.kind === "date" ? r.responseDate.serial : matrix.responseDate;
      if (responseDate === null) return;
      // A row with no status at all is missing-status's, at its first status cell
      let noStatus = true;
      for (let i = 0; i < r.statuses.length && noStatus; i++) noStatus = r.statuses[i].reading.kind === "blank";
      for (let i = 0; i < r.statuses.length; i++) {
        const cell = r.statuses[i];
        // Once an action is closed (Implemented or Not implemented) no further update is asked for
        if (cell.reading.kind === "known" && (cell.reading.value === "Implemented" || cell.reading.value === "Not implemented")) break;
        if (cell.column.role !== "followUp" || cell.reading.kind !== "blank" || (noStatus && i === 0)) continue;
        const due = dueDate(dueDates, cell.column, responseDate);
        if (due === null || matrix.asOf <= due) continue;
        const period = cell.column.period!;
        const when =
          period.months !== null
            ? `was due on ${isoFromSerial(due)}, ${period.label} after the response of ${isoFromSerial(responseDate)}`
            : `was due by ${isoFromSerial(due)}`;
        report({
          at: cell.at,
          recommendation: r.number,
          unit: unitLabel(r),
          message:
            `${recLabel(r.number)}, ${unitLabel(r)}: the status update ${period.months !== null ? "at" : "for"} ${period.label} ` +
            `("${cell.column.header}") ${when}, and it is blank. Enter the status as it stands.`,
        });
      }
    });
  },
};

/** Due dates worked out so far, by status column and response date. */
type DueDates = Map<StatusColumn, Map<number, number | null>>;

/** A period's due date: rows share a few response dates, so each is worked out once per date. */
function dueDate(known: DueDates, column: StatusColumn, responseDate: number): number | null {
  let ofColumn = known.get(column);
  if (!ofColumn) known.set(column, (ofColumn = new Map()));
  let due = ofColumn.get(responseDate);
  if (due === undefined) ofColumn.set(responseDate, (due = followUpDueDate(column.period, responseDate)));
  return due;
}
